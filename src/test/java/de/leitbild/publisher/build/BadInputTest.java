package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.problem.BuildFailure;

/**
 * A mistake in the sources stops the build with {@code path:line: what is wrong and what to do}, and the site
 * the last good build published stays exactly as it was.
 */
class BadInputTest {

    @TempDir
    Path folder;

    private SiteFixture site;
    private Map<String, String> lastGoodSite;

    @BeforeEach
    void publishAGoodSiteFirst() throws BuildFailure {
        site = SiteFixture.create(folder);
        BuiltSites.build(site.root(), site.output());
        lastGoodSite = SiteFixture.fingerprint(site.output());
        assertThat(lastGoodSite).containsKey("de/hallo.html");
    }

    @Test
    void anUnclosedBlockNamesTheLineWhereItOpens() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                Vorher.

                ====
                Ein Beispielblock, der nie geschlossen wird.
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:7: a block is opened here but never closed"));
    }

    @Test
    void anUnresolvedIncludeNamesTheIncludeLine() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                include::gibt-es-nicht.adoc[]
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:5: the include target does not exist"));
    }

    @Test
    void anIncludeThatLeavesTheDocumentFolderIsRefused() {
        site.write("geheim.adoc", "Nicht für die Seite.\n");
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                include::../../geheim.adoc[]
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:5: ").contains("include"));
    }

    @Test
    void aCrossReferenceWithoutTargetNamesTheLine() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                Siehe <<gibt-es-nicht>>.
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:5: the cross reference to '#gibt-es-nicht' has no target"));
    }

    @Test
    void aCrossReferenceToAMissingDocumentNamesTheLine() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                Siehe auch xref:fehlt/nirgends.adoc[das andere Dokument].
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:5: the link target 'fehlt/nirgends.html' does not exist"));
    }

    @Test
    void aMissingRequiredHeaderAttributeSaysWhichAndWhere() {
        site.write("content/de/leitbild.adoc", """
                = Ein Leitbild
                :jbake-type: leitbild
                :jbake-status: published
                :description: Ein Leitbild.
                :source-date: 2020-07
                :original-title: Ein Leitbild

                Text.
                """);
        assertThat(problems()).containsExactly("content/de/leitbild.adoc:1: a document of type 'leitbild' needs "
                + ":publisher: in its header: add the line below the title");
    }

    @Test
    void anUnknownDocumentTypeListsTheKnownTypes() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: leitbilt
                :jbake-status: published

                Text.
                """);
        assertThat(problems()).singleElement().asString()
                .startsWith("content/de/kaputt.adoc:2: unknown document type 'leitbilt': use one of leitbild, ");
    }

    @Test
    void aFileOutsideALanguageFolderIsNamed() {
        site.write("content/verirrt.adoc", "= Verirrt\n:jbake-type: page\n:jbake-status: published\n\nText.\n");
        assertThat(problems()).containsExactly("content/verirrt.adoc:1: this file is outside a language folder: "
                + "move it into content/de/ (or the folder of its language)");
    }

    @Test
    void aFolderForAnUnconfiguredLanguageIsNamed() {
        site.write("content/xx/seite.adoc", "= Seite\n:jbake-type: page\n:jbake-status: published\n\nText.\n");
        assertThat(problems()).singleElement().asString()
                .startsWith("content/xx/seite.adoc:1: 'xx' is not a configured language");
    }

    @Test
    void asciidoctorsOwnWarningsAreErrors() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                === Eine Ebene zu tief
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:5: a heading skips a level"));
    }

    @Test
    void anUndefinedAttributeReferenceIsAnError() {
        site.write("content/de/kaputt.adoc", """
                = Kaputt
                :jbake-type: page
                :jbake-status: published

                Der Wert ist {nicht-definiert}.
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/kaputt.adoc:").contains("attribute reference has no value"));
    }

    @Test
    void everyProblemOfABrokenTreeIsReportedAtOnce() {
        site.write("content/de/a.adoc", "= A\n:jbake-type: nix\n:jbake-status: published\n\nText.\n");
        site.write("content/de/b.adoc", "= B\n:jbake-type: page\n:jbake-status: published\n\n====\nText.\n");
        assertThat(problems()).hasSize(2);
    }

    private List<String> problems() {
        BuildFailure failure = catchThrowableOfType(BuildFailure.class,
                () -> BuiltSites.build(site.root(), site.output()));
        assertThat(failure).as("the build must fail").isNotNull();
        assertThat(SiteFixture.fingerprint(site.output())).as("the last good site is untouched")
                .isEqualTo(lastGoodSite);
        assertThat(site.root().resolve("target/.site.staging")).as("no staging folder is left behind")
                .doesNotExist();
        return failure.problems().stream().map(p -> p.format(site.root())).toList();
    }
}
