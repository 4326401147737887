package de.leitbild.publisher.content;

import java.util.Map;
import java.util.Optional;

import de.leitbild.publisher.config.Language;

/** A source document and its translations, which share its path inside their language folders. */
public record TranslationSet(String path, CatalogDocument source, Map<String, CatalogDocument> translations) {

    public Optional<CatalogDocument> translation(Language language) {
        return Optional.ofNullable(translations.get(language.id())).filter(CatalogDocument::published);
    }

    /** What a reader of {@code language} gets for this document. */
    public SitePage pageIn(Language language) {
        if (language.equals(source.language())) {
            return new SitePage(language, path, source, TranslationState.ORIGINAL);
        }
        return translation(language)
                .map(t -> new SitePage(language, path, t, source.version().equals(t.attribute("translation-of")
                        .orElse("")) ? TranslationState.CURRENT : TranslationState.OUTDATED))
                .orElseGet(() -> new SitePage(language, path, source, TranslationState.MISSING));
    }
}
