package io.cutroom.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * FFmpeg plays WAV files whose header contradicts itself or that stop before their data ends, and so
 * would the catalog, with a wrong duration. This check reads the RIFF chunks and refuses such files.
 */
final class WavHeaderCheck {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long STREAMING_SIZE = 0xFFFFFFFFL;

    private WavHeaderCheck() {
    }

    static void verify(Path file) throws ProbeException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(fileSize, 64 * 1024));
            channel.read(head, 0);
            head.flip();
            verify(head, fileSize);
        } catch (IOException e) {
            throw new ProbeException("The WAV file could not be read: " + e.getMessage(), e);
        }
    }

    private static void verify(ByteBuffer buf, long fileSize) throws ProbeException {
        if (buf.remaining() < 12) {
            throw new ProbeException("The WAV file is too short to hold a header.");
        }
        String riff = ascii(buf, 0);
        if (riff.equals("RF64")) {
            return; // 64-bit sizes live in a ds64 chunk; FFmpeg checks those itself.
        }
        buf.order(riff.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        boolean sawFormat = false;
        while (pos + 8 <= buf.limit()) {
            String id = ascii(buf, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ") && body + 16 <= buf.limit()) {
                checkFormat(buf, body);
                sawFormat = true;
            } else if (id.equals("data")) {
                if (!sawFormat) {
                    throw new ProbeException("The WAV header is incomplete: audio data comes before its format.");
                }
                long available = fileSize - body;
                if (size != STREAMING_SIZE && size > available) {
                    throw new ProbeException("The WAV file is truncated: its header announces " + size
                            + " bytes of audio but the file holds only " + Math.max(0, available) + ".");
                }
                return;
            }
            pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
        }
    }

    private static void checkFormat(ByteBuffer buf, int at) throws ProbeException {
        int format = Short.toUnsignedInt(buf.getShort(at));
        int channels = Short.toUnsignedInt(buf.getShort(at + 2));
        long sampleRate = Integer.toUnsignedLong(buf.getInt(at + 4));
        long byteRate = Integer.toUnsignedLong(buf.getInt(at + 8));
        int blockAlign = Short.toUnsignedInt(buf.getShort(at + 12));
        int bits = Short.toUnsignedInt(buf.getShort(at + 14));
        if (format != FORMAT_PCM && format != FORMAT_FLOAT && format != FORMAT_EXTENSIBLE) {
            return; // compressed formats (u-law, ADPCM, ...) have their own block rules.
        }
        if (channels == 0 || bits == 0 || sampleRate == 0) {
            throw new ProbeException("The WAV header is damaged: it gives " + channels + " channels of "
                    + bits + "-bit samples at " + sampleRate + " Hz.");
        }
        int expectedAlign = channels * ((bits + 7) / 8);
        if (blockAlign != expectedAlign) {
            throw new ProbeException("The WAV header contradicts itself: it says each frame takes " + blockAlign
                    + " bytes, but " + channels + " channels of " + bits + "-bit samples take " + expectedAlign + ".");
        }
        if (byteRate != sampleRate * blockAlign) {
            throw new ProbeException("The WAV header contradicts itself: it gives " + byteRate + " bytes per second,"
                    + " but " + sampleRate + " Hz frames of " + blockAlign + " bytes make " + sampleRate * blockAlign + ".");
        }
    }

    private static String ascii(ByteBuffer buf, int at) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = buf.get(at + i);
        }
        return new String(id, StandardCharsets.US_ASCII);
    }
}
