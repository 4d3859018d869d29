package io.cutroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** JavaCV 1.5.13 (FFmpeg 8) and ND4J 1.0.0-M2.1 share one JavaCPP and work in one JVM. */
class NativeStackTest {
    @Test
    void exactlyOneJavaCppVersionIsOnTheClasspath() {
        List<String> javacpp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> new File(p).getName())
                .filter(n -> n.startsWith("javacpp-1") || n.equals("javacpp.jar"))
                .map(n -> n.replace("-linux-x86_64", "").replace("-macosx-arm64", "").replace("-windows-x86_64", ""))
                .distinct().toList();
        assertThat(javacpp).containsExactly("javacpp-1.5.13.jar");
    }

    @Test
    void ffmpegDecodesAFrameAndNd4jMultipliesInTheSameJvm() throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(TestMedia.file("video/cup.mp4").toFile())) {
            grabber.start();
            Frame frame = grabber.grabImage();
            assertThat(frame).isNotNull();
            assertThat(frame.imageWidth).isEqualTo(640);
            assertThat(frame.imageHeight).isEqualTo(480);
        }
        INDArray a = Nd4j.create(new double[][] {{1, 2}, {3, 4}});
        INDArray b = Nd4j.create(new double[][] {{5, 6}, {7, 8}});
        INDArray product = a.mmul(b);
        assertThat(product.getDouble(0, 0)).isEqualTo(19.0);
        assertThat(product.getDouble(0, 1)).isEqualTo(22.0);
        assertThat(product.getDouble(1, 0)).isEqualTo(43.0);
        assertThat(product.getDouble(1, 1)).isEqualTo(50.0);
    }
}
