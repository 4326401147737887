package de.leitbild.publisher.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/** Links each translation to the source document with the same path, and finds outdated translations. */
final class TranslationLinker {

    private TranslationLinker() {
    }

    static List<TranslationSet> link(SiteSettings settings, List<CatalogDocument> documents,
            ProblemCollector problems, List<Problem> warnings, boolean lookUpHistory) {
        Map<String, CatalogDocument> sources = new TreeMap<>();
        for (CatalogDocument d : documents) {
            if (d.language().equals(settings.sourceLanguage())) {
                sources.put(d.path(), d);
            }
        }
        Map<String, Map<String, CatalogDocument>> translations = new TreeMap<>();
        SourceHistory history = lookUpHistory ? new SourceHistory(settings.root()) : null;
        for (CatalogDocument d : documents) {
            if (d.language().equals(settings.sourceLanguage())) {
                continue;
            }
            CatalogDocument source = sources.get(d.path());
            String sourceName = settings.root().relativize(settings.contentFolder()).resolve(
                    settings.sourceLanguage().id()).resolve(d.path() + ".adoc").toString().replace('\\', '/');
            if (source == null) {
                problems.add(new Problem(d.source(), 1, "this is a translation of " + sourceName
                        + ", which does not exist: a translation must have the same path as its German source; "
                        + "move it there or add the source first"));
                continue;
            }
            String recorded = d.attribute("translation-of").orElse("");
            if (recorded.isEmpty()) {
                problems.add(new Problem(d.source(), d.lineOf("title"), "a translation must record which version "
                        + "of its source it translates: add ':translation-of: " + source.version()
                        + "' to the header (the current version of " + sourceName + ")"));
                continue;
            }
            if (!recorded.matches("[0-9a-f]{12}")) {
                problems.add(new Problem(d.source(), d.lineOf("translation-of"), ":translation-of: '" + recorded
                        + "' is not a source version (12 hexadecimal digits); the current version of " + sourceName
                        + " is " + source.version()));
                continue;
            }
            if (!recorded.equals(source.version())) {
                warnings.add(new Problem(d.source(), d.lineOf("translation-of"), "translation of " + sourceName
                        + " is outdated since " + (history == null ? "an edit of the source"
                                : history.changeSince(source.source(), recorded, source.version()))
                        + ": update the translation, then set ':translation-of: " + source.version() + "'"));
            }
            translations.computeIfAbsent(d.path(), k -> new LinkedHashMap<>()).put(d.language().id(), d);
        }
        List<TranslationSet> sets = new ArrayList<>();
        for (CatalogDocument source : sources.values()) {
            sets.add(new TranslationSet(source.path(), source,
                    Map.copyOf(translations.getOrDefault(source.path(), Map.of()))));
        }
        return List.copyOf(sets);
    }
}
