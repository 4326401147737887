package de.leitbild.publisher.pdf;

import java.text.NumberFormat;
import java.util.Locale;

import de.leitbild.publisher.config.Language;

/**
 * One PDF the pdf stage wrote: which brochure, in which language, which kind, where in the site (e.g.
 * {@code de/pdf/leitbild-brandenburg.pdf}), its size in bytes and its number of pages.
 */
public record BrochurePdf(String brochureId, Language language, PdfKind kind, String path, long bytes, int pages) {

    /** The file size as readers of {@code locale} write it: {@code 63 KB}, {@code 1,2 MB}. */
    public String size(Locale locale) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        if (bytes < 1024 * 1024) {
            number.setMaximumFractionDigits(0);
            return number.format(Math.max(1, Math.round(bytes / 1024.0))) + " KB";
        }
        return number.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
