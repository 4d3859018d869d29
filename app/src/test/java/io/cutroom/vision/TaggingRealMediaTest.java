package io.cutroom.vision;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetStatus;
import io.cutroom.catalog.ShotTag;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.shots.ShotDetector;
import io.cutroom.jobs.JobContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Real photos and clips get the tags a person would give them, above their thresholds. */
class TaggingRealMediaTest {
    static final Path MEDIA = Path.of("src", "test", "media");
    static ShotTagger tagger;

    @BeforeAll
    static void load() throws ModelException {
        tagger = new ShotTagger(new VisionModels(ModelFiles.open(Path.of("..", "models"))), TagThresholds.defaults());
    }

    @ParameterizedTest(name = "{0} is tagged {1}")
    @CsvSource({
            "images/skimage/astronaut.png, person",
            "images/skimage/astronaut.png, face",
            "images/skimage/astronaut.png, live action",
            "images/skimage/chelsea.png, cat",
            "images/skimage/motorcycle_left.png, motorcycle",
            "images/opencv/licenseplate_motion.jpg, car",
            "video/chaplin.mp4, person",
            "video/big_buck_bunny_0_30.webm, bird",
            "video/cockatoo.mp4, bird",
    })
    void clearExamplesGetTheirTag(String file, String expected) throws Exception {
        Map<String, Double> best = tag(MEDIA.resolve(file));
        System.out.println(file + " -> " + best);
        assertThat(best).containsKey(expected);
        assertThat(best.get(expected)).isGreaterThanOrEqualTo(TagThresholds.defaults().of(expected));
    }

    @org.junit.jupiter.api.Test
    void aCartoonClipIsAnimationNotLiveAction(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path clip = io.cutroom.TestMedia.makeCartoon(MEDIA.resolve("images/imagemagick-logo.png"), dir.resolve("cartoon.mp4"), 4);
        Map<String, Double> best = tag(clip);
        System.out.println("cartoon -> " + best);
        assertThat(best.get(TagVocabulary.ANIMATION)).isGreaterThanOrEqualTo(TagThresholds.defaults().of(TagVocabulary.ANIMATION));
        assertThat(best.getOrDefault(TagVocabulary.LIVE_ACTION, 0.0)).isLessThan(TagThresholds.defaults().of(TagVocabulary.LIVE_ACTION));
    }

    @org.junit.jupiter.api.Test
    void aDrawnStillIsADrawingAndAPhotoIsNot() throws Exception {
        double drawing = TagThresholds.defaults().of(TagVocabulary.DRAWING);
        // The wizard is among the drawing head's training pictures; OpenCV's cartoon fish is not.
        for (String drawn : List.of("images/imagemagick-logo.png", "images/opencv-samples/HappyFish.jpg")) {
            assertThat(tag(MEDIA.resolve(drawn)).get(TagVocabulary.DRAWING)).as(drawn).isGreaterThanOrEqualTo(drawing);
        }
        for (String photo : List.of("images/skimage/astronaut.png", "images/skimage/chelsea.png", "images/objects/dog_beagle.jpg")) {
            Map<String, Double> best = tag(MEDIA.resolve(photo));
            assertThat(best.getOrDefault(TagVocabulary.DRAWING, 0.0)).as(photo).isLessThan(drawing);
            assertThat(best).as(photo + ": a still is never animated").doesNotContainKey(TagVocabulary.ANIMATION);
        }
    }

    static Map<String, Double> tag(Path file) throws Exception {
        MediaInfo info = new JavaCvProbe().probe(file);
        Asset asset = new Asset(1, file, info.kind(), 0, "", info, Instant.now(), AssetStatus.READY, null);
        List<io.cutroom.media.shots.Shot> shots = info.kind() == io.cutroom.media.MediaKind.VIDEO
                ? new ShotDetector().detect(file, JobContext.NONE) : List.of();
        List<ShotTag> tags = tagger.tag(asset, shots).tags();
        return tags.stream().collect(Collectors.toMap(ShotTag::tag, ShotTag::confidence, Math::max, java.util.TreeMap::new));
    }
}
