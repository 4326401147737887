package de.leitbild.publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.problem.BuildFailure;

/**
 * Test fixture: one Asciidoctor instance for the whole test run (JRuby starts once) and the repository's own
 * site built once into {@code target/test-site}.
 */
public final class BuiltSites {

    private static AsciidocEngine engine;
    private static Path repositorySite;

    private BuiltSites() {
    }

    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("jbake.properties"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("tests must run inside the repository");
        }
        return here;
    }

    public static synchronized AsciidocEngine engine() {
        if (engine == null) {
            engine = new AsciidocEngine();
        }
        return engine;
    }

    /** The repository's real content, built once per test run. */
    public static synchronized Path repositorySite() {
        if (repositorySite == null) {
            Path out = repositoryRoot().resolve("target/test-site/site");
            try {
                new SiteBuild(engine()).run(repositoryRoot(), out);
            } catch (BuildFailure e) {
                throw new AssertionError("the repository's own content does not build: "
                        + e.problems().stream().map(p -> p.format(repositoryRoot())).toList());
            }
            repositorySite = out;
        }
        return repositorySite;
    }

    /** Builds {@code root} into {@code output} with the shared engine. */
    public static SiteBuild.Result build(Path root, Path output) throws BuildFailure {
        return new SiteBuild(engine()).run(root, output);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
