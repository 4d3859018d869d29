package io.cutroom.cluster;

import io.cutroom.catalog.Asset;
import io.cutroom.ingest.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where this machine sees the shared media: the same NAS is mounted at {@code /Volumes/Media} on one machine,
 * {@code /mnt/media} on another and {@code M:\} on a third. Each map says that a path the catalog holds under FROM is
 * under TO here. A file found that way is used only if it is the same content (size and SHA-256) the catalog knows.
 */
public final class PathMap {
    record Mapping(String from, String to) {
    }

    private final List<Mapping> mappings;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    private PathMap(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    public static final PathMap NONE = new PathMap(List.of());

    /** Reads {@code FROM=TO} pairs, as {@code --path-map} gives them. */
    public static PathMap parse(List<String> pairs) {
        List<Mapping> mappings = new ArrayList<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("A path map is FROM=TO, such as /Volumes/Media=/mnt/media; " + pair + " is not.");
            }
            mappings.add(new Mapping(trimEnd(pair.substring(0, eq)), trimEnd(pair.substring(eq + 1))));
        }
        return new PathMap(mappings);
    }

    public boolean isEmpty() {
        return mappings.isEmpty();
    }

    /** Where the file may be on this machine: under each map whose FROM holds it, then where the catalog says. */
    List<Path> candidates(Path stored) {
        String text = stored.toString();
        List<Path> out = new ArrayList<>();
        for (Mapping m : mappings) {
            if (!text.startsWith(m.from())) continue;
            String rest = text.substring(m.from().length());
            if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '\\') continue; // /media2 is not under /media
            Path local = Path.of(m.to());
            for (String part : rest.split("[/\\\\]")) {
                if (!part.isEmpty()) local = local.resolve(part);
            }
            out.add(local);
        }
        out.add(stored);
        return out;
    }

    /** Where a path the catalog holds (an output beside the shared media) is on this machine: the first map's, or as it is. */
    public Path local(Path stored) {
        return candidates(stored).get(0);
    }

    /** A file named by the catalog's path, as this machine reaches it: the first place it is, or a sentence why not. */
    public Path existing(Path stored) throws IOException {
        List<Path> looked = candidates(stored);
        for (Path candidate : looked) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IOException("This machine cannot find " + stored.getFileName() + ": it is not at "
                + String.join(" nor at ", looked.stream().map(Path::toString).toList()) + ".");
    }

    /**
     * The asset's file on this machine: the first candidate with the catalog's size and content hash.
     *
     * @throws IOException with a sentence naming where it looked, when none is
     */
    public Path locate(Asset asset) throws IOException {
        List<Path> looked = candidates(asset.path());
        for (Path candidate : looked) {
            if (Files.isRegularFile(candidate) && Files.size(candidate) == asset.sizeBytes()
                    && contentHash(candidate).equals(asset.sha256())) {
                return candidate;
            }
        }
        throw new IOException("This machine cannot find " + asset.fileName() + ": it is not at "
                + String.join(" nor at ", looked.stream().map(Path::toString).toList())
                + (mappings.isEmpty() ? " (give the node --path-map FROM=TO for the shared media)" : " with the same content")
                + ".");
    }

    /**
     * The file's SHA-256, read once while the file keeps its size and time: tagging, colour, reframing and a render of
     * the same clip on one node would otherwise read a large file four times over.
     */
    private String contentHash(Path file) throws IOException {
        String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        String known = hashes.get(key);
        if (known != null) return known;
        String hash = ContentHash.sha256(file);
        hashes.put(key, hash);
        return hash;
    }

    @Override
    public String toString() {
        return mappings.isEmpty() ? "none" : String.join(", ", mappings.stream().map(m -> m.from() + "=" + m.to()).toList());
    }

    private static String trimEnd(String path) {
        String p = path.strip();
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\")) && !p.endsWith(":\\")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
