package de.leitbild.publisher.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.check.CheckReport.Severity;
import de.leitbild.publisher.cli.LeitbildPublisher;
import de.leitbild.publisher.content.SourceVersion;

/**
 * {@code check} finds in one run every kind of mistake the build refuses, and the translation status, without
 * writing the site; it finds nothing wrong in the repository's own content.
 */
class SourceCheckTest {

    private static final String HALLO = """
            = Hallo
            :jbake-type: page
            :jbake-status: published

            Ein gültiges Dokument.

            [#abschnitt]
            == Ein Abschnitt

            Text.
            """;

    @TempDir
    Path folder;

    private SiteFixture site;

    @BeforeEach
    void plantOneMistakeOfEachKind() {
        site = SiteFixture.create(folder);
        site.write("content/de/hallo.adoc", HALLO);
        site.write("content/de/leitbild.adoc", """
                = Ein Leitbild
                :jbake-type: leitbild
                :jbake-status: published
                :description: Ein Leitbild.
                :source-date: 2020-07
                :original-title: Ein Leitbild

                Text.
                """);
        site.write("content/de/block.adoc", """
                = Block
                :jbake-type: page
                :jbake-status: published

                Vorher.

                ====
                Ein Beispielblock, der nie geschlossen wird.
                """);
        site.write("content/de/ebene.adoc", """
                = Ebene
                :jbake-type: page
                :jbake-status: published

                === Eine Ebene zu tief
                """);
        site.write("content/de/verweise.adoc", """
                = Verweise
                :jbake-type: page
                :jbake-status: published

                Siehe <<gibt-es-nicht>>.

                Siehe auch xref:fehlt/nirgends.adoc[das andere Dokument].

                Und xref:hallo.adoc#kein-abschnitt[den Abschnitt, den es nicht gibt].

                image::fehlt.png[Ein Bild, das fehlt]

                Aber xref:hallo.adoc#abschnitt[dieser Abschnitt] ist da.
                """);
        site.write("geheim.adoc", "Nicht für die Seite.\n");
        site.write("content/de/einbindung.adoc", """
                = Einbindung
                :jbake-type: page
                :jbake-status: published

                include::../../geheim.adoc[]
                """);
        site.write("content/de/skript.adoc", """
                = Skript
                :jbake-type: page
                :jbake-status: published

                ++++
                <p>Hallo</p><script>alert(1)</script>
                ++++
                """);
        site.write("content/en/hallo.adoc", """
                = Hello
                :jbake-type: page
                :jbake-status: published
                :translation-of: 0123456789ab

                A valid document.
                """);
    }

    @Test
    void findsEveryPlantedMistakeInOneRunAndLeavesTheSiteUntouched() {
        CheckReport report = new SourceCheck(BuiltSites.engine()).check(site.root());
        List<String> errors = lines(report, Severity.ERROR);
        assertThat(errors).anySatisfy(l -> assertThat(l).isEqualTo("content/de/leitbild.adoc:1: a document of type "
                        + "'leitbild' needs :publisher: in its header: add the line below the title"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/block.adoc:7: a block is opened here but "
                        + "never closed"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/ebene.adoc:5: a heading skips a level"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/verweise.adoc:5: the cross reference to "
                        + "'#gibt-es-nicht' has no target"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/verweise.adoc:7: the link target "
                        + "'fehlt/nirgends.html' does not exist"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/verweise.adoc:9: the link to "
                        + "'hallo.html#kein-abschnitt' points to a section that hallo.html does not have"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/verweise.adoc:11: the link target 'fehlt.png' "
                        + "does not exist"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/einbindung.adoc:5: ").contains("include"))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/skript.adoc:6: raw HTML with a <script> "
                        + "element is not allowed"));
        assertThat(errors).noneSatisfy(l -> assertThat(l).contains("#abschnitt'"));
        assertThat(lines(report, Severity.WARNING)).singleElement().asString()
                .startsWith("content/en/hallo.adoc:4: translation of content/de/hallo.adoc is outdated since ");
        assertThat(lines(report, Severity.NOTE)).anySatisfy(l -> assertThat(l)
                .startsWith("content/de/hallo.adoc:1: not yet translated into leichte-sprache, uk, ar, tr, ru, fa "));
        assertThat(report.hasErrors()).isTrue();
        assertThat(site.output()).as("check writes no site").doesNotExist();
    }

