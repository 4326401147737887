package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.CommandRun;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.content.SourceVersion;
import de.leitbild.publisher.problem.BuildFailure;

/**
 * {@code new} starts a document, a translation or next year's report with the header filled in; the build names
 * each placeholder until it is filled, then builds the file; an existing file is never overwritten.
 */
class NewCommandTest {

    private static final String REPORT_2025 = "content/de/musterstadt/jahresbericht-2025.adoc";

    @TempDir
    Path folder;

    private SiteFixture site;

    @BeforeEach
    void createSite() {
        site = SiteFixture.create(folder);
    }

    @Test
    void aNewDocumentHasItsTypesHeaderAndBuildsOnceThePlaceholdersAreFilled() throws Exception {
        CommandRun run = run("new", "leitbild", "--path", "brandenburg/mein-leitbild", "--title", "Mein Leitbild");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Created content/de/brandenburg/mein-leitbild.adoc.\nNext: fill in the empty "
                + "header lines (:description:, :publisher:, :source-date:, :original-title:;");
        Path file = site.root().resolve("content/de/brandenburg/mein-leitbild.adoc");
        String text = Files.readString(file);
        assertThat(text).startsWith("= Mein Leitbild\n:jbake-type: leitbild\n:jbake-status: published\n")
                .contains("\n:description:\n", "\n:publisher:\n", "\n:source-date:\n", "\n:original-title:\n");

        List<String> problems = buildProblems();
        assertThat(problems.stream().filter(p -> p.startsWith("content/de/brandenburg/mein-leitbild.adoc:1: "
                + "a document of type 'leitbild' needs :"))).hasSize(4);
        assertThat(problems).contains("content/de/brandenburg/mein-leitbild.adoc:9: :source-date: '' is not a date "
                + "of the form YYYY, YYYY-MM or YYYY-MM-DD: write e.g. 2020-07").hasSize(5);

