package io.cutroom.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.TestCatalogs;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.ShotTag;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.JobRunner;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.render.AspectRatio;
import io.cutroom.media.render.RenderPreset;
import io.cutroom.media.render.RenderRequest;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import io.cutroom.vision.TaggingJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules both faces share: what tagging applies to, which journaled jobs are offered again, and the lanes. */
class WorkspaceTest {
    @TempDir
    Path home;
    private CatalogDb db;
    private Workspace workspace;
    private Asset clip;
    private Asset still;
    private Asset song;
    private Asset broken;

    @BeforeEach
    void catalog() {
        db = TestCatalogs.open(home);
        workspace = new Workspace(db);
        AssetRepository assets = new AssetRepository(db);
        clip = assets.find(assets.saveReady(facts("clip.mp4"), info(MediaKind.VIDEO), List.of(), null)).orElseThrow();
        still = assets.find(assets.saveReady(facts("still.jpg"), info(MediaKind.IMAGE), List.of(), null)).orElseThrow();
        song = assets.find(assets.saveReady(facts("song.flac"), info(MediaKind.AUDIO), List.of(), null)).orElseThrow();
        broken = assets.find(assets.saveFailed(facts("broken.mp4"), MediaKind.VIDEO, "It is not a video.", null)).orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void taggingAppliesToReadyPicturesOnlyAndSkipsTheTaggedUnlessAgain() {
        assertThat(workspace.taggable(false)).containsExactlyInAnyOrder(clip, still);
        tag(clip);
        assertThat(workspace.taggable(false)).containsExactly(still);
        assertThat(workspace.taggable(true)).containsExactlyInAnyOrder(clip, still);
        // An offline file (moved, or its drive not mounted) waits for a relink instead of failing to decode.
        assertThat(still.path().toFile().delete()).isTrue();
        assertThat(workspace.taggable(true)).containsExactly(clip);
        assertThat(workspace.taggable(true)).doesNotContain(song, broken);
    }

    @Test
    void anInterruptedTaggingRunIsOfferedUntilItsFilesAreTaggedThenClosed() {
        long entry = interruptedTaggingRun(List.of(clip, still));
        assertThat(workspace.resumable()).extracting(JobJournal.Entry::id).containsExactly(entry);
        tag(clip);
        tag(still);
        assertThat(workspace.resumable()).isEmpty();
        assertThat(workspace.journalEntry(entry).orElseThrow().retryable()).isFalse();
    }

    @Test
    void takingOverARunClosesItAndHandsOverWhatIsLeft() {
        long entry = interruptedTaggingRun(List.of(clip, still));
        tag(clip);
        assertThat(workspace.takeOverTagging(workspace.journalEntry(entry).orElseThrow())).containsExactly(still);
        assertThat(workspace.resumable()).isEmpty();
    }

    @Test
    void aJobThatCannotBeResumedIsRefusedInASentence() {
        long entry = interruptedTaggingRun(List.of(clip));
        workspace.dismiss(workspace.journalEntry(entry).orElseThrow());
        assertThatThrownBy(() -> workspace.resume(workspace.journalEntry(entry).orElseThrow(), outcome -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to resume");
    }

    @Test
    void eachUseCaseGoesOnItsLane() throws Exception {
        assertThat(workspace.importFiles(List.of(home), outcome -> { }).lane()).isEqualTo(JobRunner.Lane.IMPORT);
        assertThat(workspace.tag(List.of(clip), TaggingJob.Listener.NONE).lane()).isEqualTo(JobRunner.Lane.INFERENCE);
        assertThat(workspace.teach("harbour", List.of(), List.of(clip.id())).lane()).isEqualTo(JobRunner.Lane.INFERENCE);
        assertThat(workspace.reframe(clip, AspectRatio.parse("9:16"), MotionStyle.DEFAULT, SignalWeights.DEFAULT,
                Widening.NONE).lane()).isEqualTo(JobRunner.Lane.INFERENCE);
        assertThat(workspace.grade(clip, null).lane()).isEqualTo(JobRunner.Lane.INFERENCE);
        assertThat(workspace.render(clip.id(), new RenderRequest(clip.path(), home.resolve("out.mp4"), RenderPreset.values()[0], null, null, null, null, false)).lane())
                .isEqualTo(JobRunner.Lane.RENDER);
        long entry = interruptedTaggingRun(List.of(clip));
        assertThat(workspace.resume(workspace.journalEntry(entry).orElseThrow(), outcome -> { }).lane())
                .isEqualTo(JobRunner.Lane.INFERENCE);
    }

    /** A tagging run as a kill leaves it once the catalog is opened again: interrupted, nobody resumed it. */
    private long interruptedTaggingRun(List<Asset> assets) {
        JobJournal journal = new JobJournal(db);
        long id = journal.started(JobJournal.Kind.TAG, "Tagging", TaggingJob.args(assets));
        journal.ended(id, JobJournal.Status.INTERRUPTED, "The process was killed.");
        return id;
    }

    private void tag(Asset asset) {
        new TagRepository(db).replaceForAsset(asset.id(), List.of(new ShotTag(asset.id(), 0, "dog", 0.9, 0, 1, "test")),
                List.of(), "test");
    }

    /** A file in place: the assets of these tests are online unless a test moves one away. */
    private AssetRepository.FileFacts facts(String name) {
        try {
            return new AssetRepository.FileFacts(Files.write(home.resolve(name), new byte[100]), 100, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaInfo info(MediaKind kind) {
        return new MediaInfo(kind, "x", 10.0, kind == MediaKind.AUDIO ? null : 640, kind == MediaKind.AUDIO ? null : 360,
                null, 0, null, null, null, null, null, null, Map.of(), null);
    }
}
