package io.cutroom.cli;

import io.cutroom.catalog.CatalogDb;
import io.cutroom.catalog.CustomTagRepository.Example;
import io.cutroom.catalog.TagRepository;
import io.cutroom.jobs.ErrorSentence;
import io.cutroom.jobs.JobCancelledException;
import io.cutroom.usecases.Workspace;
import io.cutroom.vision.ModelException;
import io.cutroom.vision.TagTeacher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cutroom teach TAG --examples ID... [--counter ID...]}: a custom tag learned from example shots.
 * Teaching again adds the new marks to the old ones (a shot marked the other way is corrected) and retrains.
 */
@Command(name = "teach", description = "Teach a custom tag from example shots (ID or ID:SHOT) and apply it to the catalog.")
final class TeachCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "TAG", description = "Name of the tag to teach.")
    String tag;

    @Option(names = "--examples", arity = "1..*", paramLabel = "ID", converter = ShotRef.Converter.class,
            description = "Shots that show the tag: an asset id (all its shots) or ID:SHOT.")
    List<ShotRef> examples = new ArrayList<>();

    @Option(names = "--counter", arity = "1..*", paramLabel = "ID", converter = ShotRef.Converter.class,
            description = "Shots that do not show it.")
    List<ShotRef> counter = new ArrayList<>();

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CatalogDb db = catalog.open()) {
            TagRepository tags = new TagRepository(db);
            List<Example> marks = new ArrayList<>();
            for (ShotRef ref : examples) marks.addAll(TagTeacher.marksFor(tags, ref.assetId(), ref.shot(), true));
            for (ShotRef ref : counter) marks.addAll(TagTeacher.marksFor(tags, ref.assetId(), ref.shot(), false));
            TagTeacher.Outcome outcome;
            try (CommandContext ctx = CommandContext.open(spec.commandLine().getErr())) {
                outcome = new Workspace(db).teach(tag, marks, List.of()).job().run(ctx);
                ctx.clearBar();
            }
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("tag", outcome.tag());
                result.put("examples", outcome.examples());
                result.put("counterExamples", outcome.counterExamples());
                result.put("backgroundShots", outcome.background());
                result.put("leaveOneOutAccuracy", outcome.leaveOneOutAccuracy());
                result.put("shotsTagged", outcome.shotsTagged());
                result.put("shotsScored", outcome.shotsScored());
                out.println(Json.write(result));
            } else {
                out.printf(Locale.ROOT, "Taught \"%s\" from %d example(s), %d counter-example(s) and %d other shot(s):"
                                + " leave-one-out accuracy %.0f%%. It now tags %d of %d shots.%n", outcome.tag(),
                        outcome.examples(), outcome.counterExamples(), outcome.background(),
                        outcome.leaveOneOutAccuracy() * 100, outcome.shotsTagged(), outcome.shotsScored());
            }
            return 0;
        } catch (JobCancelledException e) {
            spec.commandLine().getErr().println("cutroom: cancelled; the tag was not taught, and its marks are as they were.");
            return CutroomCli.EXIT_CANCELLED;
        } catch (ModelException e) {
            spec.commandLine().getErr().println("cutroom: " + ErrorSentence.of(e));
            return CutroomCli.EXIT_ERROR;
        } catch (Exception e) {
            throw new IllegalStateException(ErrorSentence.of(e), e);
        }
    }
}
