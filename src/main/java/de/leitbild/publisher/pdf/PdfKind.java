package de.leitbild.publisher.pdf;

/** The two PDFs of a brochure edition: the accessible one for download and the print-ready one for the print shop. */
public enum PdfKind {
    /** Tagged PDF/UA-1 (and PDF/A-2a) for reading on screen and with assistive technology. */
    ACCESSIBLE(".pdf"),
    /** PDF/X-4 with A5 trim, 3 mm bleed, optional crop marks and a page count divisible by 4. */
    PRINT("-print.pdf");

    private final String suffix;

    PdfKind(String suffix) {
        this.suffix = suffix;
    }

    /** The end of the file name: print PDFs end in {@code -print.pdf}, and only they do. */
    public String suffix() {
        return suffix;
    }
}