    @Test
    void printsOneLinePerFindingThenTheSummary() {
        CheckReport report = new SourceCheck(BuiltSites.engine()).check(site.root());
        List<String> printed = report.text().lines().toList();
        assertThat(printed).hasSize(report.findings().size() + 1);
        assertThat(printed).allSatisfy(l -> assertThat(l).matches("(content/[^:]+:\\d+: .+|Checked .+)"));
        assertThat(printed).anySatisfy(l -> assertThat(l).startsWith("content/en/hallo.adoc:4: warning: "))
                .anySatisfy(l -> assertThat(l).startsWith("content/de/hallo.adoc:1: note: "));
        assertThat(printed.get(printed.size() - 1)).matches("Checked 8 documents in \\d+\\.\\d s: \\d+ errors, "
                + "1 warning, \\d+ notes\\. The build would stop: fix the errors, then check again\\.");
    }

    @Test
    void theCommandExitsWithOneAndItsJsonParsesWithTheSameFindings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = LeitbildPublisher.run("check", "--root", site.root().toString(), "--format", "json");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.at("/summary/ok").asBoolean()).isFalse();
        assertThat(json.at("/summary/documents").asInt()).isEqualTo(8);
        assertThat(json.at("/summary/warnings").asInt()).isEqualTo(1);
        JsonNode problems = json.get("problems");
        assertThat(json.at("/summary/errors").asInt() + 1 + json.at("/summary/notes").asInt())
                .isEqualTo(problems.size());
        assertThat(problems).anySatisfy(p -> assertThat(Map.of("severity", p.get("severity").asText(),
                "file", p.get("file").asText(), "line", p.get("line").asInt())).isEqualTo(
                Map.of("severity", "error", "file", "content/de/skript.adoc", "line", 6)));
        assertThat(problems).anySatisfy(p -> assertThat(p.get("severity").asText() + " " + p.get("file").asText()
                + ":" + p.get("line").asInt()).isEqualTo("warning content/en/hallo.adoc:4"));
        assertThat(site.output()).doesNotExist();
    }

    @Test
    void aCurrentTranslationAndValidSourcesPassWithNotesOnly() throws IOException {
        site = SiteFixture.create(Files.createDirectories(folder.resolve("gut")));
        site.write("content/de/hallo.adoc", HALLO);
        site.write("content/en/hallo.adoc", "= Hello\n:jbake-type: page\n:jbake-status: published\n"
                + ":translation-of: " + SourceVersion.of(HALLO) + "\n\nA valid document.\n");
        CheckReport report = new SourceCheck(BuiltSites.engine()).check(site.root());
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.count(Severity.WARNING)).isZero();
        assertThat(lines(report, Severity.NOTE)).containsExactly("content/de/hallo.adoc:1: not yet translated into "
                + "leichte-sprache, uk, ar, tr, ru, fa (readers of those languages see the German text with a "
                + "notice); to start a translation: bin/leitbild-publisher new translation "
                + "--of hallo --lang leichte-sprache");
    }

    @Test
    void theRepositorysOwnContentHasNoErrorsAndNoWarnings() {
        Path root = BuiltSites.repositoryRoot();
        CheckReport report = new SourceCheck(BuiltSites.engine()).check(root);
        assertThat(report.findings()).as(report.text())
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.NOTE));
        assertThat(report.documents()).isGreaterThan(30);
    }

    private static List<String> lines(CheckReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity)
                .map(f -> f.problem().format(report.root())).toList();
    }
}
