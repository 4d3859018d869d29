package io.cutroom.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failures become sentences: Cutroom's own pass through, a library's words never do. */
class ErrorSentenceTest {
    @Test
    void aSentenceOfOursPassesThroughUnwrapped() {
        String ours = "The WAV file is truncated: its header announces 17640 bytes of audio but the file holds only 944.";
        assertThat(ErrorSentence.of(new CompletionException(new IOException(ours)))).isEqualTo(ours);
    }

    @Test
    void ffmpegsHintsAreCutOffAfterOurSentence() {
        String leaked = "The audio could not be decoded: Did not find a video or audio stream inside \"x.wav\" for videoStream == -1"
                + " and audioStream == 0. (For more details, make sure FFmpegLogCallback.set() has been called.)";
        assertThat(ErrorSentence.of(new IOException(leaked))).isEqualTo("The audio could not be decoded.");
    }

    @Test
    void aJvmMessageBecomesAPlainSentence() {
        NullPointerException npe = new NullPointerException(
                "Cannot invoke \"java.nio.Buffer.position(int)\" because \"this.samples_buf[i]\" is null");
        assertThat(ErrorSentence.of(npe)).isEqualTo(ErrorSentence.UNEXPECTED);
        assertThat(ErrorSentence.of(new IllegalStateException())).isEqualTo(ErrorSentence.UNEXPECTED);
        assertThat(ErrorSentence.of(new NoSuchFileException("/a/b.mp4"))).isEqualTo("The file is not there any more.");
        assertThat(ErrorSentence.of(new OutOfMemoryError("Java heap space"))).isEqualTo("It needed more memory than Cutroom may use.");
    }

    @Test
    void namesWithDotsQuotesAndNonAsciiStayInTheSentence() {
        String ours = "clip \"été\".final.mp4 could not be tagged: the models are missing.";
        assertThat(ErrorSentence.of(new IOException(ours))).isEqualTo(ours);
        String inAFolderNamedLikeAPackage = "/home/ana/com.studio.footage/clip.mp4 could not be read: the file is damaged.";
        assertThat(ErrorSentence.of(new IOException(inAFolderNamedLikeAPackage))).isEqualTo(inAFolderNamedLikeAPackage);
        assertThat(ErrorSentence.holdsLibraryWords("java.lang.IllegalArgumentException: bad")).isTrue();
        assertThat(ErrorSentence.holdsLibraryWords("because \"java.nio.Buffer.position(int)\" failed")).isTrue();
        assertThat(ErrorSentence.holdsLibraryWords("io.cutroom.media.ProbeException")).isTrue();
    }
}
