package de.leitbild.publisher.pdf;

import java.util.List;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.CatalogDocument;

/**
 * A brochure in one language: the German brochure it follows, the title in that language and the parts in print
 * order (the German sources, or their current translations).
 */
record BrochureEdition(Brochure brochure, Language language, String title, List<CatalogDocument> parts) {

    String id() {
        return brochure.id();
    }

    /** The site-relative path of this edition's PDF of {@code kind}, e.g. {@code en/pdf/leitbild-brandenburg.pdf}. */
    String path(PdfKind kind) {
        return language.id() + "/pdf/" + brochure.id() + kind.suffix();
    }
}
