package de.leitbild.publisher.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import de.leitbild.publisher.content.AsciidocEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code build}: builds the whole site into the output folder, or changes nothing and lists the problems. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site into the output folder (default target/site).")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--root", description = "Folder with jbake.properties, content/, templates/, assets/ "
            + "(default: the current folder).", defaultValue = ".")
    private Path root;

    @Option(names = "--output", description = "Where the site is written (default: target/site below the root).")
    private Path output;

    @Option(names = "--daemon", description = "Build in the build daemon of this root, a background process that "
            + "keeps Asciidoctor and the compiled code warm between builds. When none runs, this build runs here "
            + "and starts one; it ends " + BuildDaemon.IDLE_MINUTES + " minutes after the last build or with "
            + "'daemon --stop'.")
    private boolean daemon;

    @Option(names = "--stacktrace", description = "Show the Java stack trace of an internal error.")
    private boolean stacktrace;

    @Override
    public Integer call() {
        Path rootFolder = root.toAbsolutePath().normalize();
        Path outputFolder = BuildRun.outputFolder(rootFolder, output);
        if (daemon) {
            return new BuildDaemonClient(rootFolder, System.out, System.err).build(outputFolder, stacktrace);
        }
        try (AsciidocEngine engine = new AsciidocEngine()) {
            return BuildRun.build(rootFolder, outputFolder, stacktrace, engine, false, System.out, System.err);
        }
    }
}
