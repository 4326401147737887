package de.leitbild.publisher.content;

import java.util.List;
import java.util.Optional;

import de.leitbild.publisher.config.Language;

/** Everything the content folder holds, validated: documents, brochures and static files. */
public record Catalog(List<CatalogDocument> documents, List<Brochure> brochures, List<StaticFile> staticFiles) {

    public List<CatalogDocument> published(Language language) {
        return documents.stream().filter(d -> d.published() && d.language().equals(language)).toList();
    }

    public Optional<Brochure> brochureOf(CatalogDocument document) {
        return brochures.stream().filter(b -> b.parts().contains(document)).findFirst();
    }
}
