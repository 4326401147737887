package de.leitbild.publisher.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a brochure PDF as a reader meets it, told apart by type size: the running text (9 pt and larger,
 * headings included) and the footnotes (7.5 pt); page numbers (8 pt) and footnote markers (superscript) belong to
 * neither, so a sentence that runs over a page break or past a footnote marker reads as one.
 */
record PdfText(String running, String footnotes) {

    static PdfText of(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PdfText(normalize(new SizeFilter(8.9f, 100f).getText(document)),
                    normalize(new SizeFilter(7.0f, 7.9f).getText(document)));
        }
    }

    /** The same normalisation for PDF and page text: compatibility forms (Arabic presentation forms), one space. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = s.replace("\u00AD", "").replaceAll("[\u200B-\u200F\u2066-\u2069\uFEFF]", "");
        s = s.replace("…", "...").replace('’', '\'').replace('\u00A0', ' ');
        s = s.replaceAll("\\s+", " ");
        // A line may end after a slash or a hyphen; the extracted line break is not a space of the text.
        return s.replaceAll("/ ", "/").replaceAll("(\\p{L})- (\\p{L})", "$1-$2").strip();
    }

    private static final class SizeFilter extends PDFTextStripper {
        private final float min;
        private final float max;

        SizeFilter(float min, float max) {
            this.min = min;
            this.max = max;
            setSortByPosition(false);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            float size = text.getFontSizeInPt();
            if (size >= min && size <= max) {
                super.processTextPosition(text);
            }
        }
    }
}
