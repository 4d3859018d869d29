package io.cutroom.eval.playlists;

import io.cutroom.playlists.ItemInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads MovieLens-style CSV: {@code ratings.csv} (user, item, rating, timestamp) and {@code items.csv}
 * (item, title, year, genres separated by |), with a header line and double-quoted fields.
 */
public final class MovieLensCsv {
    /** A rating at or above this counts as a positive. */
    public static final double POSITIVE = 4.0;

    public record Data(List<ItemInfo> items, Map<Long, Integer> itemIndex, Map<Long, List<Integer>> positivesByUser) {
    }

    private MovieLensCsv() {
    }

    public static Data read(Path ratings, Path itemsFile) throws IOException {
        List<ItemInfo> items = new ArrayList<>();
        Map<Long, Integer> index = new HashMap<>();
        eachRow(itemsFile, "item, title, year, genres", f -> {
            long id = Long.parseLong(f.get(0));
            Map<String, Double> tags = new LinkedHashMap<>();
            for (String genre : f.get(3).split("\\|")) {
                if (!genre.isBlank() && !genre.startsWith("(")) {
                    tags.put(genre.toLowerCase(Locale.ROOT), 1.0);
                }
            }
            index.put(id, items.size());
            items.add(new ItemInfo(id, f.get(1), 0, "movie", tags, null));
        });
        Map<Long, List<Integer>> byUser = new LinkedHashMap<>();
        eachRow(ratings, "user, item, rating, timestamp", f -> {
            Integer item = index.get(Long.parseLong(f.get(1)));
            if (item != null && Double.parseDouble(f.get(2)) >= POSITIVE) {
                byUser.computeIfAbsent(Long.parseLong(f.get(0)), u -> new ArrayList<>()).add(item);
            }
        });
        return new Data(items, index, byUser);
    }

    /** Hands each row after the header to {@code use}; a short row or a bad number stops with the line it is on. */
    private static void eachRow(Path file, String columns, Consumer<List<String>> use) throws IOException {
        int expected = columns.split(",").length;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                List<String> f = fields(line);
                if (f.size() < expected) {
                    throw new IOException(file.getFileName() + " line " + n + " has " + f.size() + " fields; " + columns + " expected.");
                }
                try {
                    use.accept(f);
                } catch (NumberFormatException e) {
                    throw new IOException(file.getFileName() + " line " + n + " holds a value that is not a number: "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /** Splits one CSV line, honouring double quotes (and "" inside them). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
