package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import io.cutroom.media.Ffmpeg;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes the final file from the encoded picture and an audio stream, interleaved by time, copying
 * packets. Two jobs need it. Copying keeps the source's audio bit for bit, which the pipeline does whenever
 * the container takes the audio codec and the level stays. And the encoder counts frames at a constant
 * rate, so the picture's timestamps are rewritten here to the source frames' own times: a variable frame
 * rate clip keeps its timing.
 */
final class Remuxer {
    /** Audio codecs each output container carries. */
    private static final Map<String, Set<String>> CARRIES = Map.of(
            "mp4", Set.of("aac", "mp3", "ac3", "eac3", "alac", "opus"),
            "webm", Set.of("opus", "vorbis"));

    private Remuxer() {
    }

    /** Output picture timestamps are written in microseconds; the container may choose a coarser scale. */
    private static final int TIME_SCALE = 1_000_000;

    static boolean canCopy(String container, String audioCodec) {
        return audioCodec != null && CARRIES.getOrDefault(container, Set.of()).contains(audioCodec);
    }

    /**
     * Writes {@code out} from the video of {@code picture}, its frames moved to {@code frameTimes} (one per
     * encoded frame, in microseconds, in display order; the encoder numbered them at {@code encoderRate}),
     * and the first audio stream of {@code audioSource} (the source, or the picture file itself), if any.
     */
    static void mux(Path picture, FrameTimes frameTimes, Path audioSource, Path out, String container)
            throws RenderException {
        AVFormatContext video = open(picture);
        AVFormatContext audio = null;
        AVFormatContext output = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            int videoIndex = streamOf(video, AVMEDIA_TYPE_VIDEO);
            int audioIndex = -1;
            if (audioSource != null) {
                audio = open(audioSource);
                audioIndex = streamOf(audio, AVMEDIA_TYPE_AUDIO);
            }
            // The file name goes in too: the MP4 muxer reopens it by name to move its index to the front.
            try (BytePointer format = new BytePointer(container); BytePointer name = Ffmpeg.utf8Path(out)) {
                check(avformat_alloc_output_context2(output, null, format, name), "set up the output");
            }
            AVStream outVideo = copyStream(output, video.streams(videoIndex));
            outVideo.time_base(new AVRational().num(1).den(TIME_SCALE));
            AVStream outAudio = audio == null ? null : copyStream(output, audio.streams(audioIndex));
            if ((output.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext io = new AVIOContext(null);
                try (BytePointer path = Ffmpeg.utf8Path(out)) {
                    check(avio_open(io, path, AVIO_FLAG_WRITE), "open the output file");
                }
                output.pb(io);
            }
            AVDictionary options = new AVDictionary(null);
            if ("mp4".equals(container)) {
                av_dict_set(options, "movflags", "+faststart", 0);
            }
            int header = avformat_write_header(output, options);
            av_dict_free(options);
            check(header, "write the header");
            // The rendered picture counts from the source's start; the audio is shifted by the same amount,
            // so a stream that began a little after the picture still does.
            long audioStart = 0;
            if (audio != null) {
                long formatStart = audio.start_time() == AV_NOPTS_VALUE ? 0 : audio.start_time();
                audioStart = av_rescale_q(formatStart, new AVRational().num(1).den(1_000_000),
                        audio.streams(audioIndex).time_base());
            }
            copyInterleaved(video, videoIndex, frameTimes, audio, audioIndex, audioStart, output, outVideo, outAudio, packet);
            check(av_write_trailer(output), "finish the file");
        } finally {
            av_packet_free(packet);
            if (output.pb() != null && !output.pb().isNull()) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
            avformat_close_input(video);
            if (audio != null) {
                avformat_close_input(audio);
            }
        }
    }

