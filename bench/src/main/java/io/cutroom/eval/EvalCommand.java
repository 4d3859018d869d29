package io.cutroom.eval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cutroom eval ...}: quality evaluations that compare Cutroom with baselines in the same run. */
@Command(name = "eval", description = "Quality evaluations against baselines.", subcommands = {ReframeEval.class, ColorEval.class, PlaylistEval.class, TagEval.class, DrawingEval.class, WbReliabilityEval.class})
public final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
