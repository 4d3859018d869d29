package io.cutroom.cli;

import io.cutroom.AppVersion;
import io.cutroom.jobs.ErrorSentence;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code cutroom} command and its sub-commands, over the same core as the studio window. */
@Command(name = "cutroom",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = CutroomCli.Version.class,
        description = "Offline media studio: catalog, tagging, reframing, colour and rendering.",
        footer = {"", "Benchmarks and evaluations (bench, eval) run from a source build: see docs/building.md."},
        subcommands = {ImportCommand.class, ListCommand.class, InfoCommand.class, RenderCommand.class, ShotsCommand.class,
                TagCommand.class, TagsCommand.class, SearchCommand.class, SimilarCommand.class, TeachCommand.class,
                TagImageCommand.class, ReframeCommand.class, ReframeFileCommand.class, ColorCommand.class, ColorImageCommand.class,
                ProfileCommand.class, EventCommand.class, PlaylistCommand.class, SegmentsCommand.class,
                JobsCommand.class, ResumeCommand.class,
                CollectionCommand.class, LogCommands.Rate.class, LogCommands.Flag.class, LogCommands.Label.class,
                LogCommands.Note.class, MarkCommands.Marker.class, MarkCommands.Select.class, ExportTimelineCommand.class, SidecarCommand.class, RelinkCommand.class, ImportTimelineCommand.class, MarkTagCommand.class,
                CatalogCommand.class, QueueCommand.class, NodeCommand.class, StudioCommand.class,
                CommandLine.HelpCommand.class})
public final class CutroomCli implements Runnable {
    /** Exit code when any file of an import failed; the others are still imported. */
    public static final int EXIT_SOME_FAILED = 3;
    /** Exit code for a request that could not be carried out (no such asset, catalog unreadable). */
    public static final int EXIT_ERROR = 1;
    /** The shell's own code for a command stopped by Ctrl+C (128 + SIGINT). */
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'cutroom --help'.");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && HarnessLauncher.COMMANDS.contains(args[0])) {
            return HarnessLauncher.run(out, err, args);
        }
        return execute(new CutroomCli(), out, err, args);
    }

    /**
     * Runs a picocli command the way every {@code cutroom} command runs: with these streams, and any failure
     * told as {@code cutroom: SENTENCE} with exit code 1. The harnesses' commands run this way too.
     */
    public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("cutroom: " + ErrorSentence.of(e));
            return EXIT_ERROR;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cutroom " + AppVersion.get()};
        }
    }
}
