package io.cutroom.cli;

import io.cutroom.media.render.AspectRatio;
import io.cutroom.reframe.MotionStyle;
import io.cutroom.reframe.Reframer;
import io.cutroom.reframe.ShotPlan;
import io.cutroom.reframe.SignalWeights;
import io.cutroom.reframe.Widening;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options {@code reframe} and {@code reframe-file} share, and how both print a result. */
final class ReframeOptions {
    @Option(names = "--aspect", required = true, paramLabel = "W:H", description = "Output shape: 9:16, 1:1, 4:5, ...")
    String aspect;

    @Option(names = "--style", defaultValue = "default", paramLabel = "STYLE",
            description = "Camera motion: calm, default or responsive (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--weights", defaultValue = "", paramLabel = "KIND=W,...",
            description = "Signal weights, e.g. face=1,person=0.6,animal=0.5,object=0.25,motion=0.15 (those are the defaults).")
    String weights;

    @Option(names = "--widen", defaultValue = "off", paramLabel = "LIMIT",
            description = "Where the subjects cannot all be held at the output shape, let a shot's window widen up to"
                    + " LIMIT times its width (e.g. 1.5), or up to the frame's whole width (full); off by default.")
    String widen;

    @Option(names = "--fill", defaultValue = "blur", paramLabel = "FILL",
            description = "What fills the output beyond the picture when a window is widened: blur or pad (default: ${DEFAULT-VALUE}).")
    String fill;

    @Option(names = "--json", description = "Print the shots, their camera modes and the crop track as JSON.")
    boolean json;

    Widening widening() {
        return Widening.parse(widen, fill);
    }

    AspectRatio aspectRatio() {
        return AspectRatio.parse(aspect);
    }

    MotionStyle motionStyle() {
        return MotionStyle.parse(style);
    }

    SignalWeights signalWeights() {
        return SignalWeights.parse(weights);
    }

    void print(Reframer.Result result, PrintWriter out) {
        if (json) {
            out.println(Json.write(result.describe()));
            return;
        }
        out.printf(Locale.ROOT, "%s, %s motion, %d keyframes%n", result.aspect(), result.style().id(),
                result.plan().track().keyframes().size());
        for (ShotPlan shot : result.plan().shots()) {
            out.printf(Locale.ROOT, "shot %2d  %7.2f-%7.2f s  %-6s%s%s%n", shot.index(), shot.startSec(), shot.endSec(),
                    shot.mode().name().toLowerCase(Locale.ROOT), !shot.wasWidened() ? ""
                            : String.format(Locale.ROOT, "  widened %.2fx, %s beyond the picture", shot.widened(),
                            result.plan().track().fill().id()),
                    shot.framesWithDroppedSubjects() == 0 ? ""
                            : String.format(Locale.ROOT, "  %s left out in %d of %d analysed moments",
                            shot.leftOutName(), shot.framesWithDroppedSubjects(), shot.framesAnalysed()));
        }
    }
}
