package io.cutroom.media.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import io.cutroom.jobs.JobCancelledException;
import io.cutroom.jobs.JobContext;
import io.cutroom.media.Ffmpeg;
import io.cutroom.media.JavaCvProbe;
import io.cutroom.media.MediaInfo;
import io.cutroom.media.MediaKind;
import io.cutroom.media.OutputFile;
import io.cutroom.media.ProbeException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Decodes a clip, turns it upright, follows the crop track, scales to the preset's size, grades it, and
 * encodes it. Pictures stay in YUV 4:2:0 from decoder to encoder unless a grade needs RGB. The file is
 * written beside the target under a hidden temporary name and renamed only when complete, so a cancel,
 * a full disk or a crash never leaves a half-written file under the name the user asked for.
 */
public final class RenderPipeline {
    /** Loudness normalization never lets the true peak pass this level, as EBU R128 delivery specs ask. */
    public static final double TRUE_PEAK_CEILING_DBTP = -1.0;
    private final JavaCvProbe probe = new JavaCvProbe();
    private Double loudnessGainDb;

    /**
     * The gain (dB) that brings the source to the request's loudness target, from a measurement made before
     * the render (the exports feature measures it, or reads it from the catalog). A request with a target
     * needs it: measuring is the audio package's work, not the pipeline's.
     */
    public RenderPipeline withLoudnessGainDb(double gainDb) {
        this.loudnessGainDb = gainDb;
        return this;
    }

    public RenderPipeline() {
        Ffmpeg.init();
    }

