package io.cutroom.sidecars;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * XMP in an MP4 or QuickTime file: a top-level {@code uuid} box with Adobe's XMP identifier, as Adobe's XMP
 * specification (part 3) places it and exiftool, Premiere and Resolve read it. Only top-level boxes are walked;
 * the media boxes are copied byte for byte, and nothing inside {@code moov} moves, so no sample offset changes.
 */
final class IsoXmpBox {
    /** BE7ACFCB-97A9-42E8-9C71-999491E3AFAC: the uuid box type Adobe gives XMP. */
    private static final byte[] XMP_UUID = {(byte) 0xBE, 0x7A, (byte) 0xCF, (byte) 0xCB, (byte) 0x97, (byte) 0xA9, 0x42,
            (byte) 0xE8, (byte) 0x9C, 0x71, (byte) 0x99, (byte) 0x94, (byte) 0x91, (byte) 0xE3, (byte) 0xAF, (byte) 0xAC};

    /** Boxes a file may begin with: MP4's {@code ftyp}, and what older QuickTime files begin with instead. */
    private static final Set<String> FIRST = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip", "pnot", "uuid");

    private IsoXmpBox() {
    }

    /**
     * A top-level box: where it starts, how long it is with its header, its type, whether it is XMP, and whether its
     * header said "to the end of the file" (size 0) instead of its size.
     */
    private record Box(long start, long size, String type, boolean xmp, boolean toTheEnd) {
    }

    /** The file's XMP packet, or empty when it has none. */
    static Optional<String> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Box box : boxes(channel)) {
                if (box.xmp()) {
                    long body = box.size() - 8 - XMP_UUID.length;
                    if (body > Integer.MAX_VALUE) {
                        throw new IOException(file.getFileName() + " holds an XMP box too large to be one.");
                    }
                    ByteBuffer packet = ByteBuffer.allocate((int) body);
                    channel.read(packet, box.start() + 8 + XMP_UUID.length);
                    String text = new String(packet.array(), StandardCharsets.UTF_8);
                    return text.isBlank() ? Optional.empty() : Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Copies the file to {@code out} with {@code packet} as its XMP: an XMP box already there becomes a {@code free}
     * box of the same size (so nothing after it moves), and the new XMP box goes at the end.
     */
    static void write(Path file, String packet, OutputStream out) throws IOException {
        List<Box> boxes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            boxes = boxes(channel);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (Box box : boxes) {
                byte[] header = in.readNBytes(8);
                if (box.xmp()) {
                    header[4] = 'f'; // the old XMP is left as padding, so no offset in the file changes
                    header[5] = 'r';
                    header[6] = 'e';
                    header[7] = 'e';
                }
                if (box.toTheEnd()) {
                    // A box may run "to the end of the file" only while it is last; the new box comes after it.
                    if (box.size() > 0xFFFF_FFFFL) {
                        throw new IOException(file.getFileName() + " ends in a box over 4 GiB; Cutroom writes a sidecar for it instead.");
                    }
                    ByteBuffer.wrap(header).putInt(0, (int) box.size());
                }
                out.write(header);
                long left = box.size() - 8;
                while (left > 0) {
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (read < 0) {
                        throw new IOException(file.getFileName() + " ended inside its " + box.type() + " box.");
                    }
                    out.write(buffer, 0, read);
                    left -= read;
                }
            }
        }
        byte[] xmp = packet.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(8 + XMP_UUID.length);
        header.putInt(8 + XMP_UUID.length + xmp.length).put("uuid".getBytes(StandardCharsets.US_ASCII)).put(XMP_UUID);
        out.write(header.array());
        out.write(xmp);
    }

    /** The top-level boxes, each with its true size; refuses a file that is not ISO media or is cut short. */
    private static List<Box> boxes(FileChannel channel) throws IOException {
        long length = channel.size();
        List<Box> boxes = new ArrayList<>();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(8 + 8 + XMP_UUID.length);
        while (at < length) {
            header.clear();
            channel.read(header, at);
            header.flip();
            if (header.remaining() < 8) {
                throw new IOException("The file ends inside a box header: it is cut short.");
            }
            long size = Integer.toUnsignedLong(header.getInt());
            byte[] type = new byte[4];
            header.get(type);
            String name = new String(type, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                throw new IOException("The file has a box over 4 GiB at its top level; Cutroom writes a sidecar for it instead.");
            }
            boolean toTheEnd = size == 0;
            if (toTheEnd) {
                size = length - at;
            }
            if (size < 8 || at + size > length || (boxes.isEmpty() && !FIRST.contains(name))) {
                throw new IOException("The file is not MP4 or QuickTime media, or it is cut short.");
            }
            boolean xmp = false;
            if (name.equals("uuid") && header.remaining() >= XMP_UUID.length) {
                byte[] id = new byte[XMP_UUID.length];
                header.get(id);
                xmp = Arrays.equals(id, XMP_UUID);
            }
            boxes.add(new Box(at, size, name, xmp, toTheEnd));
            at += size;
        }
        return boxes;
    }
}
