package de.leitbild.publisher.content;

import java.util.List;

import de.leitbild.publisher.config.Language;

/** A printed brochure made of several documents, in one language, in print order. */
public record Brochure(String id, Language language, String title, Imprint imprint, List<CatalogDocument> parts) {

    public boolean isLastPart(CatalogDocument document) {
        return !parts.isEmpty() && parts.get(parts.size() - 1).equals(document);
    }

    public int numberOf(CatalogDocument document) {
        return parts.indexOf(document) + 1;
    }
}
