package de.leitbild.publisher.search;

import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;

/** The Lucene analyzer for each analyzer name a language can configure, and its stop words. */
final class LanguageAnalyzers {

    private LanguageAnalyzers() {
    }

    static Analyzer create(String name, Set<String> compoundParts) {
        return switch (name) {
            case "german" -> new GermanSearchAnalyzer(compoundParts);
            case "english" -> new EnglishAnalyzer();
            case "ukrainian" -> new UkrainianMorfologikAnalyzer();
            case "arabic" -> new ArabicAnalyzer();
            case "turkish" -> new TurkishAnalyzer();
            case "russian" -> new RussianAnalyzer();
            case "persian" -> new PersianAnalyzer();
            default -> throw new IllegalArgumentException("unknown analyzer " + name);
        };
    }

    static CharArraySet stopWords(String name) {
        return switch (name) {
            case "german" -> GermanSearchAnalyzer.stopWords();
            case "english" -> EnglishAnalyzer.getDefaultStopSet();
            case "ukrainian" -> UkrainianMorfologikAnalyzer.getDefaultStopwords();
            case "arabic" -> ArabicAnalyzer.getDefaultStopSet();
            case "turkish" -> TurkishAnalyzer.getDefaultStopSet();
            case "russian" -> RussianAnalyzer.getDefaultStopSet();
            case "persian" -> PersianAnalyzer.getDefaultStopSet();
            default -> throw new IllegalArgumentException("unknown analyzer " + name);
        };
    }

    /**
     * Whether the analyzer cuts text at whitespace and then works within each word alone (so each distinct word
     * can be analysed once): true of the German chain; the others break words by Unicode rules over the text.
     */
    static boolean analysesWordByWord(String name) {
        return "german".equals(name);
    }

    /**
     * Whether the analyzer lowercases each word before any step that depends on case, so that a word and its
     * lowercase form give the same terms: true of the German chain (whitespace, word parts without splitting at
     * case changes, then lowercase); {@code TermAnalysisTest} checks it on the words of the site.
     */
    static boolean lowercasesFirst(String name) {
        return "german".equals(name);
    }

    /** Whether compound splitting needs a dictionary of the language's own words. */
    static boolean splitsCompounds(String name) {
        return "german".equals(name);
    }
}
