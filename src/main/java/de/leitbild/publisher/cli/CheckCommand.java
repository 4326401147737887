package de.leitbild.publisher.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import de.leitbild.publisher.check.CheckReport;
import de.leitbild.publisher.check.SourceCheck;
import de.leitbild.publisher.content.AsciidocEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check}: finds everything the build would refuse, and the translation status, without writing the site. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check all sources without writing the site: one line per problem (path:line: message), "
                + "then a summary. Exit status 1 if the build would stop.")
final class CheckCommand implements Callable<Integer> {

    /** The output formats, spelled as typed on the command line. */
    enum Format { text, json }

    @Option(names = "--root", description = "Folder with jbake.properties, content/, templates/, assets/ "
            + "(default: the current folder).", defaultValue = ".")
    private Path root;

    @Option(names = "--format", description = "text (default) or json (the same findings for CI tools).",
            defaultValue = "text")
    private Format format;

    @Option(names = "--stacktrace", description = "Show the Java stack trace of an internal error.")
    private boolean stacktrace;

    @Override
    public Integer call() {
        Path rootFolder = root.toAbsolutePath().normalize();
        long start = System.nanoTime();
        try (AsciidocEngine engine = new AsciidocEngine()) {
            CheckReport found = new SourceCheck(engine).check(rootFolder);
            // The time an officer waits includes starting Asciidoctor.
            CheckReport report = new CheckReport(found.root(), found.findings(), found.documents(),
                    (System.nanoTime() - start) / 1_000_000);
            System.out.print(format == Format.json ? report.json() : report.text());
            return report.hasErrors() ? 1 : 0;
        } catch (RuntimeException e) {
            System.err.println("internal error: " + e + ". This is a bug in Leitbild Publisher, not in your sources; "
                    + "please report it with the output of --stacktrace.");
            if (stacktrace) {
                e.printStackTrace(System.err);
            }
            return 2;
        }
    }
}
