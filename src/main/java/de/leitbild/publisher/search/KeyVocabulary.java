package de.leitbild.publisher.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The forms a reader may type (keys), each mapped to the index terms the language's analyzer makes of the word
 * it stands for. Spelling variants a reader without the right keyboard types (auslaender, auslander, gorevli)
 * map to the terms of the word they are a variant of, so the browser needs no analyzer of its own.
 */
final class KeyVocabulary {

    /** Splits text into words exactly as the search client does (see docs/search-index-format.md). */
    static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'\\-·]+");
    private static final Pattern JOINERS = Pattern.compile("[\\-·]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern GERMAN_LETTERS = Pattern.compile("[äöüß]");

    private final TermAnalysis analysis;
    private final CharArraySet stopWords;
    private final Locale locale;
    private final String analyzerName;
    private final SortedMap<String, SortedSet<String>> keys = new TreeMap<>();
    private final SortedSet<String> stopKeys = new TreeSet<>();
    private final Set<String> seen = new java.util.HashSet<>();

    KeyVocabulary(Analyzer analyzer, CharArraySet stopWords, Locale locale, String analyzerName) {
        this(new TermAnalysis(analyzer, false), stopWords, locale, analyzerName);
    }

    /** Looks words up in {@code analysis}, whose remembered words the index was made with. */
    KeyVocabulary(TermAnalysis analysis, CharArraySet stopWords, Locale locale, String analyzerName) {
        this.analysis = analysis;
        this.stopWords = stopWords;
        this.locale = locale;
        this.analyzerName = analyzerName;
    }

    /** The client's normalisation of typed text: NFC, lowercase in the page language, one kind of apostrophe. */
    static String normalize(String text, Locale locale) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(locale).replace('’', '\'')
                .replace('ʼ', '\'');
    }

    /**
     * Adds every word of each text (the whitespace-separated words of a site, each once: splitting a text at
     * whitespace first changes none of its words).
     */
    void addTexts(Iterable<String> texts, Set<String> indexTerms) {
        for (String text : texts) {
            addText(text, indexTerms);
        }
    }

    /** Adds every word of {@code text}; only terms in {@code indexTerms} are kept. */
    void addText(String text, Set<String> indexTerms) {
        for (String raw : NOT_WORD.split(normalize(text, locale))) {
            // Adding a word is idempotent, and most words of a large site recur thousands of times.
            if (!seen.add(raw)) {
                continue;
            }
            String word = trimJoiners(raw);
            if (word.isEmpty()) {
                continue;
            }
            List<String> forms = new ArrayList<>();
            forms.add(JOINERS.matcher(word).replaceAll(""));
            if (JOINERS.matcher(word).find()) {
                for (String part : JOINERS.split(word)) {
                    if (!part.isEmpty()) {
                        forms.add(part);
                    }
                }
            }
            for (String form : forms) {
                addWord(form, indexTerms);
            }
        }
    }

    private void addWord(String word, Set<String> indexTerms) {
        List<String> terms = new ArrayList<>();
        for (String term : analysis.word(word).terms()) {
            if (indexTerms.contains(term)) {
                terms.add(term);
            }
        }
        boolean stop = terms.isEmpty() && stopWords.contains(word);
        for (String key : variants(word)) {
            if (stop) {
                if (!keys.containsKey(key)) {
                    stopKeys.add(key);
                }
            } else if (!terms.isEmpty()) {
                keys.computeIfAbsent(key, k -> new TreeSet<>()).addAll(terms);
                stopKeys.remove(key);
            }
        }
    }

    /** The word and the spellings of it a reader may type without the right keyboard. */
    Set<String> variants(String word) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(word);
        // German names stand in every translation (Ausländerbehörde): their transcriptions are keys there too,
        // except in Turkish, whose ö and ü are letters of its own.
        if (!"turkish".equals(analyzerName) && GERMAN_LETTERS.matcher(word).find()) {
            variants.add(word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"));
            variants.add(word.replace("ä", "a").replace("ö", "o").replace("ü", "u").replace("ß", "ss"));
        }
        if ("turkish".equals(analyzerName) || "english".equals(analyzerName) || "german".equals(analyzerName)) {
            variants.add(MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("")
                    .replace('ı', 'i').replace("ß", "ss"));
        }
        if ("russian".equals(analyzerName)) {
            variants.add(word.replace('ё', 'е'));
        }
        if ("persian".equals(analyzerName)) {
            variants.add(word.replace('ی', 'ي').replace('ک', 'ك'));
        }
        if ("arabic".equals(analyzerName) || "persian".equals(analyzerName)) {
            variants.add(MARKS.matcher(word).replaceAll(""));
        }
        variants.removeIf(String::isEmpty);
        return variants;
    }

    SortedMap<String, SortedSet<String>> keys() {
        return keys;
    }

    SortedSet<String> stopKeys() {
        return stopKeys;
    }

    private static String trimJoiners(String word) {
        return word.replaceAll("^['\\-·]+|['\\-·]+$", "");
    }
}
