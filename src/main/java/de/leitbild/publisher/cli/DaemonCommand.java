package de.leitbild.publisher.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code daemon}: whether the build daemon of a root runs, and stopping it. */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Show or stop the build daemon that 'build --daemon' started for a root.")
final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Folder with jbake.properties (default: the current folder).",
            defaultValue = ".")
    private Path root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Action action;

    /** What to do: exactly one of the two. */
    static final class Action {
        @Option(names = "--status", description = "Say whether it runs, since when and how many builds it made.")
        boolean status;

        @Option(names = "--stop", description = "End it (it ends by itself " + BuildDaemon.IDLE_MINUTES
                + " minutes after the last build).")
        boolean stop;
    }

    @Override
    public Integer call() {
        return new BuildDaemonClient(root.toAbsolutePath().normalize(), System.out, System.err)
                .tell(action.stop ? "stop" : "status");
    }
}
