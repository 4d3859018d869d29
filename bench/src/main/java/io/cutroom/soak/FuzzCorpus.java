package io.cutroom.soak;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Makes hostile media from real files, the way card readers, bad copies and odd tools make it:
 * truncations at many offsets, bit flips in headers and in payloads, random bytes and empty files under
 * media extensions, real files under the wrong extension, headers that claim absurd sizes or durations,
 * and a very deep folder. The same seed makes the same corpus.
 */
public final class FuzzCorpus {
    /** One made file and how it was made, for the report. */
    public record Item(Path file, String kind) {
    }

    private static final double[] CUTS = {0.0005, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999};
    private static final List<String> EXTENSIONS = List.of("mp4", "mov", "mkv", "webm", "avi", "wav", "mp3", "flac",
            "jpg", "png", "gif", "tif");
    private static final int DEEP_LEVELS = 120;

    private final Random random;
    private final Path out;
    private final List<Item> items = new ArrayList<>();

    private FuzzCorpus(Path out, long seed) {
        this.out = out;
        this.random = new Random(seed);
    }

    public static List<Item> generate(List<Path> sources, Path out, long seed) throws IOException {
        Files.createDirectories(out);
        FuzzCorpus corpus = new FuzzCorpus(out, seed);
        List<Path> all = new ArrayList<>(sources);
        all.add(corpus.sineWav());
        for (Path source : all) {
            corpus.mangle(source);
        }
        corpus.noise();
        corpus.absurdHeaders();
        corpus.deepFolder(sources.get(0));
        return List.copyOf(corpus.items);
    }

    private void mangle(Path source) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        String name = source.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "bin";
        for (double cut : CUTS) {
            int length = Math.max(1, (int) (bytes.length * cut));
            write(base + "-cut" + length + "." + ext, Arrays.copyOf(bytes, length), "truncated");
        }
        for (int i = 0; i < 3; i++) {
            write(base + "-headerflip" + i + "." + ext, flip(bytes, 0, Math.min(bytes.length, 1024), 1 + i * 4), "header bit flips");
            write(base + "-payloadflip" + i + "." + ext, flip(bytes, bytes.length / 4, bytes.length, 8 + i * 40), "payload bit flips");
        }
        int movieHeader = indexOf(bytes, "mvhd".getBytes(StandardCharsets.US_ASCII));
        if (movieHeader > 0 && movieHeader + 24 <= bytes.length && bytes[movieHeader + 4] == 0) {
            // Version 0 movie header: the duration (in the header's timescale) follows the timescale.
            byte[] endless = bytes.clone();
            ByteBuffer.wrap(endless).putInt(movieHeader + 20, 0x7fff_fff0);
            write(base + "-claims-years." + ext, endless, "absurd header");
        }
        String wrong = EXTENSIONS.get(random.nextInt(EXTENSIONS.size()));
        if (wrong.equals(ext.toLowerCase(Locale.ROOT))) {
            wrong = "mov";
        }
        write(base + "-really-" + ext + "." + wrong, bytes, "wrong extension");
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    private byte[] flip(byte[] bytes, int from, int to, int flips) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < flips && to > from; i++) {
            int at = from + random.nextInt(to - from);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private void noise() throws IOException {
        for (String ext : EXTENSIONS) {
            byte[] junk = new byte[4096 + random.nextInt(256 * 1024)];
            random.nextBytes(junk);
            write("noise." + ext, junk, "random bytes");
            write("empty." + ext, new byte[0], "zero length");
        }
    }

    /** Headers that parse, but claim a picture or a sound no device makes. */
    private void absurdHeaders() throws IOException {
        write("huge-dimensions.png", png(1_000_000, 1_000_000), "absurd header");
        write("huge-dimensions-2.png", png(65_535, 65_535), "absurd header");
        write("zero-dimensions.png", png(0, 0), "absurd header");
        write("endless.wav", wav(48_000, 2, 16, 0xFFFF_FFF0L, 4096), "absurd header");
        write("many-channels.wav", wav(48_000, 65_535, 16, 1 << 20, 4096), "absurd header");
        write("no-rate.wav", wav(0, 2, 16, 1 << 20, 4096), "absurd header");
        write("odd-bits.wav", wav(44_100, 2, 7, 1 << 16, 1 << 16), "absurd header");
    }

    private void deepFolder(Path source) throws IOException {
        Path dir = out.resolve("deep");
        for (int i = 0; i < DEEP_LEVELS; i++) {
            dir = dir.resolve("d" + i);
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(source.getFileName());
        Files.copy(source, file);
        items.add(new Item(file, "deep folder (" + DEEP_LEVELS + " levels)"));
    }

    private Path sineWav() throws IOException {
        int rate = 22_050;
        int frames = rate * 2;
        byte[] wav = wav(rate, 1, 16, frames * 2L, frames * 2);
        ByteBuffer data = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            data.putShort(44 + i * 2, (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        Path file = out.resolveSibling(out.getFileName() + "-source-tone.wav"); // a source, kept out of the corpus
        Files.write(file, wav);
        return file;
    }

    private static byte[] wav(int rate, int channels, int bits, long claimedData, int actualData) {
        ByteBuffer b = ByteBuffer.allocate(44 + actualData).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + claimedData));
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
        b.putShort((short) channels).putInt(rate).putInt(rate * channels * Math.max(1, bits / 8));
        b.putShort((short) (channels * Math.max(1, bits / 8))).putShort((short) bits);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) claimedData);
        return b.array();
    }

    /** A PNG whose header (with a correct checksum) claims the given size, followed by a scrap of data. */
    private static byte[] png(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        b.putInt(13).put(ihdr).putInt(crc(ihdr));
        byte[] idat = "IDAT".getBytes(StandardCharsets.US_ASCII);
        b.putInt(0).put(idat).putInt(crc(idat));
        byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
        b.putInt(0).put(iend).putInt(crc(iend));
        return b.array();
    }

    private static int crc(byte[] typeAndData) {
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        return (int) crc.getValue();
    }

    private void write(String name, byte[] bytes, String kind) throws IOException {
        Path file = out.resolve(name);
        Files.write(file, bytes);
        items.add(new Item(file, kind));
    }
}
