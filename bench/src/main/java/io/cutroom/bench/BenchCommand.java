package io.cutroom.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cutroom bench ...}: measured figures, each against the reference tool in the same run. */
@Command(name = "bench", description = "Benchmarks that compare Cutroom with the reference tools.",
        subcommands = {ProbeBench.class, RenderBench.class, TagBench.class, ReframeBench.class, ColorBench.class,
                PlaylistBench.class, SoakBench.class, CatalogBench.class, TimelineBench.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
