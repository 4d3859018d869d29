package io.cutroom.vision;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutroom.TestMedia;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.soak.FuzzCorpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass sampler on clips of the fuzz corpus. */
class DamagedClipSamplingTest {
    @Test
    void aClipWhoseFirstFramesAreDamagedStillHasAPictureForEveryShot(@TempDir Path dir)
            throws Exception {
        // Found by bench soak: payload bit flips in fire2.mp4 left its first readable frame a cut, and the
        // shot before it had no picture ("Index 0 out of bounds" instead of tags).
        List<Path> sources = List.of(TestMedia.file("video/fire2.mp4"));
        for (var item : FuzzCorpus.generate(sources, dir, 1)) {
            if (!item.file().getFileName().toString().startsWith("fire2-payloadflip")) continue;
            OnePassSampler.Sampled sampled = OnePassSampler.sample(item.file(),
                    new JavaCvProbe().probe(item.file()), JobContext.NONE);
            assertThat(sampled.times()).hasSameSizeAs(sampled.shots()).allSatisfy(t -> assertThat(t).isNotEmpty());
        }
    }
}
