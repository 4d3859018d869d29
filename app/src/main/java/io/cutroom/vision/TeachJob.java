package io.cutroom.vision;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository.Example;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;
import java.util.ArrayList;
import java.util.List;

/** Teaches (or re-teaches, after corrections) a custom tag in the background; training takes seconds. */
public final class TeachJob implements Job<TagTeacher.Outcome> {
    private final CatalogDb db;
    private final String tag;
    private final List<Example> marks;
    private final List<Long> wholeAssets;

    /**
     * @param marks       single shots marked as examples or counter-examples
     * @param wholeAssets assets whose every shot is an example, as when clips are selected in the library
     */
    public TeachJob(CatalogDb db, String tag, List<Example> marks, List<Long> wholeAssets) {
        this.db = db;
        this.tag = tag.strip();
        this.marks = List.copyOf(marks);
        this.wholeAssets = List.copyOf(wholeAssets);
    }

    @Override
    public String title() {
        return "Teaching \"" + tag + "\"";
    }

    @Override
    public TagTeacher.Outcome run(JobContext ctx) throws ModelException {
        List<Example> all = new ArrayList<>(marks);
        TagRepository tags = new TagRepository(db);
        for (long assetId : wholeAssets) {
            all.addAll(TagTeacher.marksFor(tags, assetId, null, true));
        }
        ctx.progress(0, 1, "Training on " + all.size() + " marked shot(s)");
        TagTeacher.Outcome outcome = new TagTeacher(db).teach(tag, all);
        ctx.progress(1, 1, "Done");
        return outcome;
    }
}
