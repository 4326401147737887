package de.leitbild.publisher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code bin/leitbild-publisher <command>}. */
@Command(name = "leitbild-publisher", mixinStandardHelpOptions = true, version = "Leitbild Publisher 0.1",
        description = "Builds the multilingual site of an integration office from AsciiDoc sources.",
        subcommands = {BuildCommand.class, CheckCommand.class, DaemonCommand.class, NewCommand.class, ServeCommand.class,
                TranslationsCommand.class})
public final class LeitbildPublisher implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 problems in the sources, 2 internal error. */
    public static int run(String... args) {
        return new CommandLine(new LeitbildPublisher()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
