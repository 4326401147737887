package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.check.TranslationReport;
import de.leitbild.publisher.content.SourceVersion;
import de.leitbild.publisher.problem.BuildFailure;

/** Translations are tied to their source: wrong ties stop the build, outdated ones are listed and marked. */
class TranslationInputTest {

    private static final String SOURCE = """
            = Hallo
            :jbake-type: page
            :jbake-status: published

            Ein gültiges Dokument.
            """;

    @TempDir
    Path folder;

    private SiteFixture site;

    @BeforeEach
    void createSite() {
        site = SiteFixture.create(folder);
    }

    @Test
    void aTranslationWhoseSourceDoesNotExistStopsTheBuild() {
        site.write("content/en/weg.adoc", "= Gone\n:jbake-type: page\n:jbake-status: published\n"
                + ":translation-of: 0123456789ab\n\nText.\n");
        assertThat(problems()).containsExactly("content/en/weg.adoc:1: this is a translation of content/de/weg.adoc, "
                + "which does not exist: a translation must have the same path as its German source; move it there "
                + "or add the source first");
    }

    @Test
    void aTranslationMustRecordTheSourceVersionAndIsToldWhichOne() {
        site.write("content/en/hallo.adoc", "= Hello\n:jbake-type: page\n:jbake-status: published\n\nText.\n");
        assertThat(problems()).singleElement().asString().startsWith("content/en/hallo.adoc:1: a translation must "
                + "record which version of its source it translates: add ':translation-of: "
                + SourceVersion.of(SOURCE) + "'");
    }

    @Test
    void aMessageBundleMissingAKeyThatAnotherHasStopsTheBuild() throws IOException {
        Path bundle = site.root().resolve("templates/i18n/tr.properties");
        List<String> lines = Files.readAllLines(bundle).stream().filter(l -> !l.startsWith("nav.skip=")).toList();
        Files.write(bundle, lines);
        assertThat(problems()).singleElement().asString().startsWith("templates/i18n/tr.properties:")
                .contains("message key 'nav.skip' is missing (it is defined in de.properties:");
    }

    @Test
    void anOutdatedTranslationIsListedWithItsChangeAndItsPageSaysSo() throws BuildFailure, IOException {
        site.write("content/en/hallo.adoc", "= Hello\n:jbake-type: page\n:jbake-status: published\n"
                + ":translation-of: 0123456789ab\n\nA valid document.\n");
        SiteBuild.Result result = BuiltSites.build(site.root(), site.output());
        assertThat(result.warnings()).singleElement().extracting(p -> p.format(site.root())).asString()
                .startsWith("content/en/hallo.adoc:4: translation of content/de/hallo.adoc is outdated since ");
        var page = Jsoup.parse(site.output().resolve("en/hallo.html").toFile(), "UTF-8");
        assertThat(page.selectFirst(".notice--translation").text()).contains("changed");
        assertThat(page.selectFirst(".document-body").text()).isEqualTo("A valid document.");
    }

    @Test
    void theTranslationReportShowsTheCoverageMatrix() throws BuildFailure {
        site.write("content/en/hallo.adoc", "= Hello\n:jbake-type: page\n:jbake-status: published\n"
                + ":translation-of: " + SourceVersion.of(SOURCE) + "\n\nA valid document.\n");
        site.write("content/de/zweites.adoc", "= Zweites\n:jbake-type: page\n:jbake-status: published\n\nText.\n");
        SiteBuild.Sources sources = new SiteBuild(BuiltSites.engine()).read(site.root(), site.output());
        String report = new TranslationReport(sources.settings(), sources.catalog()).format();
        assertThat(report.lines().toList()).anySatisfy(l -> assertThat(l).matches("hallo\\s+source\\s+-\\s+ok.*"))
                .anySatisfy(l -> assertThat(l).matches("zweites\\s+source\\s+-\\s+-.*"))
                .anySatisfy(l -> assertThat(l).startsWith("en:").contains("1 of 2 translated"));
    }

    private List<String> problems() {
        BuildFailure failure = catchThrowableOfType(BuildFailure.class,
                () -> BuiltSites.build(site.root(), site.output()));
        assertThat(failure).as("the build must fail").isNotNull();
        assertThat(site.output()).doesNotExist();
        return failure.problems().stream().map(p -> p.format(site.root())).toList();
    }
}
