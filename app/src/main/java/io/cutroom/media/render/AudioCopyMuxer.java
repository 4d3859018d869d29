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

/**
 * Puts the rendered picture and the source's own audio packets into one file, interleaved by time.
 * Copying keeps the audio bit for bit, which is why the pipeline does it whenever the container takes
 * the source's audio codec and the level is not being changed.
 */
final class AudioCopyMuxer {
    /** Audio codecs each output container carries. */
    private static final Map<String, Set<String>> CARRIES = Map.of(
            "mp4", Set.of("aac", "mp3", "ac3", "eac3", "alac", "opus"),
            "webm", Set.of("opus", "vorbis"));

    private AudioCopyMuxer() {
    }

    static boolean canCopy(String container, String audioCodec) {
        return audioCodec != null && CARRIES.getOrDefault(container, Set.of()).contains(audioCodec);
    }

    /** Writes {@code out} from the video of {@code picture} and the first audio stream of {@code source}. */
    static void mux(Path picture, Path source, Path out, String container) throws RenderException {
        AVFormatContext video = open(picture);
        AVFormatContext audio = null;
        AVFormatContext output = new AVFormatContext(null);
        AVPacket packet = av_packet_alloc();
        try {
            audio = open(source);
            int videoIndex = streamOf(video, AVMEDIA_TYPE_VIDEO);
            int audioIndex = streamOf(audio, AVMEDIA_TYPE_AUDIO);
            // The file name goes in too: the MP4 muxer reopens it by name to move its index to the front.
            try (BytePointer format = new BytePointer(container); BytePointer name = Ffmpeg.utf8Path(out)) {
                check(avformat_alloc_output_context2(output, null, format, name), "set up the output");
            }
            AVStream outVideo = copyStream(output, video.streams(videoIndex));
            AVStream outAudio = copyStream(output, audio.streams(audioIndex));
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
            long formatStart = audio.start_time() == AV_NOPTS_VALUE ? 0 : audio.start_time();
            long audioStart = av_rescale_q(formatStart, new AVRational().num(1).den(1_000_000),
                    audio.streams(audioIndex).time_base());
            copyInterleaved(video, videoIndex, audio, audioIndex, audioStart, output, outVideo, outAudio, packet);
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

    private static void copyInterleaved(AVFormatContext video, int videoIndex, AVFormatContext audio, int audioIndex,
                                        long audioStart, AVFormatContext output, AVStream outVideo, AVStream outAudio,
                                        AVPacket packet) throws RenderException {
        AVRational videoTb = video.streams(videoIndex).time_base();
        AVRational audioTb = audio.streams(audioIndex).time_base();
        double videoEnd = Double.MAX_VALUE;
        boolean videoDone = false;
        boolean audioDone = false;
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
                av_packet_rescale_ts(packet, videoTb, outVideo.time_base());
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
        check(avformat_find_stream_info(ctx, (org.bytedeco.javacpp.PointerPointer<?>) null), "read " + file.getFileName());
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
