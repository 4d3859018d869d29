package io.cutroom.bench;

import io.cutroom.eval.EvalCommand;
import io.cutroom.jobs.ErrorSentence;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code cutroom bench ...} and {@code cutroom eval ...}, started by the product's command line. */
@Command(name = "cutroom", scope = CommandLine.ScopeType.INHERIT, mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.class, EvalCommand.class})
public final class HarnessCli implements Runnable {
    /** Exit code for a request that could not be carried out, as the product's. */
    static final int EXIT_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs {@code bench ...} or {@code eval ...} with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cli = new CommandLine(new HarnessCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("cutroom: " + ErrorSentence.of(e));
            return EXIT_ERROR;
        });
        return cli.execute(args);
    }
}
