package de.leitbild.publisher.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.CharArraySet;

/**
 * The words German compounds are split into (by Lucene's {@code DictionaryCompoundWordTokenFilter}): the nouns of
 * the language's own texts, and the <em>tails</em> of its compounds whose head is a known word, even when the
 * tail never stands alone in the texts (Willkommensmappe → mappe, Sprachcafé → café, Anforderungsprofil →
 * profil, Landesarbeitsgemeinschaft → arbeitsgemeinschaft). Known words are the words of the texts and a German
 * word list (all-words.txt of the jwordsplitter library, Apache License 2.0).
 *
 * <p>A tail is accepted when the compound splits into a known head, optionally followed by a linking element
 * (Fugen-s and the like: Anforderung·s·profil), and a tail that is a known word itself or splits once more the
 * same way (Arbeit·s·gemeinschaft). The work is a few hash look-ups per split point of each distinct word of
 * the texts: linear in the amount of text, and the result is sorted, so the index stays deterministic.
 */
final class CompoundDictionary {

    /** The nouns and the accepted tails (together the dictionary), and the tails alone (they become keys). */
    record Parts(SortedSet<String> dictionary, SortedSet<String> tails) {
    }

    static final String WORD_LIST = "/de/danielnaber/jwordsplitter/all-words.txt";
    private static final int MIN_COMPOUND = 8;
    private static final int MIN_PART = 4;
    private static final int MAX_COMPOUND = 64;
    private static final List<String> LINKERS = List.of("es", "en", "er", "s", "n", "e");
    /** Derivational endings that are words of their own too (Schaft, Heit): as tails they would be noise. */
    private static final Set<String> NOT_TAILS = Set.of("schaft", "schaften", "heit", "heiten", "keit", "keiten",
            "ungen", "lich", "liche", "lichen", "licher", "liches", "isch", "ische", "ischen", "tion", "tionen",
            "ation", "ismus", "ieren", "ierung", "nisse", "sche", "schen",
            // the feminine -innen and the endings -ell and -mals split off as if they were words
            "innen", "rinnen", "erinnen", "elle", "ellen", "eller", "elles", "mals");
    private static final Pattern JOINERS = Pattern.compile("[\\-·']+");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static volatile Set<String> wordList;

    private final Set<String> known;

    private CompoundDictionary(Set<String> known) {
        this.known = known;
    }

    /** The compound parts of the given sections' texts. */
    static Parts of(List<SearchSection> sections, Locale locale, CharArraySet stopWords) {
        Set<String> texts = new HashSet<>();
        for (SearchSection section : sections) {
            texts.add(section.page());
            texts.add(section.heading());
            texts.add(section.text());
        }
        return of(texts, locale, stopWords);
    }

    /** The compound parts of the given texts (their order does not matter; each is best given once). */
    static Parts of(Collection<String> texts, Locale locale, CharArraySet stopWords) {
        Set<String> nounSet = new HashSet<>();
        Set<String> wordSet = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (String text : texts) {
            for (String word : KeyVocabulary.NOT_WORD.split(text)) {
                if (!seen.add(word)) {
                    continue;
                }
                for (String part : JOINERS.split(word)) {
                    if (part.codePointCount(0, part.length()) < MIN_PART) {
                        continue;
                    }
                    String lower = part.toLowerCase(locale);
                    if (stopWords.contains(lower)) {
                        continue;
                    }
                    if (Character.isUpperCase(part.codePointAt(0))) {
                        nounSet.add(lower);
                    }
                    if (LETTERS.matcher(lower).matches()) {
                        wordSet.add(lower);
                    }
                }
            }
        }
        SortedSet<String> nouns = new TreeSet<>(nounSet);
        SortedSet<String> words = new TreeSet<>(wordSet);
        Set<String> known = new HashSet<>(germanWordList());
        known.addAll(words);
        CompoundDictionary dictionary = new CompoundDictionary(known);
        SortedSet<String> tails = new TreeSet<>();
        for (String word : words) {
            dictionary.addTails(word, tails);
        }
        tails.removeIf(t -> stopWords.contains(t));
        SortedSet<String> all = new TreeSet<>(nouns);
        all.addAll(tails);
        return new Parts(all, tails);
    }

    /** Adds the tails of {@code word}: each split point after a known head whose rest is a word or splits again. */
    void addTails(String word, Set<String> tails) {
        if (word.length() < MIN_COMPOUND || word.length() > MAX_COMPOUND || hasSurrogates(word)) {
            return;
        }
        for (int i = MIN_PART; i <= word.length() - MIN_PART; i++) {
            if (!isHead(word.substring(0, i))) {
                continue;
            }
            String tail = word.substring(i);
            if (isTail(tail)) {
                tails.add(tail);
                continue;
            }
            for (int j = MIN_PART; j <= tail.length() - MIN_PART; j++) {
                String last = tail.substring(j);
                if (isHead(tail.substring(0, j)) && isTail(last)) {
                    tails.add(tail);
                    tails.add(last);
                }
            }
        }
    }

    /** A known word, or a known word (of three or more letters) followed by a linking element. */
    private boolean isHead(String head) {
        if (known.contains(head)) {
            return true;
        }
        for (String linker : LINKERS) {
            if (head.endsWith(linker) && head.length() - linker.length() >= 3
                    && known.contains(head.substring(0, head.length() - linker.length()))) {
                return true;
            }
        }
        return false;
    }

    /** A known word (café counts as cafe), not a derivational ending. */
    private boolean isTail(String tail) {
        return !NOT_TAILS.contains(tail) && (known.contains(tail)
                || known.contains(MARKS.matcher(Normalizer.normalize(tail, Normalizer.Form.NFD)).replaceAll("")));
    }

    private static boolean hasSurrogates(String word) {
        return word.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    /** The German word list, lowercased, loaded once. */
    static Set<String> germanWordList() {
        Set<String> list = wordList;
        if (list == null) {
            synchronized (CompoundDictionary.class) {
                list = wordList;
                if (list == null) {
                    list = new HashSet<>();
                    try (InputStream in = CompoundDictionary.class.getResourceAsStream(WORD_LIST)) {
                        if (in == null) {
                            throw new IllegalStateException("the German word list " + WORD_LIST + " is missing");
                        }
                        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            String word = line.strip().toLowerCase(Locale.GERMAN);
                            if (word.length() >= 3 && !word.startsWith("#")) {
                                list.add(word);
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    wordList = Set.copyOf(list);
                    list = wordList;
                }
            }
        }
        return list;
    }
}
