package de.leitbild.publisher.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.TranslationSet;
import de.leitbild.publisher.content.TranslationState;

/** The translation coverage matrix: one row per source document, one column per language. */
public final class TranslationReport {

    private static final Map<TranslationState, String> MARKS = new EnumMap<>(Map.of(
            TranslationState.ORIGINAL, "source",
            TranslationState.CURRENT, "ok",
            TranslationState.OUTDATED, "outdated",
            TranslationState.MISSING, "-"));

    private final SiteSettings settings;
    private final Catalog catalog;

    public TranslationReport(SiteSettings settings, Catalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    /** The matrix as plain text: rows of documents, columns of languages, then a summary per language. */
    public String format() {
        List<TranslationSet> sets = catalog.translationSets().stream().filter(s -> s.source().published()).toList();
        int first = Math.max("document".length(), sets.stream().mapToInt(s -> s.path().length()).max().orElse(0));
        List<Integer> widths = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        out.append(pad("document", first));
        for (Language language : settings.languages()) {
            int width = Math.max(language.id().length(), "outdated".length());
            widths.add(width);
            out.append("  ").append(pad(language.id(), width));
        }
        out.append('\n');
        for (TranslationSet set : sets) {
            out.append(pad(set.path(), first));
            for (int i = 0; i < settings.languages().size(); i++) {
                TranslationState state = set.pageIn(settings.languages().get(i)).state();
                out.append("  ").append(pad(MARKS.get(state), widths.get(i)));
            }
            out.append('\n');
        }
        String matrix = out.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
        out.setLength(0);
        out.append(matrix).append('\n');
        for (Language language : settings.languages()) {
            if (language.equals(settings.sourceLanguage())) {
                continue;
            }
            long current = sets.stream().filter(s -> s.pageIn(language).state() == TranslationState.CURRENT).count();
            long outdated = sets.stream().filter(s -> s.pageIn(language).state() == TranslationState.OUTDATED)
                    .count();
            out.append(String.format("%-16s %d of %d translated (%d current, %d outdated), %d missing%n",
                    language.id() + ":", current + outdated, sets.size(), current, outdated,
                    sets.size() - current - outdated));
        }
        out.append("ok = translation of the current source, outdated = the source changed since, "
                + "- = missing (the page shows the German text with a notice)\n");
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