        Files.writeString(file, text.replace(":description:\n", ":description: Wofür wir stehen.\n")
                .replace(":publisher:\n", ":publisher: Stadt Beispiel\n")
                .replace(":source-date:\n", ":source-date: 2024-05\n")
                .replace(":original-title:\n", ":original-title: Mein Leitbild\n")
                + "\n[#praeambel]\n== Präambel\n\nText.\n");
        BuiltSites.build(site.root(), site.output());
        Document page = Jsoup.parse(site.output().resolve("de/brandenburg/mein-leitbild.html").toFile(), "UTF-8");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Mein Leitbild");
        assertThat(page.selectFirst(".document-meta").text()).contains("Stadt Beispiel");
    }

    @Test
    void aPageNeedsNoMoreThanTitleAndBuildsAtOnce() throws Exception {
        assertThat(run("new", "page", "--path", "impressum", "--title", "Impressum").exit()).isZero();
        BuiltSites.build(site.root(), site.output());
        assertThat(site.output().resolve("de/impressum.html")).exists();
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        Path hallo = site.root().resolve("content/de/hallo.adoc");
        String before = Files.readString(hallo);
        CommandRun run = run("new", "page", "--path", "hallo", "--title", "Anders");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("new: content/de/hallo.adoc already exists and stays as it is: edit it, or "
                + "choose another path\n");
        assertThat(Files.readString(hallo)).isEqualTo(before);
    }

    @Test
    void aTranslationRecordsTheSourceVersionAndStaysOffTheSiteUntilPublished() throws Exception {
        String source = Files.readString(site.root().resolve("content/de/hallo.adoc"));
        CommandRun run = run("new", "translation", "--of", "hallo", "--lang", "en");
        assertThat(run.exit()).as(run.err()).isZero();
        Path file = site.root().resolve("content/en/hallo.adoc");
        String text = Files.readString(file);
        assertThat(text).startsWith("// ÜBERSETZUNG IN: English (en).")
                .contains("\n= Hallo\n:jbake-type: page\n:jbake-status: draft\n:translation-of: "
                        + SourceVersion.of(source) + "\n\nEin gültiges Dokument.\n");

        BuiltSites.build(site.root(), site.output());
        assertThat(page("en/hallo.html").selectFirst(".notice--translation")).as("still shown as missing")
                .isNotNull();

        Files.writeString(file, text.replace(":jbake-status: draft", ":jbake-status: published")
                .replace("= Hallo", "= Hello").replace("Ein gültiges Dokument.", "A valid document."));
        BuiltSites.build(site.root(), site.output());
        Document translated = page("en/hallo.html");
        assertThat(translated.selectFirst("h1").text()).isEqualTo("Hello");
        assertThat(translated.selectFirst(".translation-note")).as("a current translation").isNotNull();
    }

    @Test
    void nextYearsReportCarriesTheHeaderOverWithTheYearAdvancedAndKeepsOnlyTheHeadings() throws Exception {
        site.write(REPORT_2025, Files.readString(BuiltSites.repositoryRoot().resolve(REPORT_2025)));
        CommandRun run = run("new", "jahresbericht", "--from", "musterstadt/jahresbericht-2025");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Created content/de/musterstadt/jahresbericht-2026.adoc.");
        Path file = site.root().resolve("content/de/musterstadt/jahresbericht-2026.adoc");
        String text = Files.readString(file);
        assertThat(text).startsWith("= Jahresbericht 2026 des Integrationsbüros Musterstadt\n:jbake-type: "
                        + "jahresbericht\n")
                .contains("\n:report-year: 2026\n", "\n:municipality: Musterstadt\n", "\n:source-date:\n",
                        "\n:original-title: Jahresbericht 2026 des Integrationsbüros Musterstadt\n",
                        "\n[#vorwort]\n== Vorwort\n", "\n[#ausblick-2027]\n== Ausblick 2027\n")
                .doesNotContain("Beratungsgespräche", "|===", "Liebe Leserinnen");
        assertThat(text.lines().filter(l -> l.startsWith("== "))).hasSize(6);

        assertThat(buildProblems()).containsExactly("content/de/musterstadt/jahresbericht-2026.adoc:1: a document "
                + "of type 'jahresbericht' needs :source-date: in its header: add the line below the title",
                "content/de/musterstadt/jahresbericht-2026.adoc:10: :source-date: '' is not a date of the form YYYY, "
                        + "YYYY-MM or YYYY-MM-DD: write e.g. 2020-07");
        Files.writeString(file, text.replace(":source-date:\n", ":source-date: 2027-03\n"));
        BuiltSites.build(site.root(), site.output());
        Document page = page("de/musterstadt/jahresbericht-2026.html");
        assertThat(page.select("main h2").eachText()).contains("Vorwort", "Ausblick 2027");
    }

    @Test
    void unknownTypesLanguagesSourcesAndBadPathsAreRefusedWithWhatToDo() {
        assertThat(run("new", "leitbilt", "--path", "x", "--title", "X").err())
                .startsWith("new: unknown document type 'leitbilt': use one of leitbild, aufgaben, ")
                .contains("or 'translation' for a translation");
        assertThat(run("new", "translation", "--of", "hallo", "--lang", "xx").err())
                .startsWith("new: unknown language 'xx': a translation goes into one of leichte-sprache, en, ");
        assertThat(run("new", "translation", "--of", "hallo", "--lang", "de").err())
                .startsWith("new: unknown language 'de'");
        assertThat(run("new", "translation", "--of", "gibt/es-nicht", "--lang", "en").err())
                .isEqualTo("new: there is no German document content/de/gibt/es-nicht.adoc: --of takes the path of "
                        + "a file in content/de/ without .adoc, e.g. --of brandenburg/leitbild\n");
        assertThat(run("new", "jahresbericht", "--from", "hallo").err())
                .isEqualTo("new: content/de/hallo.adoc is not a yearly report (its :jbake-type: is 'page'): --from "
                        + "takes a document of type jahresbericht\n");
        assertThat(run("new", "page", "--path", "Über Uns", "--title", "Über uns").err())
                .startsWith("new: 'Über Uns' cannot be a document path: it becomes the web address");
        assertThat(run("new", "page", "--path", "ueber-uns").err()).startsWith("new: a new document needs its title");
        CommandRun mixed = run("new", "leitbild", "--of", "hallo");
        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.err()).isEqualTo("new: --of does not fit here: --of is for 'new translation'\n");
        assertThat(site.root().resolve("content/de/ueber-uns.adoc")).doesNotExist();
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(site.output().resolve(path).toFile(), "UTF-8");
    }

    private List<String> buildProblems() {
        BuildFailure failure = catchThrowableOfType(BuildFailure.class,
                () -> BuiltSites.build(site.root(), site.output()));
        assertThat(failure).as("the build must refuse the placeholders").isNotNull();
        return failure.problems().stream().map(p -> p.format(site.root())).toList();
    }

    private CommandRun run(String... args) {
        String[] withRoot = new String[args.length + 2];
        System.arraycopy(args, 0, withRoot, 0, args.length);
        withRoot[args.length] = "--root";
        withRoot[args.length + 1] = site.root().toString();
        return CommandRun.of(withRoot);
    }
}
