package io.cutroom.color;

import io.cutroom.catalog.Asset;
import io.cutroom.catalog.CatalogDb;
import io.cutroom.jobs.Job;
import io.cutroom.jobs.JobContext;

/** Auto colour, or a match to a reference clip, as a background job: measures the shots and stores the grade. */
public final class ColorJob implements Job<ClipGrading.Result> {
    private final CatalogDb db;
    private final Asset asset;
    private final Asset reference;

    /** {@code reference} null: automatic white balance and exposure; otherwise match to it. */
    public ColorJob(CatalogDb db, Asset asset, Asset reference) {
        this.db = db;
        this.asset = asset;
        this.reference = reference;
    }

    @Override
    public String title() {
        return reference == null ? "Auto colour " + asset.fileName()
                : "Match " + asset.fileName() + " to " + reference.fileName();
    }

    @Override
    public ClipGrading.Result run(JobContext ctx) throws Exception {
        ClipGrading grading = new ClipGrading(db);
        return reference == null ? grading.auto(asset, ctx) : grading.match(asset, reference, ctx);
    }
}
