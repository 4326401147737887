package de.leitbild.publisher.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.problem.BuildFailure;

/** {@code pdf.print.crop-marks=false} gives print PDFs without marks: the page ends at the bleed. */
class CropMarksSettingTest {

    @Test
    void withoutCropMarksThePageEndsAtTheBleed(@TempDir Path folder) throws BuildFailure, IOException {
        SiteFixture site = SiteFixture.create(folder);
        Path config = site.root().resolve("jbake.properties");
        Files.writeString(config, Files.readString(config).replace("pdf.print.crop-marks=true",
                "pdf.print.crop-marks=false"));
        site.write("content/de/heft.adoc", """
                = Das Heft
                :jbake-type: page
                :jbake-status: published
                :brochure: heft
                :brochure-order: 1
                :brochure-title: Das Heft

                Ein Heft ohne Schnittmarken.
                """);
        BuiltSites.build(site.root(), site.output());
        try (PDDocument document = Loader.loadPDF(site.output().resolve("de/pdf/heft-print.pdf").toFile())) {
            assertThat(document.getNumberOfPages() % 4).isZero();
            for (PDPage page : document.getPages()) {
                assertThat(page.getMediaBox().getLowerLeftX())
                        .isCloseTo(page.getBleedBox().getLowerLeftX(), within(0.01f));
                assertThat(page.getMediaBox().getUpperRightY())
                        .isCloseTo(page.getBleedBox().getUpperRightY(), within(0.01f));
                assertThat(page.getTrimBox().getWidth()).isCloseTo(PrintPdfTest.TRIM_WIDTH, within(0.1f));
            }
        }
    }
}
