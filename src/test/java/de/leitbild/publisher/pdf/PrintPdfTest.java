package de.leitbild.publisher.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every print PDF is what a print shop can print as it is: A5 trim (148 × 210 mm) with 3 mm bleed on every side,
 * TrimBox and BleedBox on every page, crop marks outside the bleed, a page count divisible by 4 with the blank
 * pages before the back cover, every font embedded, and a PDF/X-4 output intent with a CMYK profile.
 */
class PrintPdfTest {

    static final float MM = 72f / 25.4f;
    static final float TRIM_WIDTH = 148 * MM;
    static final float TRIM_HEIGHT = 210 * MM;
    static final float BLEED = 3 * MM;

    @TestFactory
    Stream<DynamicTest> everyPageHasTheA5TrimBoxAndThreeMillimetresOfBleed() {
        return each(document -> {
            for (PDPage page : document.getPages()) {
                assertThat(page.getCOSObject().containsKey(COSName.TRIM_BOX)).as("TrimBox set").isTrue();
                assertThat(page.getCOSObject().containsKey(COSName.BLEED_BOX)).as("BleedBox set").isTrue();
                assertThat(page.getCOSObject().containsKey(COSName.ART_BOX)).as("no ArtBox beside the TrimBox")
                        .isFalse();
                PDRectangle trim = page.getTrimBox();
                PDRectangle bleed = page.getBleedBox();
                PDRectangle media = page.getMediaBox();
                assertThat(trim.getWidth()).isCloseTo(TRIM_WIDTH, within(0.1f));
                assertThat(trim.getHeight()).isCloseTo(TRIM_HEIGHT, within(0.1f));
                assertThat(trim.getLowerLeftX() - bleed.getLowerLeftX()).isCloseTo(BLEED, within(0.1f));
                assertThat(trim.getLowerLeftY() - bleed.getLowerLeftY()).isCloseTo(BLEED, within(0.1f));
                assertThat(bleed.getUpperRightX() - trim.getUpperRightX()).isCloseTo(BLEED, within(0.1f));
                assertThat(bleed.getUpperRightY() - trim.getUpperRightY()).isCloseTo(BLEED, within(0.1f));
                assertThat(media.getLowerLeftX()).as("room for crop marks outside the bleed")
                        .isLessThan(bleed.getLowerLeftX() - 5 * MM);
                assertThat(media.getUpperRightY()).isGreaterThan(bleed.getUpperRightY() + 5 * MM);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyPageHasCropMarksOnTheTrimLinesOutsideTheBleed() {
        return each(document -> {
            for (PDPage page : document.getPages()) {
                PDRectangle trim = page.getTrimBox();
                PDRectangle bleed = page.getBleedBox();
                List<float[]> marks = StrokedLines.of(page).stream().filter(l -> outside(l, bleed)).toList();
                assertThat(marks).as("crop marks outside the bleed").hasSize(8);
                for (float[] mark : marks) {
                    boolean vertical = Math.abs(mark[0] - mark[2]) < 0.01f;
                    float at = vertical ? mark[0] : mark[1];
                    assertThat(vertical ? List.of(trim.getLowerLeftX(), trim.getUpperRightX())
                            : List.of(trim.getLowerLeftY(), trim.getUpperRightY()))
                            .as("a mark continues a trim line").anySatisfy(edge -> assertThat(at)
                                    .isCloseTo(edge, within(0.01f)));
                }
            }
        });
    }

    private static boolean outside(float[] line, PDRectangle box) {
        for (int i = 0; i < 4; i += 2) {
            if (line[i] > box.getLowerLeftX() && line[i] < box.getUpperRightX()
                    && line[i + 1] > box.getLowerLeftY() && line[i + 1] < box.getUpperRightY()) {
                return false;
            }
        }
        return true;
    }

    @TestFactory
    Stream<DynamicTest> thePageCountIsAMultipleOfFourWithBlankPagesBeforeTheBackCover() {
        return BuiltPdfs.print().stream().map(pdf -> DynamicTest.dynamicTest(BuiltPdfs.name(pdf), () -> {
            Path accessible = pdf.resolveSibling(pdf.getFileName().toString().replace("-print.pdf", ".pdf"));
            int contentPages;
            try (PDDocument document = Loader.loadPDF(accessible.toFile())) {
                contentPages = document.getNumberOfPages();
            }
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                int pages = document.getNumberOfPages();
                assertThat(pages % 4).as("pages for saddle stitching").isZero();
                assertThat(pages).as("the accessible PDF's pages, blank pages, the back cover")
                        .isBetween(contentPages + 1, contentPages + 4);
                PDFTextStripper text = new PDFTextStripper();
                for (int blank = contentPages + 1; blank < pages; blank++) {
                    text.setStartPage(blank);
                    text.setEndPage(blank);
                    assertThat(text.getText(document)).as("page " + blank + " is blank").isBlank();
                }
                text.setStartPage(pages);
                text.setEndPage(pages);
                assertThat(text.getText(document)).as("the back cover names the publisher").isNotBlank();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFontIsEmbedded() {
        return each(document -> {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> thePdfIsPdfX4WithACmykOutputIntent() {
        return each(document -> {
            assertThat(document.getDocumentInformation().getCOSObject().getString(COSName.getPDFName(
                    "GTS_PDFXVersion"))).isEqualTo("PDF/X-4");
            assertThat(document.getDocumentInformation().getTrapped()).isIn("True", "False");
            assertThat(document.getVersion()).isGreaterThanOrEqualTo(1.6f);
            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            PDOutputIntent intent = intents.get(0);
            assertThat(intent.getCOSObject().getCOSName(COSName.S)).isEqualTo(COSName.getPDFName("GTS_PDFX"));
            assertThat(intent.getOutputConditionIdentifier()).isEqualTo("FOGRA39");
            COSStream profile = intent.getDestOutputIntent();
            assertThat(profile).as("DestOutputProfile").isNotNull();
            assertThat(profile.getInt(COSName.N)).as("colour components of the profile (CMYK)").isEqualTo(4);
            byte[] header;
            try (var in = profile.createInputStream()) {
                header = in.readNBytes(20);
            }
            assertThat(new String(header, 16, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("CMYK");
            assertThat(new String(header, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("prtr");
        });
    }

    private interface Check {
        void on(PDDocument document) throws Exception;
    }

    private static Stream<DynamicTest> each(Check check) {
        assertThat(BuiltPdfs.print()).isNotEmpty();
        return BuiltPdfs.print().stream().map(pdf -> DynamicTest.dynamicTest(BuiltPdfs.name(pdf), () -> {
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                check.on(document);
            }
        }));
    }
}
