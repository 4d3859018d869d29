package io.cutroom.vision;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.AssetRepository;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.JobArgs;
import io.cutroom.catalog.JobJournal;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.jobs.JobSummary;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Tags a list of assets one after another. The model files are checked here first; the networks load
 * in the media worker, the first time any job needs them. One file that cannot be decoded is reported and skipped; the others still get tags.
 */
public final class TaggingJob implements Job<TaggingJob.Summary> {
    private final CatalogDb db;
    private final List<Asset> assets;
    private final Listener listener;

    /** Hears about each asset of the run, from the job's thread. */
    public interface Listener {
        Listener NONE = (asset, tagged, seconds) -> { };

        /** The asset's tags were stored; tagging it took {@code seconds}. */
        void tagged(Asset asset, CatalogTagger.Tagged tagged, double seconds);

        /** The asset could not be tagged, for the reason given in a sentence; the run goes on with the next. */
        default void failed(Asset asset, String reason) {
        }
    }

    public record Summary(int tagged, List<String> failures) implements JobSummary {
        @Override
        public String summary() {
            String done = tagged + (tagged == 1 ? " file tagged" : " files tagged");
            return failures.isEmpty() ? done : done + " · " + failures.size() + " failed: " + failures.get(0);
        }
    }

    public TaggingJob(CatalogDb db, List<Asset> assets, Listener listener) {
        this.db = db;
        this.assets = List.copyOf(assets);
        this.listener = listener;
    }

    @Override
    public String title() {
        return assets.size() == 1 ? "Tagging " + assets.get(0).fileName() : "Tagging " + assets.size() + " files";
    }

    @Override
    public Summary run(JobContext ctx) throws ModelException {
        return new JobJournal(db).record(JobJournal.Kind.TAG, title(), args(assets), journalId -> tagAll(ctx));
    }

    /** The journal's record of a tagging run, shared with the CLI's, from which {@link #fromArgs} resumes. */
    public static String args(List<Asset> assets) {
        return JobArgs.write(Map.of("assets", assets.stream().map(Asset::id).toList()));
    }

    /** Picks up an interrupted tagging run: the assets it names that have no tags yet. */
    public static TaggingJob fromArgs(CatalogDb db, String args, Listener listener) {
        return new TaggingJob(db, remaining(db, args), listener);
    }

    /** The assets a journaled tagging run names that are still ready and have no tags yet. */
    public static List<Asset> remaining(CatalogDb db, String args) {
        Set<Long> done = new TagRepository(db).taggedAssetIds();
        AssetRepository repository = new AssetRepository(db);
        List<Asset> rest = new ArrayList<>();
        JobArgs.read(args).path("assets").forEach(id -> {
            if (!done.contains(id.asLong())) {
                repository.find(id.asLong()).filter(Asset::isReady).ifPresent(rest::add);
            }
        });
        return rest;
    }

    private Summary tagAll(JobContext ctx) throws ModelException {
        ctx.progress(0, assets.size(), "Checking the networks");
        ModelFiles.locate().verifyAll();
        CatalogTagger tagger = new CatalogTagger(db);
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (Asset asset : assets) {
            ctx.checkCancelled();
            ctx.progress(done, assets.size(), asset.fileName());
            if (!Files.exists(asset.path())) {
                // Offline: moved or on a drive that is not mounted. Its tags stay; relinking brings it back.
                String reason = "its file is not at " + asset.path() + " any more (offline; File ▸ Relink… or cutroom relink DIR finds moved files)";
                failures.add(asset.fileName() + ": " + reason);
                listener.failed(asset, reason);
                done++;
                continue;
            }
            try {
                long started = System.nanoTime();
                CatalogTagger.Tagged tagged = tagger.tag(asset, ctx);
                listener.tagged(asset, tagged, (System.nanoTime() - started) / 1e9);
            } catch (JobCancelledException cancelled) {
                throw cancelled;
            } catch (Exception e) {
                if (ctx.isCancelled()) {
                    throw new JobCancelledException(); // the worker went down with the cancel: that is the cancel
                }
                String reason = ErrorSentence.of(e);
                failures.add(asset.fileName() + ": " + reason);
                listener.failed(asset, reason);
                LoggerFactory.getLogger(TaggingJob.class).warn("Could not tag {}", asset.path(), e);
            }
            done++;
        }
        ctx.progress(done, assets.size(), "Done");
        if (done > 0 && failures.size() == done) {
            throw new ModelException("No file could be tagged. " + failures.get(0));
        }
        return new Summary(done - failures.size(), failures);
    }
}
