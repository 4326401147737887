package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.cli.LeitbildPublisher;

/** The build command prints problems as path:line lines and exits 1, without a stack trace. */
class CommandLineTest {

    @Test
    void aBrokenDocumentExitsWithOneAndPrintsFileAndLineWithoutAStackTrace(@TempDir Path folder) {
        SiteFixture site = SiteFixture.create(folder);
        site.write("content/de/kaputt.adoc", "= Kaputt\n:jbake-type: page\n:jbake-status: published\n\n"
                + "include::fehlt.adoc[]\n");
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            exit = LeitbildPublisher.run("build", "--root", site.root().toString());
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(printed).contains("content/de/kaputt.adoc:5: the include target does not exist")
                .contains("Build stopped: 1 problem(s). Nothing was published")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("WARNING:");
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void manyBrokenDocumentsAreReportedInOrderUpToALimitAndThenCounted(@TempDir Path folder) {
        SiteFixture site = SiteFixture.create(folder);
        for (int i = 0; i < 240; i++) {
            // A page without its status line: one missing-attribute problem at line 1... per file, in path order.
            site.write("content/de/kaputt/seite-%03d.adoc".formatted(i), "= Seite %d\n:jbake-type: page\n\n"
                    .formatted(i) + "Text.\n\n----\nnie geschlossen\n");
        }
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            exit = LeitbildPublisher.run("build", "--root", site.root().toString());
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        java.util.List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit).isEqualTo(1);
        java.util.List<String> problems = lines.stream().filter(l -> l.startsWith("content/")).toList();
        assertThat(problems).hasSize(200).isSorted();
        assertThat(problems.get(0)).startsWith("content/de/kaputt/seite-000.adoc:");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("… and ").contains("240 file(s) have problems"));
        assertThat(site.output()).doesNotExist();
    }
}
