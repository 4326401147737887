package de.leitbild.publisher.content;

import java.util.List;

import de.leitbild.publisher.config.Language;

/** A printed brochure made of several source documents, in print order; translations follow its structure. */
public record Brochure(String id, Language language, String title, Imprint imprint, List<CatalogDocument> parts) {

    public List<String> partPaths() {
        return parts.stream().map(CatalogDocument::path).toList();
    }
}
