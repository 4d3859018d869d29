package io.cutroom.eval.tags;

import io.cutroom.media.ProbeException;
import io.cutroom.media.StillMetadata;
import io.cutroom.media.ThumbnailMaker;
import io.cutroom.vision.FrameSampler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A picture with what a person sees in it ({@code present}) and what a tagger may also say without being
 * wrong ({@code acceptable}), as a {@code labels.tsv} lists them: columns {@code file}, {@code present},
 * {@code also_acceptable} and, optionally, {@code group}. Pictures of one group (frames of one clip) are
 * kept in the same fold, so a threshold is never judged on a near copy of a picture it was fitted on.
 */
public record LabelledPicture(Path file, String group, Set<String> present, Set<String> acceptable) {

    /** Reads {@code labels}; its files are relative to {@code folder}. A sentence says what is wrong with a bad file. */
    public static List<LabelledPicture> read(Path folder, Path labels) throws IOException {
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(labels.getFileName() + " is empty: it needs a header line with file, present and also_acceptable.");
        }
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int file = header.indexOf("file");
        int present = header.indexOf("present");
        int acceptable = header.indexOf("also_acceptable");
        int group = header.indexOf("group");
        if (file < 0 || present < 0) {
            throw new IOException(labels.getFileName() + " needs tab-separated columns file, present and also_acceptable;"
                    + " its first line has " + String.join(", ", header) + ".");
        }
        List<LabelledPicture> out = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            String[] cells = lines.get(n).split("\t", -1);
            if (cells.length <= Math.max(file, present)) {
                throw new IOException("Line " + (n + 1) + " of " + labels.getFileName() + " has too few columns.");
            }
            Path picture = folder.resolve(cells[file].trim()).normalize();
            if (!Files.isRegularFile(picture)) {
                throw new IOException("Line " + (n + 1) + " of " + labels.getFileName() + " names " + cells[file].trim()
                        + ", which is not in " + folder.getFileName() + ".");
            }
            String groupName = group >= 0 && group < cells.length && !cells[group].isBlank() ? cells[group].trim() : cells[file].trim();
            out.add(new LabelledPicture(picture, groupName, tags(cells[present]),
                    acceptable >= 0 && acceptable < cells.length ? tags(cells[acceptable]) : Set.of()));
        }
        return out;
    }

    /** The picture as the tagger sees a still: upright, at the tagger's size. A sentence names the file that fails. */
    public BufferedImage decode(ThumbnailMaker thumbnails) throws ProbeException {
        try {
            return thumbnails.upright(file, StillMetadata.read(file).orientation(), FrameSampler.BOX);
        } catch (ProbeException e) {
            throw new ProbeException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each picture's fold: whole groups dealt round-robin into {@code folds} folds (at least 2, at most one per
     * group) after a shuffle seeded with {@code seed}.
     */
    public static int[] foldOf(List<LabelledPicture> pictures, int folds, long seed) {
        List<String> groups = new ArrayList<>(new java.util.TreeSet<>(pictures.stream().map(LabelledPicture::group).toList()));
        Collections.shuffle(groups, new Random(seed));
        int k = Math.max(2, Math.min(folds, groups.size()));
        int[] out = new int[pictures.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = groups.indexOf(pictures.get(i).group()) % k;
        }
        return out;
    }

    /**
     * Space-separated tags; a COCO name of two words ("potted plant", "dining table") is written with an
     * underscore, so {@code potted_plant} reads as {@code potted plant}.
     */
    private static Set<String> tags(String cell) {
        Set<String> tags = new LinkedHashSet<>();
        for (String word : cell.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                tags.add(word.replace('_', ' '));
            }
        }
        return tags;
    }
}
