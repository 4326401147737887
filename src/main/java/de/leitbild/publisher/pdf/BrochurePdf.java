package de.leitbild.publisher.pdf;

import de.leitbild.publisher.config.Language;

/**
 * One PDF the pdf stage wrote: which brochure, in which language, which kind, where in the site (e.g.
 * {@code de/pdf/leitbild-brandenburg.pdf}), its size in bytes and its number of pages.
 */
public record BrochurePdf(String brochureId, Language language, PdfKind kind, String path, long bytes, int pages) {
}
