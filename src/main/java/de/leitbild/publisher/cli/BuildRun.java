package de.leitbild.publisher.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/** One run of {@code build} and what it prints: the same in this process and in the build daemon. */
final class BuildRun {

    /** More than a screenful helps nobody; the rest is counted, and {@code check} lists every problem. */
    static final int SHOWN_PROBLEMS = 200;

    private BuildRun() {
    }

    /** Where a build of {@code root} writes when no output folder is given: {@code target/site} below it. */
    static Path outputFolder(Path root, Path output) {
        return output != null ? output.toAbsolutePath().normalize() : root.resolve("target").resolve("site");
    }

    /**
     * Builds {@code root} into {@code output} with {@code engine}; prints the summary to {@code out}, warnings and
     * problems to {@code err}; returns the exit code (0 built, 1 problems in the sources, 2 internal error).
     * {@code inDaemon} says that the engine is the build daemon's, started before this build was asked for.
     */
    static int build(Path root, Path output, boolean stacktrace, AsciidocEngine engine, boolean inDaemon,
            PrintStream out, PrintStream err) {
        return build(root, output, stacktrace, engine, new SiteBuild(engine).leavingLeftoversToTheNextBuild(),
                inDaemon, out, err);
    }

    /** The same with a build of {@code engine} set up by the caller (the daemon's does not wait for its cache). */
    static int build(Path root, Path output, boolean stacktrace, AsciidocEngine engine, SiteBuild build,
            boolean inDaemon, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        try {
            SiteBuild.Result result = build.run(root, output, err::println);
            for (Problem warning : result.warnings()) {
                err.println(warning.format(root));
            }
            long total = (System.nanoTime() - start) / 1_000_000;
            long engineMillis = engine.startMillis();
            String asciidoctor = inDaemon ? "asciidoctor kept by the build daemon"
                    : engineMillis < 0 ? "asciidoctor not needed" : "asciidoctor start " + engineMillis + " ms";
            out.printf("Built %d pages from %d documents into %s in %d ms (%s, %s; unchanged since the last build: "
                    + "%d conversions, %d pages and indexes).%n",
                    result.pages(), result.documents(), shown(root, result.output()), total, asciidoctor,
                    result.stageMillis().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                            .collect(Collectors.joining(", ")), result.reusedConversions(), result.reusedPages());
            return 0;
        } catch (BuildFailure failure) {
            List<Problem> problems = failure.problems();
            problems.stream().limit(SHOWN_PROBLEMS).forEach(problem -> err.println(problem.format(root)));
            if (problems.size() > SHOWN_PROBLEMS) {
                long files = problems.stream().map(Problem::file).distinct().count();
                err.printf("… and %d more problem(s); %d file(s) have problems in all. Fix the first ones and build "
                        + "again, or run 'check' for the full list.%n", problems.size() - SHOWN_PROBLEMS, files);
            }
            err.printf("Build stopped: %d problem(s). Nothing was published; %s is as it was.%n",
                    failure.problems().size(), shown(root, output));
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
