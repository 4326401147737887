package de.leitbild.publisher.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * What a language's analyzer makes of a field: its terms with their frequencies and its length as BM25 counts it
 * (tokens minus those stacked on the position before, Lucene's discounted overlaps).
 *
 * <p>An analyzer that starts with a whitespace tokenizer and only filters and splits within a token (the German
 * one) analyses each whitespace-separated word on its own: the words of a site recur thousands of times, so each
 * distinct word is analysed once and remembered. Other analyzers (Unicode word breaking) see the whole field.
 */
final class TermAnalysis {

    /** The terms of one word or field, with how many tokens stand on a position of their own. */
    record Analysed(String[] terms, int positions) {
    }

    /** One field of a section: distinct terms in first-seen order, their frequencies, BM25's length. */
    record FieldTerms(String[] terms, int[] freqs, int tokens, int overlaps) {
        static final FieldTerms EMPTY = new FieldTerms(new String[0], new int[0], 0, 0);

        boolean isEmpty() {
            return terms.length == 0;
        }
    }

    private final Analyzer analyzer;
    private final boolean wordByWord;
    private final boolean caseBlind;
    private final Map<String, Analysed> remembered;
    private final Map<String, Analysed> words = new ConcurrentHashMap<>();

    TermAnalysis(Analyzer analyzer, boolean wordByWord) {
        this(analyzer, wordByWord, false, Map.of());
    }

    /** Takes the words in {@code remembered} as analysed already (by the same analyzer, see WordMemory). */
    TermAnalysis(Analyzer analyzer, boolean wordByWord, Map<String, Analysed> remembered) {
        this(analyzer, wordByWord, false, remembered);
    }

    /**
     * The same; {@code caseBlind} says that the analyzer lowercases each word before anything that depends on
     * case ({@link LanguageAnalyzers#lowercasesFirst}): a word then stands for its lowercase form too, which the
     * keys are made of (Integration and integration), and that form need not be analysed again.
     */
    TermAnalysis(Analyzer analyzer, boolean wordByWord, boolean caseBlind, Map<String, Analysed> remembered) {
        this.analyzer = analyzer;
        this.wordByWord = wordByWord;
        this.caseBlind = caseBlind;
        this.remembered = remembered;
    }

    /** The words looked up so far and what the analyzer made of them. */
    Map<String, Analysed> words() {
        return words;
    }

    /** The terms the analyzer makes of one word (no whitespace in it), remembered. */
    Analysed word(String word) {
        Analysed known = words.get(word);
        if (known == null) {
            known = remembered.get(word);
            if (known == null) {
                known = analyse(word);
            }
            Analysed raced = words.putIfAbsent(word, known);
            if (raced != null) {
                known = raced;
            } else if (caseBlind) {
                String lowercase = lowercase(word);
                if (lowercase != null) {
                    words.putIfAbsent(lowercase, known);
                }
            }
        }
        return known;
    }

    /**
     * {@code word} in lowercase as Lucene's lowercase filter makes it (character by character), if that differs
     * from it and is also what the page language's lowercasing gives (which the keys use); else null.
     */
    private static String lowercase(String word) {
        int i = 0;
        while (i < word.length() && Character.toLowerCase(word.charAt(i)) == word.charAt(i)) {
            i++;
        }
        if (i == word.length()) {
            return null;
        }
        char[] chars = word.toCharArray();
        for (int c = 0; c < chars.length; ) {
            int codePoint = Character.codePointAt(chars, c);
            int lower = Character.toLowerCase(codePoint);
            if (Character.charCount(lower) != Character.charCount(codePoint)) {
                return null;
            }
            Character.toChars(lower, chars, c);
            c += Character.charCount(codePoint);
        }
        String lowercase = new String(chars);
        return lowercase.equals(word.toLowerCase(java.util.Locale.ROOT)) ? lowercase : null;
    }

    /** The terms of a field's text; safe to call from several threads. */
    FieldTerms field(String text) {
        if (text.isEmpty()) {
            return FieldTerms.EMPTY;
        }
        Map<String, int[]> counts = new HashMap<>();
        List<String> order = new ArrayList<>();
        int tokens = 0;
        int positions = 0;
        if (wordByWord) {
            // Character by character: no supplementary character is whitespace.
            int length = text.length();
            int start = -1;
            for (int i = 0; i <= length; i++) {
                boolean space = i == length || Character.isWhitespace(text.charAt(i));
                if (space && start >= 0) {
                    Analysed analysed = word(text.substring(start, i));
                    for (String term : analysed.terms()) {
                        count(counts, order, term);
                    }
                    tokens += analysed.terms().length;
                    positions += analysed.positions();
                    start = -1;
                } else if (!space && start < 0) {
                    start = i;
                }
            }
        } else {
            Analysed analysed = analyse(text);
            for (String term : analysed.terms()) {
                count(counts, order, term);
            }
            tokens = analysed.terms().length;
            positions = analysed.positions();
        }
        String[] terms = order.toArray(String[]::new);
        int[] freqs = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            freqs[i] = counts.get(terms[i])[0];
        }
        return new FieldTerms(terms, freqs, tokens, tokens - positions);
    }

    private static void count(Map<String, int[]> counts, List<String> order, String term) {
        int[] count = counts.get(term);
        if (count == null) {
            counts.put(term, new int[] {1});
            order.add(term);
        } else {
            count[0]++;
        }
    }

    private Analysed analyse(String text) {
        List<String> terms = new ArrayList<>();
        int positions = 0;
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                // The index keeps a term as UTF-8: a lone surrogate becomes U+FFFD there, and so here.
                terms.add(new BytesRef(term).utf8ToString());
                if (increment.getPositionIncrement() != 0) {
                    positions++;
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Analysed(terms.toArray(String[]::new), positions);
    }
}
