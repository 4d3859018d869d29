package io.cutroom.eval;

import io.cutroom.cli.CutroomCli;
import io.cutroom.eval.tags.LabelledPicture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --images DIR [--labels FILE.tsv] [--folds N] [--seed N]} options the evaluations on labelled pictures
 * share, and the reading of those sets, with a sentence for what is wrong.
 */
final class LabelledSets {
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "A folder of labelled pictures; repeat for several sets.")
    List<Path> images;

    @Option(names = "--labels", paramLabel = "FILE.tsv", description = "Columns file, present, also_acceptable (and group); one per --images,"
            + " DIR/labels.tsv when left out.")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--folds", defaultValue = "5", description = "Folds for the out-of-fold figures (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the groups' shuffle into folds, and of training (default: ${DEFAULT-VALUE}).")
    long seed;

    /** One folder's pictures, as its labels list them. */
    record Folder(Path folder, Path labels, List<LabelledPicture> pictures) {
        String name() {
            return folder.getFileName().toString();
        }
    }

    private int failure;

    /**
     * Every set given, in order; null after saying on {@code err} what is wrong, with the exit code in
     * {@link #failure()}: 2 for options that do not fit together, the CLI's error code for a set that cannot be read.
     */
    List<Folder> read(PrintWriter err) {
        if (labels.size() > images.size()) {
            err.println("cutroom: give at most one --labels per --images.");
            failure = 2;
            return null;
        }
        failure = CutroomCli.EXIT_ERROR;
        List<Folder> sets = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Path dir = images.get(i);
            Path tsv = i < labels.size() ? labels.get(i) : dir.resolve("labels.tsv");
            if (!Files.isDirectory(dir) || !Files.isRegularFile(tsv)) {
                err.println("cutroom: " + (Files.isDirectory(dir) ? tsv + " is not a file." : dir + " is not a folder."));
                return null;
            }
            try {
                sets.add(new Folder(dir, tsv, LabelledPicture.read(dir, tsv)));
            } catch (IOException e) {
                err.println("cutroom: the labels cannot be used. " + e.getMessage());
                return null;
            }
        }
        return sets;
    }

    int failure() {
        return failure;
    }

    List<String> names() {
        return images.stream().map(p -> p.getFileName().toString()).toList();
    }
}
