package io.cutroom.reframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.vision.ModelFiles;
import io.cutroom.vision.VisionModels;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BlazeFace follows faces at every moment and only searches once a second where nobody is seen. */
class FaceScheduleTest {
    static VisionModels models;
    static final int MOMENTS = 9; // three seconds at three a second

    @BeforeAll
    static void load() throws Exception {
        models = new VisionModels(ModelFiles.open(Path.of("..", "models")));
    }

    @Test
    void withNobodyInViewItLooksOnceASecond() throws Exception {
        FaceSchedule schedule = new FaceSchedule(models.faces(), 0.5);
        List<List<io.cutroom.vision.Detection>> faces = schedule.detect(times(), pictures("images/sklearn/china.jpg"),
                new boolean[MOMENTS]);
        assertThat(faces).hasSize(MOMENTS).allSatisfy(f -> assertThat(f == null || f.isEmpty()).isTrue());
        assertThat(schedule.looks()).isEqualTo(3);
    }

    @Test
    void aFaceFoundIsLookedAtEverySecondMomentAndTrackedBetween() throws Exception {
        FaceSchedule schedule = new FaceSchedule(models.faces(), 0.5);
        List<List<io.cutroom.vision.Detection>> faces = schedule.detect(times(), pictures("images/skimage/astronaut.png"),
                new boolean[MOMENTS]);
        assertThat(schedule.looks()).isEqualTo((MOMENTS + 1) / 2 + 1); // moments 0, 2, 4, 6, 8, and the search at 3
        for (int i = 0; i < MOMENTS; i += 2) assertThat(faces.get(i)).as("moment %d", i).isNotEmpty();
        assertThat(faces.get(1)).as("between looks: the tracker's").isNull();
    }

    @Test
    void wherePeopleWereSeenItLooksAtEverySecondMoment() throws Exception {
        FaceSchedule schedule = new FaceSchedule(models.faces(), 0.5);
        boolean[] personNear = new boolean[MOMENTS];
        java.util.Arrays.fill(personNear, true);
        schedule.detect(times(), pictures("images/sklearn/china.jpg"), personNear);
        assertThat(schedule.looks()).isEqualTo((MOMENTS + 1) / 2 + 1); // every second moment, and the search at 3
    }

    private static List<Double> times() {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < MOMENTS; i++) times.add(i / 3.0);
        return times;
    }

    private static List<BufferedImage> pictures(String name) throws Exception {
        BufferedImage source = ImageIO.read(TestMedia.file(name).toFile());
        BufferedImage wide = new BufferedImage(480, 270, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = wide.createGraphics();
        g.drawImage(source, 105, 0, 270, 270, null); // the picture in the middle of a 16:9 frame
        g.dispose();
        return Collections.nCopies(MOMENTS, wide);
    }
}
