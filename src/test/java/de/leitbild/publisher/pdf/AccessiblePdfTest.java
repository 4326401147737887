package de.leitbild.publisher.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every accessible PDF passes veraPDF's PDF/UA-1 profile with no failed rule, and shows what a screen-reader
 * user needs: its language, its title in the window, bookmarks, tagged structure, embedded fonts.
 */
class AccessiblePdfTest {

    @BeforeAll
    static void startVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void everyBrochureHasAnAccessiblePdfInEveryLanguageWithAllPartsTranslated() {
        List<String> names = BuiltPdfs.accessible().stream().map(BuiltPdfs::name).toList();
        assertThat(names).contains(
                "de/pdf/leitbild-brandenburg.pdf", "leichte-sprache/pdf/leitbild-brandenburg.pdf",
                "ar/pdf/leitbild-brandenburg.pdf", "fa/pdf/leitbild-brandenburg.pdf",
                "uk/pdf/leitbild-brandenburg.pdf", "ru/pdf/leitbild-brandenburg.pdf",
                "de/pdf/handlungsplan-dresden.pdf", "en/pdf/handlungsplan-dresden.pdf",
                "de/pdf/niko-integrationskonzept.pdf", "de/pdf/vergleich-rheinland-pfalz.pdf",
                "ar/pdf/vergleich-rheinland-pfalz.pdf");
        assertThat(names).as("no part of the Dresden plan is translated into Arabic")
                .doesNotContain("ar/pdf/handlungsplan-dresden.pdf");
        assertThat(BuiltPdfs.print()).hasSameSizeAs(BuiltPdfs.accessible());
    }

    @TestFactory
    Stream<DynamicTest> everyAccessiblePdfPassesPdfUa1WithNoFailedRule() {
        return BuiltPdfs.accessible().stream().map(pdf -> DynamicTest.dynamicTest(BuiltPdfs.name(pdf),
                () -> assertThat(failedRules(pdf, PDFAFlavour.PDFUA_1)).as("veraPDF PDF/UA-1 failures").isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyAccessiblePdfNamesItsLanguageShowsItsTitleAndHasBookmarks() {
        return BuiltPdfs.accessible().stream().map(pdf -> DynamicTest.dynamicTest(BuiltPdfs.name(pdf), () -> {
            String languageFolder = BuiltPdfs.name(pdf).substring(0, BuiltPdfs.name(pdf).indexOf('/'));
            String expected = languageFolder.equals("leichte-sprache") ? "de" : languageFolder;
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo(expected);
                assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
                assertThat(document.getDocumentInformation().getTitle()).isNotBlank();
                assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
                assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
                assertThat(document.getDocumentCatalog().getDocumentOutline().children()).isNotEmpty();
                for (PDPage page : document.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    }
                }
            }
        }));
    }

    static List<String> failedRules(Path pdf, PDFAFlavour flavour) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
                            + a.getMessage())
                    .distinct().toList();
        }
    }
}
