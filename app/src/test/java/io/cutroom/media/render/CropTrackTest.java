package io.cutroom.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropTrackTest {
    private static final double VERTICAL_W = (9.0 / 16) * 1080 / 1920; // 9:16 full height on 16:9

    @Test
    void centeredTakesTheLargestWindowOfTheAspect() {
        CropWindow w = CropTrack.centered(1920, 1080, AspectRatio.VERTICAL).windowAt(3);
        assertThat(w.h()).isEqualTo(1.0);
        assertThat(w.w()).isCloseTo(VERTICAL_W, within(1e-9));
        assertThat(w.x()).isCloseTo((1 - VERTICAL_W) / 2, within(1e-9));
        assertThat(w.toPixels(1920, 1080)).containsExactly(656, 0, 608, 1080);
        CropWindow wide = CropTrack.centered(1080, 1920, AspectRatio.WIDE).windowAt(0);
        assertThat(wide.w()).isEqualTo(1.0);
        assertThat(wide.toPixels(1080, 1920)[3]).isEqualTo(608);
    }

    @Test
    void windowsMoveLinearlyBetweenKeyframesAndHoldOutsideThem() {
        CropTrack track = track(new CropTrack.Keyframe(1, new CropWindow(0, 0, VERTICAL_W, 1)),
                new CropTrack.Keyframe(3, new CropWindow(1 - VERTICAL_W, 0, VERTICAL_W, 1)));
        assertThat(track.windowAt(0).x()).isEqualTo(0);
        assertThat(track.windowAt(2).x()).isCloseTo((1 - VERTICAL_W) / 2, within(1e-9));
        assertThat(track.windowAt(10).x()).isCloseTo(1 - VERTICAL_W, within(1e-9));
    }

    @Test
    void aWindowOutsideTheFrameIsClampedKeepingItsShape() {
        CropTrack track = track(new CropTrack.Keyframe(0, new CropWindow(0.9, -0.2, VERTICAL_W, 1)),
                new CropTrack.Keyframe(1, new CropWindow(0.2, 0, VERTICAL_W * 1.5, 1.5)));
        CropWindow moved = track.windowAt(0);
        assertThat(moved.x() + moved.w()).isCloseTo(1.0, within(1e-9));
        assertThat(moved.y()).isEqualTo(0);
        CropWindow shrunk = track.windowAt(1);
        assertThat(shrunk.h()).isCloseTo(1.0, within(1e-9));
        assertThat(shrunk.pixelAspect(1920, 1080)).isCloseTo(9.0 / 16, within(1e-9));
    }

    @Test
    void aWindowOfTheWrongShapeIsRefusedWithItsTime() {
        assertThatThrownBy(() -> track(new CropTrack.Keyframe(2.5, new CropWindow(0, 0, 0.5, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.50 s").hasMessageContaining("9:16");
    }

    @Test
    void jsonRoundTripsAndBadFilesSayWhy(@TempDir Path dir) throws Exception {
        CropTrack track = track(new CropTrack.Keyframe(0, new CropWindow(0.1, 0, VERTICAL_W, 1)),
                new CropTrack.Keyframe(4, new CropWindow(0.5, 0, VERTICAL_W, 1)));
        Path file = Files.writeString(dir.resolve("track.json"), track.toJson());
        assertThat(CropTrack.read(file)).isEqualTo(track);
        Path missing = Files.writeString(dir.resolve("partial.json"), "{\"sourceWidth\": 1920, \"aspect\": \"9:16\"}");
        assertThatThrownBy(() -> CropTrack.read(missing)).hasMessageContaining("partial.json");
        Path odd = Files.writeString(dir.resolve("odd.json"), track.toJson().replace("\"9:16\"", "\"nine by sixteen\""));
        assertThatThrownBy(() -> CropTrack.read(odd)).hasMessageContaining("written like 9:16");
    }

    private static CropTrack track(CropTrack.Keyframe... keyframes) {
        return new CropTrack(1920, 1080, AspectRatio.VERTICAL, List.of(keyframes));
    }
}
