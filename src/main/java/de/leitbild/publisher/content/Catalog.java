package de.leitbild.publisher.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.problem.Problem;

/**
 * Everything the content folder holds, validated: documents, their translation sets, brochures, static files,
 * and warnings that do not stop the build (outdated translations). Lookups by path take constant time, so that
 * stages asking about every page stay linear in the number of pages.
 */
public final class Catalog {

    private final List<CatalogDocument> documents;
    private final List<TranslationSet> translationSets;
    private final List<Brochure> brochures;
    private final List<StaticFile> staticFiles;
    private final List<Problem> warnings;
    private final Map<String, TranslationSet> setsByPath = new HashMap<>();
    private final Map<String, Brochure> brochuresByPartPath = new HashMap<>();

    public Catalog(List<CatalogDocument> documents, List<TranslationSet> translationSets, List<Brochure> brochures,
            List<StaticFile> staticFiles, List<Problem> warnings) {
        this.documents = List.copyOf(documents);
        this.translationSets = List.copyOf(translationSets);
        this.brochures = List.copyOf(brochures);
        this.staticFiles = List.copyOf(staticFiles);
        this.warnings = List.copyOf(warnings);
        translationSets.forEach(s -> setsByPath.putIfAbsent(s.path(), s));
        for (Brochure brochure : brochures) {
            brochure.parts().forEach(p -> brochuresByPartPath.putIfAbsent(p.path(), brochure));
        }
    }

    public List<CatalogDocument> documents() {
        return documents;
    }

    public List<TranslationSet> translationSets() {
        return translationSets;
    }

    public List<Brochure> brochures() {
        return brochures;
    }

    public List<StaticFile> staticFiles() {
        return staticFiles;
    }

    public List<Problem> warnings() {
        return warnings;
    }

    /** Every published document as a reader of {@code language} gets it, in path order. */
    public List<SitePage> pages(Language language) {
        return translationSets.stream().filter(s -> s.source().published()).map(s -> s.pageIn(language)).toList();
    }

    public Optional<SitePage> page(Language language, String path) {
        return translationSet(path).filter(s -> s.source().published()).map(s -> s.pageIn(language));
    }

    /** The translation set of the documents at {@code path} (inside their language folders). */
    public Optional<TranslationSet> translationSet(String path) {
        return Optional.ofNullable(setsByPath.get(path));
    }

    /** The brochure a document (by its path) belongs to. */
    public Optional<Brochure> brochureOf(String path) {
        return Optional.ofNullable(brochuresByPartPath.get(path));
    }
}
