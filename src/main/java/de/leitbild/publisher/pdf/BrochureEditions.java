package de.leitbild.publisher.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.TranslationSet;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/**
 * Decides which brochures exist in which language: the German brochure always, another language only when every
 * part has a current translation there. Checks that the parts are numbered without gaps and that translations
 * carry their source's brochure lines.
 */
final class BrochureEditions {

    private BrochureEditions() {
    }

    static List<BrochureEdition> find(SiteSettings settings, Catalog catalog, ProblemCollector problems) {
        List<BrochureEdition> editions = new ArrayList<>();
        for (Brochure brochure : catalog.brochures()) {
            if (!partsAreNumberedWithoutGaps(brochure, problems)) {
                continue;
            }
            for (Language language : settings.languages()) {
                if (language.equals(brochure.language())) {
                    editions.add(new BrochureEdition(brochure, language, brochure.title(), brochure.parts()));
                } else {
                    translated(settings, catalog, brochure, language, problems).ifPresent(editions::add);
                }
            }
        }
        checkTranslationsOutsideBrochures(settings, catalog, problems);
        return List.copyOf(editions);
    }

    private static boolean partsAreNumberedWithoutGaps(Brochure brochure, ProblemCollector problems) {
        List<CatalogDocument> parts = brochure.parts();
        for (int i = 0; i < parts.size(); i++) {
            CatalogDocument part = parts.get(i);
            int order = order(part);
            if (order != i + 1) {
                problems.add(new Problem(part.source(), part.lineOf("brochure-order"), "brochure '" + brochure.id()
                        + "' has no part " + (i + 1) + ": this document is part " + order + ", but no document "
                        + "declares ':brochure: " + brochure.id() + "' with ':brochure-order: " + (i + 1) + "'; "
                        + "number the parts 1, 2, 3 … without gaps, or add the missing document"));
                return false;
            }
        }
        return true;
    }

    private static Optional<BrochureEdition> translated(SiteSettings settings, Catalog catalog, Brochure brochure,
            Language language, ProblemCollector problems) {
        List<CatalogDocument> parts = new ArrayList<>();
        for (CatalogDocument source : brochure.parts()) {
            TranslationSet set = catalog.translationSets().stream().filter(s -> s.path().equals(source.path()))
                    .findFirst().orElseThrow();
            if (set.pageIn(language).state() != TranslationState.CURRENT) {
                return Optional.empty();
            }
            parts.add(set.translation(language).orElseThrow());
        }
        boolean consistent = true;
        for (int i = 0; i < parts.size(); i++) {
            consistent &= carriesBrochureLines(settings, parts.get(i), brochure.parts().get(i), problems);
        }
        CatalogDocument first = parts.get(0);
        Optional<String> title = first.attribute("brochure-title");
        if (title.isEmpty()) {
            problems.add(new Problem(first.source(), first.lineOf("brochure"), "this translation is part 1 of "
                    + "brochure '" + brochure.id() + "': add ':brochure-title:' with the brochure's title in "
                    + language.autonym() + " (the source has ':brochure-title: " + brochure.title() + "')"));
            return Optional.empty();
        }
        return consistent ? Optional.of(new BrochureEdition(brochure, language, title.get(), List.copyOf(parts)))
                : Optional.empty();
    }

    /** A translation has the brochure lines of its source, so that every language prints the same parts. */
    private static boolean carriesBrochureLines(SiteSettings settings, CatalogDocument translation,
            CatalogDocument source, ProblemCollector problems) {
        String id = source.attribute("brochure").orElse("");
        String order = source.attribute("brochure-order").orElse("");
        if (id.equals(translation.attribute("brochure").orElse(""))
                && order.equals(translation.attribute("brochure-order").orElse(""))) {
            return true;
        }
        String where = translation.attributes().containsKey("brochure") ? "brochure" : "title";
        problems.add(new Problem(translation.source(), translation.lineOf(where), "its source "
                + sourceName(settings, source.source()) + " is part " + order + " of brochure '" + id
                + "': copy the lines ':brochure: " + id + "' and ':brochure-order: " + order
                + "' from the source into this header"));
        return false;
    }

    /** A translation may not put its document into a brochure its source is not part of. */
    private static void checkTranslationsOutsideBrochures(SiteSettings settings, Catalog catalog,
            ProblemCollector problems) {
        for (TranslationSet set : catalog.translationSets()) {
            if (set.source().attribute("brochure").isPresent()) {
                continue;
            }
            for (CatalogDocument translation : set.translations().values()) {
                translation.attribute("brochure").ifPresent(id -> problems.add(new Problem(translation.source(),
                        translation.lineOf("brochure"), "brochure '" + id + "' does not contain "
                        + sourceName(settings, set.source().source()) + " (its source declares no :brochure:): "
                        + "declare the brochure in the German source first, or remove the line here")));
            }
        }
    }

    private static int order(CatalogDocument document) {
        return document.attribute("brochure-order").filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt)
                .orElse(0);
    }

    private static String sourceName(SiteSettings settings, Path source) {
        return settings.root().relativize(source).toString().replace('\\', '/');
    }
}
