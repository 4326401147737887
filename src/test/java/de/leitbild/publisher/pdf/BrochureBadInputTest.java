package de.leitbild.publisher.pdf;

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
import de.leitbild.publisher.content.SourceVersion;
import de.leitbild.publisher.problem.BuildFailure;

/**
 * A brochure the PDFs cannot be made of stops the build with the file, the line and what to do: a missing part,
 * a translation that leaves its brochure, a character no embedded font has, an image that does not exist. The
 * site the last good build published stays as it was.
 */
class BrochureBadInputTest {

    private static final String FIRST_PART = """
            = Das Heft
            :jbake-type: page
            :jbake-status: published
            :brochure: heft
            :brochure-order: 1
            :brochure-title: Das Heft

            Der erste Teil des Hefts.
            """;

    @TempDir
    Path folder;

    private SiteFixture site;
    private Map<String, String> lastGoodSite;

    @BeforeEach
    void publishAGoodBrochureFirst() throws BuildFailure {
        site = SiteFixture.create(folder);
        site.write("content/de/heft/eins.adoc", FIRST_PART);
        BuiltSites.build(site.root(), site.output());
        lastGoodSite = SiteFixture.fingerprint(site.output());
        assertThat(lastGoodSite).containsKeys("de/pdf/heft.pdf", "de/pdf/heft-print.pdf");
    }

    @Test
    void aBrochureWhosePartsSkipANumberNamesTheMissingPart() {
        site.write("content/de/heft/drei.adoc", """
                = Drei
                :jbake-type: page
                :jbake-status: published
                :brochure: heft
                :brochure-order: 3

                Der dritte Teil.
                """);
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/heft/drei.adoc:5: brochure 'heft' has no part 2")
                .contains("add the missing document"));
    }

    @Test
    void aTranslationThatLeavesOutItsBrochureLinesIsTold() {
        site.write("content/en/heft/eins.adoc", """
                = The Booklet
                :jbake-type: page
                :jbake-status: published
                :translation-of: %s

                The first part of the booklet.
                """.formatted(SourceVersion.of(FIRST_PART)));
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith("content/en/heft/eins.adoc:1: ")
                .contains("is part 1 of brochure 'heft'")
                .contains("copy the lines ':brochure: heft' and ':brochure-order: 1'"));
    }

    @Test
    void aCharacterNoEmbeddedFontHasNamesTheCharacterAndTheLine() {
        site.write("content/de/heft/eins.adoc", FIRST_PART + "\nDas Zeichen 漢 kann keine Schrift des PDFs zeigen.\n");
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/heft/eins.adoc:10: the character '漢' (U+6F22")
                .contains("cannot be shown by any font of the PDFs")
                .contains("add a font that has it to pdf.fonts in jbake.properties"));
    }

    @Test
    void aMissingImageNamesTheImageAndWhereItWasLookedFor() {
        site.write("content/de/heft/eins.adoc", FIRST_PART + "\nimage::foto-vom-amt.png[Das Amt von außen]\n");
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("content/de/heft/eins.adoc:10: the image 'foto-vom-amt.png' does not exist")
                .contains("add the file there, or correct the path"));
    }

    private List<String> problems() {
        BuildFailure failure = catchThrowableOfType(BuildFailure.class,
                () -> BuiltSites.build(site.root(), site.output()));
        assertThat(failure).as("the build must fail").isNotNull();
        assertThat(SiteFixture.fingerprint(site.output())).as("the last good site is untouched")
                .isEqualTo(lastGoodSite);
        return failure.problems().stream().map(p -> p.format(site.root())).toList();
    }
}