    private static void copyInterleaved(AVFormatContext video, int videoIndex, FrameTimes frameTimes, AVFormatContext audio,
                                        int audioIndex, long audioStart, AVFormatContext output, AVStream outVideo,
                                        AVStream outAudio, AVPacket packet) throws RenderException {
        AVRational videoTb = video.streams(videoIndex).time_base();
        AVRational audioTb = audio == null ? null : audio.streams(audioIndex).time_base();
        AVRational micros = new AVRational().num(1).den(1_000_000);
        double videoEnd = Double.MAX_VALUE;
        boolean videoDone = false;
        boolean audioDone = audio == null;
        double videoClock = 0;
        double audioClock = 0;
        while (!videoDone || !audioDone) {
            boolean takeVideo = !videoDone && (audioDone || videoClock <= audioClock);
            AVFormatContext in = takeVideo ? video : audio;
            int wanted = takeVideo ? videoIndex : audioIndex;
            int read = av_read_frame(in, packet);
            if (read < 0) {
                if (takeVideo) {
                    videoDone = true;
                    videoEnd = videoClock;
                } else {
                    audioDone = true;
                }
                continue;
            }
            if (packet.stream_index() != wanted) {
                av_packet_unref(packet);
                continue;
            }
            if (takeVideo) {
                videoClock = seconds(packet, videoTb);
                retime(packet, videoTb, frameTimes);
                av_packet_rescale_ts(packet, micros, outVideo.time_base());
                packet.stream_index(outVideo.index());
            } else {
                shift(packet, audioStart);
                audioClock = seconds(packet, audioTb);
                if (videoDone && audioClock > videoEnd + 0.5) {
                    av_packet_unref(packet);
                    audioDone = true; // the picture has ended; a long audio tail would outlast it
                    continue;
                }
                av_packet_rescale_ts(packet, audioTb, outAudio.time_base());
                packet.stream_index(outAudio.index());
            }
            packet.pos(-1);
            check(av_interleaved_write_frame(output, packet), "write a packet");
        }
    }

    /** Moves a video packet from its constant-rate slot to the time its source frame had, in microseconds. */
    private static void retime(AVPacket packet, AVRational tb, FrameTimes times) {
        if (packet.pts() != AV_NOPTS_VALUE) {
            long slot = times.slot(packet.pts() * av_q2d(tb));
            packet.pts(times.at(slot));
            packet.duration(times.at(slot + 1) - times.at(slot)); // until the next frame shows
        }
        if (packet.dts() != AV_NOPTS_VALUE) {
            packet.dts(times.at(times.slot(packet.dts() * av_q2d(tb))));
        }
    }

    private static void shift(AVPacket packet, long by) {
        if (packet.pts() != AV_NOPTS_VALUE) {
            packet.pts(packet.pts() - by);
        }
        if (packet.dts() != AV_NOPTS_VALUE) {
            packet.dts(packet.dts() - by);
        }
    }

    private static double seconds(AVPacket packet, AVRational tb) {
        long t = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
        return t == AV_NOPTS_VALUE ? 0 : t * av_q2d(tb);
    }

    private static AVStream copyStream(AVFormatContext output, AVStream in) throws RenderException {
        AVStream stream = avformat_new_stream(output, null);
        check(avcodec_parameters_copy(stream.codecpar(), in.codecpar()), "copy stream parameters");
        stream.codecpar().codec_tag(0); // let the container choose its own tag for the codec
        stream.time_base(in.time_base());
        return stream;
    }

    private static AVFormatContext open(Path file) throws RenderException {
        AVFormatContext ctx = new AVFormatContext(null);
        try (BytePointer path = Ffmpeg.utf8Path(file)) {
            check(avformat_open_input(ctx, path, null, null), "open " + file.getFileName());
        }
        check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "read " + file.getFileName());
        return ctx;
    }

    private static int streamOf(AVFormatContext ctx, int type) throws RenderException {
        for (int i = 0; i < ctx.nb_streams(); i++) {
            if (ctx.streams(i).codecpar().codec_type() == type) {
                return i;
            }
        }
        throw new RenderException("A stream to copy is missing.");
    }

    private static void check(int code, String what) throws RenderException {
        if (code < 0) {
            throw new RenderException("Could not " + what + " while copying the audio: " + Ffmpeg.errorText(code) + ".");
        }
    }
}
