package io.cutroom.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cutroom.TestMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.Shot;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.catalog.ShotTag;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tagging a clip whose shots are unknown finds them and its samples in one decoding pass. */
class OnePassSamplerTest {
    @Test
    void shotsAreTheDetectorsAndEveryShotIsSampledInsideItself() throws Exception {
        Path bunny = TestMedia.file("video/big_buck_bunny_0_30.webm");
        MediaInfo info = new JavaCvProbe().probe(bunny);
        OnePassSampler.Sampled sampled = OnePassSampler.sample(bunny, info, JobContext.NONE);
        List<Shot> detected = new ShotDetector().detect(bunny, JobContext.NONE);

        assertThat(sampled.shots()).hasSameSizeAs(detected);
        for (int i = 0; i < detected.size(); i++) {
            assertThat(sampled.shots().get(i).startSec()).isCloseTo(detected.get(i).startSec(), within(1 / 24.0));
        }
        assertThat(sampled.times()).hasSameSizeAs(sampled.shots());
        int pictures = 0;
        for (int s = 0; s < sampled.shots().size(); s++) {
            Shot shot = sampled.shots().get(s);
            List<Double> times = sampled.times().get(s);
            assertThat(times).isNotEmpty().isSorted();
            assertThat(times).allSatisfy(t -> assertThat(t).isBetween(shot.startSec(), shot.endSec()));
            // About one look per 3 s of shot, as the planned sampling gives.
            int planned = ShotTagger.sampleTimes(List.of(shot)).get(0).size();
            assertThat(times.size()).isBetween(planned - 1, planned + 1);
            pictures += times.size();
        }
        assertThat(sampled.pictures()).hasSize(pictures);
        assertThat(sampled.pictures().get(0).getWidth()).isEqualTo(FrameSampler.BOX);
    }

    @Test
    void aLongShotIsSampledEveryThreeSeconds() throws Exception {
        Path cockatoo = TestMedia.file("video/cockatoo.mp4"); // one 14 s shot
        OnePassSampler.Sampled sampled = OnePassSampler.sample(cockatoo, new JavaCvProbe().probe(cockatoo), JobContext.NONE);
        assertThat(sampled.shots()).hasSize(1);
        List<Double> times = sampled.times().get(0);
        assertThat(times.get(0)).isCloseTo(1.5, within(0.3));
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isCloseTo(ShotTagger.SAMPLE_EVERY_SEC, within(0.6));
        }
        assertThat(times.size()).isBetween(4, 5);
    }

    @Test
    void aShotWithoutPicturesJoinsItsNeighbour() {
        List<Shot> shots = List.of(new Shot(0, 0, 1), new Shot(1, 1, 3), new Shot(2, 3, 4));
        OnePassSampler.Sampled merged = OnePassSampler.withoutEmptyShots(shots,
                List.of(List.of(), List.of(2.0), List.of()), List.of());
        assertThat(merged.shots()).containsExactly(new Shot(0, 0, 4));
        assertThat(merged.times()).containsExactly(List.of(2.0));
    }

    @Test
    void tagsFromOnePassAgreeWithTagsFromPlannedSamples() throws Exception {
        Path bunny = TestMedia.file("video/big_buck_bunny_0_30.webm");
        MediaInfo info = new JavaCvProbe().probe(bunny);
        ShotTagger tagger = new ShotTagger(new VisionModels(ModelFiles.open(Path.of("..", "models"))), TagThresholds.defaults());
        ShotTagger.Result planned = tagger.tag(1, bunny, info, new ShotDetector().detect(bunny, JobContext.NONE), JobContext.NONE);
        ShotTagger.Result onePass = tagger.tag(1, bunny, info, List.of(), JobContext.NONE);
        assertThat(onePass.shots()).hasSameSizeAs(planned.shots());
        // A tag clearly passed on one side (its threshold plus 0.1) passes on the other: the pictures differ by
        // a fraction of a second and the deblocking filter, not by what is in them.
        Set<String> plannedClear = tagsAbove(planned, 0.1);
        Set<String> onePassClear = tagsAbove(onePass, 0.1);
        System.out.println("clear tags, planned samples: " + plannedClear + "; one pass: " + onePassClear);
        assertThat(plannedClear).isNotEmpty();
        assertThat(tagsAbove(onePass, 0)).containsAll(plannedClear);
        assertThat(tagsAbove(planned, 0)).containsAll(onePassClear);
    }

    /** Per shot, the tags whose confidence is at least their threshold plus {@code margin}. */
    private static Set<String> tagsAbove(ShotTagger.Result result, double margin) {
        TagThresholds thresholds = TagThresholds.defaults();
        return result.tags().stream().filter(t -> t.confidence() >= thresholds.of(t.tag()) + margin)
                .map(t -> t.shotIndex() + ":" + t.tag()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
