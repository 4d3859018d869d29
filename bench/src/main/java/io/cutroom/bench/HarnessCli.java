package io.cutroom.bench;

import io.cutroom.cli.CutroomCli;
import io.cutroom.eval.EvalCommand;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code cutroom bench ...} and {@code cutroom eval ...}, started by the product's command line. */
@Command(name = "cutroom", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.class, EvalCommand.class})
public final class HarnessCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code bench ...} or {@code eval ...} with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String[] args) {
        return CutroomCli.execute(new HarnessCli(), out, err, args);
    }
}
