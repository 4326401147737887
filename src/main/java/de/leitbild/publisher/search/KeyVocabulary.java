package de.leitbild.publisher.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** A form of a word (the word, or a part of it joined by a hyphen): its index terms and its keys. */
    private record Form(List<String> terms, boolean stop, Set<String> variants) {
    }

    /** A word as the client splits text, and its forms. */
    private record Word(String raw, List<Form> forms) {
    }

    /**
     * Adds every word of each text (the whitespace-separated words of a site, each once: splitting a text at
     * whitespace first changes none of its words). The words are analysed on all cores, then added in turn:
     * the result does not depend on the order (a key is a stop key only if no word makes it a key).
     */
    void addTexts(java.util.Collection<String> texts, Set<String> indexTerms) {
        addTexts(texts, indexTerms, new Spellings());
    }

    /**
     * Adds every word of each text as {@link #addTexts(java.util.Collection, Set)} does, taking the spellings of a
     * text from {@code spellings} if an earlier build of the process found them (they do not depend on the
     * analysis, only on the language), and keeping this build's there for the next.
     */
    void addTexts(java.util.Collection<String> texts, Set<String> indexTerms, Spellings spellings) {
        Map<String, List<Spelling>> known = spellings.of(locale, analyzerName);
        Map<String, List<Spelling>> found = new java.util.concurrent.ConcurrentHashMap<>(texts.size() * 2);
        List<List<Word>> prepared = new ArrayList<>(texts).parallelStream().map(text -> {
            List<Spelling> spelt = known.get(text);
            if (spelt == null) {
                spelt = spellings(text);
            }
            found.put(text, spelt);
            return words(spelt, indexTerms);
        }).toList();
        spellings.keep(locale, analyzerName, found);
        for (List<Word> words : prepared) {
            words.forEach(this::add);
        }
    }

    /** A word of a text as the client splits it, its forms and the keys of each form. */
    private record Spelling(String raw, String[] forms, List<Set<String>> variants) {
    }

    /**
     * The spellings of the texts of one language that the last build of the process found: they depend on the
     * language alone, so the build daemon and the preview work them out once per text.
     */
    static final class Spellings {
        private Locale locale;
        private String analyzerName;
        private Map<String, List<Spelling>> texts = Map.of();

        private synchronized Map<String, List<Spelling>> of(Locale wanted, String analyzer) {
            return wanted.equals(locale) && analyzer.equals(analyzerName) ? texts : Map.of();
        }

        private synchronized void keep(Locale language, String analyzer, Map<String, List<Spelling>> found) {
            locale = language;
            analyzerName = analyzer;
            texts = found;
        }
    }

    private List<Spelling> spellings(String text) {
        List<Spelling> spellings = new ArrayList<>();
        for (String raw : NOT_WORD.split(normalize(text, locale))) {
            String word = trimJoiners(raw);
            if (word.isEmpty()) {
                continue;
            }
            List<String> forms = new ArrayList<>();
            boolean joined = word.indexOf('-') >= 0 || word.indexOf('·') >= 0;
            forms.add(joined ? JOINERS.matcher(word).replaceAll("") : word);
            if (joined) {
                for (String part : JOINERS.split(word)) {
                    if (!part.isEmpty()) {
                        forms.add(part);
                    }
                }
            }
            List<Set<String>> variants = new ArrayList<>(forms.size());
            for (String form : forms) {
                variants.add(variants(form));
            }
            spellings.add(new Spelling(raw, forms.toArray(String[]::new), variants));
        }
        return spellings;
    }

    private List<Word> words(List<Spelling> spellings, Set<String> indexTerms) {
        List<Word> words = new ArrayList<>(spellings.size());
        for (Spelling spelling : spellings) {
            List<Form> analysed = new ArrayList<>(spelling.forms().length);
            for (int f = 0; f < spelling.forms().length; f++) {
                String form = spelling.forms()[f];
                List<String> terms = new ArrayList<>();
                for (String term : analysis.word(form).terms()) {
                    if (indexTerms.contains(term)) {
                        terms.add(term);
                    }
                }
                analysed.add(new Form(terms, terms.isEmpty() && stopWords.contains(form), spelling.variants().get(f)));
            }
            words.add(new Word(spelling.raw(), analysed));
        }
        return words;
    }

    private void add(Word word) {
        // Adding a word is idempotent, and most words of a large site recur thousands of times.
        if (!seen.add(word.raw())) {
            return;
        }
        for (Form form : word.forms()) {
            for (String key : form.variants()) {
                if (form.stop()) {
                    if (!keys.containsKey(key)) {
                        stopKeys.add(key);
                    }
                } else if (!form.terms().isEmpty()) {
                    keys.computeIfAbsent(key, k -> new TreeSet<>()).addAll(form.terms());
                    stopKeys.remove(key);
                }
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
        int start = 0;
        int end = word.length();
        while (start < end && isJoinerOrApostrophe(word.charAt(start))) {
            start++;
        }
        while (end > start && isJoinerOrApostrophe(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }

    private static boolean isJoinerOrApostrophe(char c) {
        return c == '\'' || c == '-' || c == '·';
    }
}