    /** The hidden name a render is written under until it is complete. */
    public static Path partialFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".cutroom-partial");
    }

    /** The hidden file the pictures are encoded into before the audio joins them. */
    public static Path pictureFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".cutroom-picture");
    }

    /** Every hidden file a render of {@code target} writes on the way; none of them is ever the result. */
    public static List<Path> workingFiles(Path target) {
        return List.of(partialFile(target), pictureFile(target));
    }

    /** Removes what a render that died (its worker or its whole process) left beside {@code target}. */
    public static void removeWorkingFiles(Path target) {
        for (Path partial : workingFiles(target)) {
            deleteQuietly(partial);
        }
    }

    public RenderResult render(RenderRequest request, JobContext ctx) throws RenderException {
        long started = System.nanoTime();
        MediaInfo info = probeSource(request.source());
        Path target = request.output().toAbsolutePath();
        if (Files.exists(target) && !request.overwrite()) {
            throw new RenderException(target.getFileName() + " already exists; choose another name or allow replacing it.");
        }
        Path temp = partialFile(target);
        Path pictureOnly = pictureFile(target);
        boolean copyAudio = request.loudnessTarget() == null
                && Remuxer.canCopy(request.preset().container(), info.audioCodec());
        double encoderRate = info.fps() == null || info.fps() <= 0 ? 25 : info.fps();
        FrameTimes frameTimes = new FrameTimes(encoderRate);
        try {
            Files.createDirectories(target.getParent());
            RenderResult encoded = encode(request, info, pictureOnly, !copyAudio, frameTimes, ctx);
            ctx.progress(encoded.frames(), encoded.frames(), copyAudio ? "Copying the audio" : "Finishing");
            Path audio = info.audioCodec() == null ? null : copyAudio ? request.source() : pictureOnly;
            Remuxer.mux(pictureOnly, frameTimes, audio, temp, request.preset().container());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new RenderResult(target, encoded.width(), encoded.height(), encoded.frames(), encoded.durationSec(),
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new RenderException(diskProblem(target, e), e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(pictureOnly);
        }
    }

    private MediaInfo probeSource(Path source) throws RenderException {
        try {
            MediaInfo info = probe.probe(source);
            if (info.kind() != MediaKind.VIDEO) {
                throw new RenderException(source.getFileName() + " is " + (info.kind() == MediaKind.AUDIO ? "audio" : "a still")
                        + "; only video can be rendered.");
            }
            return info;
        } catch (ProbeException e) {
            throw new RenderException(source.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private RenderResult encode(RenderRequest request, MediaInfo info, Path temp, boolean withAudio,
                                FrameTimes frameTimes, JobContext ctx)
            throws RenderException, IOException {
        int displayW = info.displayWidth();
        int displayH = info.displayHeight();
        CropTrack crop = cropFor(request, displayW, displayH);
        CropWindow firstWindow = crop.keyframes().get(0).window();
        int[] size = request.preset().outputSize(firstWindow.pixelAspect(displayW, displayH),
                firstWindow.toPixels(displayW, displayH)[2]);
        String pixelFormat = request.preset().codec().pixelFormat;
        Grade grade = request.grade() == null ? Grade.NEUTRAL : request.grade();
        double duration = info.durationSec() == null ? 0 : info.durationSec();
        double fps = info.fps() == null || info.fps() <= 0 ? 25 : info.fps();
        long expectedFrames = Math.max(1, Math.round(duration * fps));

        float loudnessGain = loudnessGain(request, loudnessGainDb);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(request.source().toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
            if (loudnessGain != 1f) {
                grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT); // to scale in place
            }
            grabber.start();
            boolean hasAudio = withAudio && grabber.getAudioChannels() > 0;
            try (FFmpegFrameRecorder recorder = recorder(temp, request.preset(), size, fps, hasAudio ? grabber : null);
                 YuvCropScaler scaler = new YuvCropScaler(size[0], size[1]);
                 FFmpegFrameFilter rotate = rotation(info.rotationCw(), info.width(), info.height(), fps);
                 ShotGradeGraphs graded = grade.isNeutral() ? null : new ShotGradeGraphs(grade, pixelFormat, size[0], size[1]);
                 BytePointer rotateBuffer = rotate == null ? null
                         : new BytePointer((long) info.width() * info.height() * 3 / 2)) {
                recorder.start();
                Frame out = scaler.frame();
                long frames = 0;
                Frame frame;
                // Audio that is copied later is never decoded here, as ffmpeg -c:a copy does not decode it.
                while ((frame = hasAudio ? grabber.grab() : grabber.grabImage()) != null) {
                    if (ctx.isCancelled()) {
                        throw new JobCancelledException();
                    }
                    if (frame.image != null) {
                        YuvPlanes upright = uprightPicture(frame, rotate, rotateBuffer);
                        if (upright == null) {
                            continue;
                        }
                        CropWindow at = crop.windowAt(frame.timestamp / 1e6);
                        boolean filled = at.reachesPastFrame();
                        int[] window = at.toPixels(displayW, displayH);
                        if (graded == null) {
                            if (filled) scaler.scaleFilled(upright, at, displayW, displayH, crop.fill());
                            else scaler.scale(upright, window);
                        } else {
                            GradeGraph shotGraph = graded.at(frame.timestamp / 1e6);
                            if (filled) scaler.scaleFilledToRgb(upright, at, displayW, displayH, crop.fill(), shotGraph.nextInput());
                            else scaler.scaleToRgb(upright, window, shotGraph.nextInput());
                            scaler.copyToOutput(shotGraph.grade(frame.timestamp));
                        }
                        // The encoder numbers frames 0, 1, 2...; the remux gives each its source time back.
                        frameTimes.add(frame.timestamp);
                        recorder.record(out, AV_PIX_FMT_YUV420P);
                        frames++;
                        ctx.progress(frames, expectedFrames, "Encoding");
                    } else if (frame.samples != null && hasAudio) {
                        if (loudnessGain != 1f) {
                            scale((FloatBuffer) frame.samples[0], loudnessGain);
                        }
                        recorder.record(frame);
                    }
                }
                recorder.stop();
                return new RenderResult(temp, size[0], size[1], frames, duration, 0);
            }
        } catch (FrameGrabber.Exception e) {
            throw new RenderException("The source could not be decoded: " + e.getMessage(), e);
        } catch (FrameRecorder.Exception e) {
            throw new RenderException(encoderProblem(temp, e), e);
        } catch (FrameFilter.Exception e) {
            throw new RenderException("FFmpeg refused the grade or rotation filters: " + e.getMessage(), e);
        }
    }

    /** The linear gain that brings the source to the requested loudness under the true-peak ceiling; 1 for none. */
    private static float loudnessGain(RenderRequest request, Double gainDb) {
        if (request.loudnessTarget() == null) {
            return 1f;
        }
        if (gainDb == null) {
            throw new IllegalStateException("A render with a loudness target needs the source's loudness measured first.");
        }
        return (float) Math.pow(10, gainDb / 20);
    }

    private static void scale(FloatBuffer samples, float gain) {
        for (int i = samples.position(); i < samples.limit(); i++) {
            samples.put(i, samples.get(i) * gain);
        }
    }

    private static CropTrack cropFor(RenderRequest request, int displayW, int displayH) throws RenderException {
        AspectRatio aspect = request.preset().aspect() != null ? request.preset().aspect() : request.aspect();
        CropTrack crop = request.crop();
        if (crop == null) {
            return aspect == null ? CropTrack.centered(displayW, displayH, new AspectRatio(displayW, displayH))
                    : CropTrack.centered(displayW, displayH, aspect);
        }
        double trackAspect = crop.sourceWidth() / (double) crop.sourceHeight();
        if (Math.abs(trackAspect / (displayW / (double) displayH) - 1) > 0.01) {
            throw new RenderException(String.format(Locale.ROOT, "The crop track was made for a %dx%d picture, but this"
                    + " clip shows %dx%d.", crop.sourceWidth(), crop.sourceHeight(), displayW, displayH));
        }
        if (aspect != null && !aspect.equals(crop.aspect())) {
            throw new RenderException("The crop track makes " + crop.aspect() + " but the export asks for " + aspect + ".");
        }
        return crop;
    }

    private static FFmpegFrameRecorder recorder(Path temp, RenderPreset preset, int[] size, double fps,
                                                FFmpegFrameGrabber audioSource) {
        int channels = audioSource == null ? 0 : Math.min(2, audioSource.getAudioChannels());
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(temp.toFile(), size[0], size[1], channels);
        recorder.setFormat(preset.container());
        recorder.setVideoCodecName(preset.codec().video);
        recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setVideoOption("crf", Integer.toString(preset.crf()));
        switch (preset.codec()) {
            case H264 -> recorder.setVideoOption("preset", "veryfast");
            case H264_INTRA -> {
                recorder.setVideoOption("preset", "veryfast");
                recorder.setGopSize(1);
            }
            case VP9 -> {
                recorder.setVideoBitrate(0);
                recorder.setVideoOption("deadline", "good");
                recorder.setVideoOption("cpu-used", "4");
                recorder.setVideoOption("row-mt", "1");
            }
        }
        if (channels > 0) {
            recorder.setAudioCodecName(preset.codec().audio);
            recorder.setAudioBitrate(preset.codec().audioBitRate);
            // Opus only runs at 48 kHz; AAC keeps the source rate.
            recorder.setSampleRate(preset.codec() == RenderPreset.Codec.VP9 ? 48_000 : audioSource.getSampleRate());
        }
        if ("mp4".equals(preset.container())) {
            recorder.setOption("movflags", "+faststart");
        }
        return recorder;
    }

    /** Rotated sources are turned upright by FFmpeg's own transpose filters, as its command line does. */
    private static FFmpegFrameFilter rotation(int clockwise, int width, int height, double fps) throws FrameFilter.Exception {
        String filter = switch (clockwise) {
            case 90 -> "transpose=clock";
            case 180 -> "hflip,vflip";
            case 270 -> "transpose=cclock";
            default -> null;
        };
        if (filter == null) {
            return null;
        }
        FFmpegFrameFilter f = new FFmpegFrameFilter(filter + ",format=yuv420p", width, height);
        f.setPixelFormat(AV_PIX_FMT_YUV420P);
        f.setFrameRate(fps);
        f.start();
        return f;
    }

    /**
     * The decoded picture, turned upright. The decoder's planes sit apart in memory, but a filter takes one
     * buffer, so rotated pictures are first copied together.
     */
    private static YuvPlanes uprightPicture(Frame decoded, FFmpegFrameFilter rotate, BytePointer buffer)
            throws FrameFilter.Exception {
        if (rotate == null) {
            return YuvPlanes.of(decoded);
        }
        Frame together = YuvPlanes.of(decoded).copyContiguous(decoded.imageWidth, decoded.imageHeight, buffer);
        together.timestamp = decoded.timestamp;
        rotate.push(together, AV_PIX_FMT_YUV420P);
        Frame turned = rotate.pull();
        return turned == null ? null : YuvPlanes.of(turned);
    }

    private static String encoderProblem(Path temp, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (OutputFile.isDiskFull(temp.getParent(), e)) {
            return OutputFile.noSpace(temp.getParent());
        }
        return "The encoder stopped: " + message;
    }

    private static String diskProblem(Path target, IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (OutputFile.isDiskFull(target.getParent(), e)) {
            return OutputFile.noSpace(target.getParent());
        }
        return "The render could not be saved as " + target + ": " + message;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover hidden .cutroom-partial file is never mistaken for a finished render.
        }
    }
}
