package io.cutroom.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_iterate;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads a file's technical facts through FFmpeg's demuxers, the way ffprobe does: open the container,
 * read stream info, and never decode more than the demuxer needs. A file whose header lacks a duration
 * is read to the end, packet by packet, to find the real one.
 */
public final class JavaCvProbe {

    public JavaCvProbe() {
        Ffmpeg.init();
    }

    public MediaInfo probe(Path file) throws ProbeException {
        if (!Files.isRegularFile(file)) {
            throw new ProbeException("The file does not exist or is not a regular file.");
        }
        AVFormatContext ctx = new AVFormatContext(null);
        try (BytePointer url = Ffmpeg.utf8Path(file)) {
            int opened = avformat_open_input(ctx, url, null, null);
            if (opened < 0) {
                throw new ProbeException(openFailure(opened));
            }
            try {
                return describe(file, ctx);
            } finally {
                avformat_close_input(ctx);
            }
        }
    }

    private static String openFailure(int code) {
        if (code == AVERROR_INVALIDDATA) {
            return "FFmpeg does not recognise this file as audio, video or a picture (invalid data).";
        }
        if (code == avutil.AVERROR_PATCHWELCOME) {
            return "This variant of the format is not supported by FFmpeg, so Cutroom cannot read it.";
        }
        return "FFmpeg could not open the file: " + Ffmpeg.errorText(code) + ".";
    }

    private MediaInfo describe(Path file, AVFormatContext ctx) throws ProbeException {
        int found = avformat_find_stream_info(ctx, (PointerPointer<?>) null);
        if (found < 0) {
            throw new ProbeException("FFmpeg could not read the streams in this file: " + Ffmpeg.errorText(found) + ".");
        }
        String container = ctx.iformat().name().getString();
        AVStream video = null;
        AVStream audio = null;
        AVStream coverArt = null;
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream stream = ctx.streams(i);
            int type = stream.codecpar().codec_type();
            if (type == AVMEDIA_TYPE_VIDEO) {
                if ((stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
                    coverArt = coverArt == null ? stream : coverArt;
                } else if (video == null) {
                    video = stream;
                }
            } else if (type == AVMEDIA_TYPE_AUDIO && audio == null) {
                audio = stream;
            }
        }
        if (video == null && audio == null) {
            if (coverArt == null) {
                throw new ProbeException("The file holds no audio or video that Cutroom can use.");
            }
            video = coverArt;
        }
        MediaKind kind = video == null ? MediaKind.AUDIO : isStill(container, video) ? MediaKind.IMAGE : MediaKind.VIDEO;
        if ("wav".equals(container)) {
            WavHeaderCheck.verify(file);
        }

        Map<String, String> tags = readTags(ctx.metadata());
        Integer width = null;
        Integer height = null;
        Double fps = null;
        String pixelFormat = null;
        String videoCodec = null;
        int rotation = 0;
        if (video != null) {
            AVCodecParameters par = video.codecpar();
            width = par.width() > 0 ? par.width() : null;
            height = par.height() > 0 ? par.height() : null;
            pixelFormat = pixelFormatName(par.format());
            videoCodec = codecName(par.codec_id());
            if (kind == MediaKind.VIDEO) {
                fps = frameRate(video);
                rotation = rotationClockwise(par);
            }
        }
        String audioCodec = null;
        Integer sampleRate = null;
        Integer channels = null;
        if (audio != null) {
            AVCodecParameters par = audio.codecpar();
            audioCodec = codecName(par.codec_id());
            sampleRate = par.sample_rate() > 0 ? par.sample_rate() : null;
            channels = par.ch_layout().nb_channels() > 0 ? par.ch_layout().nb_channels() : null;
        }
        Instant created = parseInstant(tags.get("creation_time"));
        if (kind == MediaKind.IMAGE) {
            StillMetadata still = StillMetadata.read(file);
            rotation = still.rotationCw();
            if (still.orientation() != 1) {
                tags.put("orientation", Integer.toString(still.orientation()));
            }
            created = still.takenAt() != null ? still.takenAt() : created;
        }
        Double duration = kind == MediaKind.IMAGE ? null : duration(ctx);
        Long bitRate = ctx.bit_rate() > 0 ? ctx.bit_rate() : null;
        return new MediaInfo(kind, container, duration, width, height, fps, rotation, pixelFormat,
                videoCodec, audioCodec, sampleRate, channels, bitRate, tags, created);
    }

    /** Stills come through FFmpeg's image demuxers: image2 for numbered files, *_pipe for single pictures. */
    private static boolean isStill(String container, AVStream video) {
        return container.equals("image2") || container.endsWith("_pipe")
                || (video.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
    }

    private static Double duration(AVFormatContext ctx) throws ProbeException {
        if (ctx.duration() != AV_NOPTS_VALUE && ctx.duration() > 0) {
            return ctx.duration() / (double) AV_TIME_BASE;
        }
        double scanned = scanToEnd(ctx);
        return scanned > 0 ? scanned : null;
    }

    /** The end time of the last packet of any stream, relative to that stream's start. */
    private static double scanToEnd(AVFormatContext ctx) {
        AVPacket packet = av_packet_alloc();
        double end = 0;
        try {
            while (av_read_frame(ctx, packet) >= 0) {
                AVStream stream = ctx.streams(packet.stream_index());
                long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                if (pts != AV_NOPTS_VALUE) {
                    long start = stream.start_time() != AV_NOPTS_VALUE ? stream.start_time() : 0;
                    double t = (pts - start + Math.max(0, packet.duration())) * av_q2d(stream.time_base());
                    end = Math.max(end, t);
                }
                av_packet_unref(packet);
            }
        } finally {
            av_packet_free(packet);
        }
        return end;
    }

    private static Double frameRate(AVStream stream) {
        AVRational avg = stream.avg_frame_rate();
        if (avg.num() > 0 && avg.den() > 0) {
            return av_q2d(avg);
        }
        AVRational real = stream.r_frame_rate();
        return real.num() > 0 && real.den() > 0 ? av_q2d(real) : null;
    }

    /** Display matrices count degrees counter-clockwise; editors and players think in clockwise turns. */
    private static int rotationClockwise(AVCodecParameters par) {
        AVPacketSideData side = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                AV_PKT_DATA_DISPLAYMATRIX);
        if (side == null || side.isNull() || side.size() < 9 * 4) {
            return 0;
        }
        double ccw = av_display_rotation_get(new IntPointer(side.data()));
        if (Double.isNaN(ccw)) {
            return 0;
        }
        long turn = Math.round(-ccw / 90.0) * 90;
        return (int) (((turn % 360) + 360) % 360);
    }

    private static Map<String, String> readTags(AVDictionary dict) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (dict == null || dict.isNull()) {
            return tags;
        }
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_iterate(dict, entry)) != null && !entry.isNull()) {
            tags.put(entry.key().getString(StandardCharsets.UTF_8),
                    entry.value().getString(StandardCharsets.UTF_8));
        }
        return tags;
    }

    private static String codecName(int codecId) {
        BytePointer name = avcodec_get_name(codecId);
        return name == null || name.isNull() ? null : name.getString();
    }

    private static String pixelFormatName(int format) {
        if (format < 0) {
            return null;
        }
        BytePointer name = av_get_pix_fmt_name(format);
        return name == null || name.isNull() ? null : name.getString();
    }

    private static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
