package de.leitbild.publisher.content;

import java.util.List;
import java.util.Optional;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.problem.Problem;

/**
 * Everything the content folder holds, validated: documents, their translation sets, brochures, static files,
 * and warnings that do not stop the build (outdated translations).
 */
public record Catalog(List<CatalogDocument> documents, List<TranslationSet> translationSets,
        List<Brochure> brochures, List<StaticFile> staticFiles, List<Problem> warnings) {

    /** Every published document as a reader of {@code language} gets it, in path order. */
    public List<SitePage> pages(Language language) {
        return translationSets.stream().filter(s -> s.source().published()).map(s -> s.pageIn(language)).toList();
    }

    public Optional<SitePage> page(Language language, String path) {
        return translationSets.stream().filter(s -> s.path().equals(path) && s.source().published())
                .map(s -> s.pageIn(language)).findFirst();
    }

    /** The brochure a document (by its path) belongs to. */
    public Optional<Brochure> brochureOf(String path) {
        return brochures.stream().filter(b -> b.parts().stream().anyMatch(p -> p.path().equals(path))).findFirst();
    }
}
