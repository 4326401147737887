package de.leitbild.publisher.content;

import de.leitbild.publisher.config.Language;

/** The page of one document in one reading language, and the document it shows there. */
public record SitePage(Language language, String path, CatalogDocument shown, TranslationState state) {

    /** The site-relative output path, e.g. {@code en/brandenburg/leitbild.html}. */
    public String outputPath() {
        return language.id() + "/" + path + ".html";
    }

    /** True when the page shows text in another language than the page's own (a missing translation). */
    public boolean showsForeignText() {
        return state == TranslationState.MISSING;
    }
}
