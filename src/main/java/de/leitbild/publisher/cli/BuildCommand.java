package de.leitbild.publisher.cli;

import java.io.PrintStream;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code build}: builds the whole site into the output folder, or changes nothing and lists the problems. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the site into the output folder (default target/site).")
final class BuildCommand implements Callable<Integer> {

    /** More than a screenful helps nobody; the rest is counted, and {@code check} lists every problem. */
    static final int SHOWN_PROBLEMS = 200;

    @Option(names = "--root", description = "Folder with jbake.properties, content/, templates/, assets/ "
            + "(default: the current folder).", defaultValue = ".")
    private Path root;

    @Option(names = "--output", description = "Where the site is written (default: target/site below the root).")
    private Path output;

    @Option(names = "--stacktrace", description = "Show the Java stack trace of an internal error.")
    private boolean stacktrace;

    @Override
    public Integer call() {
        Path rootFolder = root.toAbsolutePath().normalize();
        Path outputFolder = output != null ? output.toAbsolutePath().normalize()
                : rootFolder.resolve("target").resolve("site");
        PrintStream out = System.out;
        PrintStream err = System.err;
        long start = System.nanoTime();
        try (AsciidocEngine engine = new AsciidocEngine()) {
            SiteBuild.Result result = new SiteBuild(engine).leavingLeftoversToTheNextBuild()
                    .run(rootFolder, outputFolder);
            for (Problem warning : result.warnings()) {
                err.println(warning.format(rootFolder));
            }
            long total = (System.nanoTime() - start) / 1_000_000;
            long engineMillis = engine.startMillis();
            out.printf("Built %d pages from %d documents into %s in %d ms (%s, %s; unchanged since the last build: "
                    + "%d conversions, %d pages and indexes).%n",
                    result.pages(), result.documents(), shown(rootFolder, result.output()), total,
                    engineMillis < 0 ? "asciidoctor not needed" : "asciidoctor start " + engineMillis + " ms",
                    result.stageMillis().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                            .collect(Collectors.joining(", ")), result.reusedConversions(), result.reusedPages());
            return 0;
        } catch (BuildFailure failure) {
            List<Problem> problems = failure.problems();
            problems.stream().limit(SHOWN_PROBLEMS).forEach(problem -> err.println(problem.format(rootFolder)));
            if (problems.size() > SHOWN_PROBLEMS) {
                long files = problems.stream().map(Problem::file).distinct().count();
                err.printf("… and %d more problem(s); %d file(s) have problems in all. Fix the first ones and build "
                        + "again, or run 'check' for the full list.%n", problems.size() - SHOWN_PROBLEMS, files);
            }
            err.printf("Build stopped: %d problem(s). Nothing was published; %s is as it was.%n",
                    failure.problems().size(), shown(rootFolder, outputFolder));
            return 1;
        } catch (RuntimeException e) {
            err.println("internal error: " + e + ". This is a bug in Leitbild Publisher, not in your sources; "
                    + "please report it with the output of --stacktrace.");
            if (stacktrace) {
                e.printStackTrace(err);
            }
            return 2;
        }
    }

    private static String shown(Path root, Path folder) {
        return folder.startsWith(root) ? root.relativize(folder).toString() : folder.toString();
    }
}
