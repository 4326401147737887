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
import java.util.Map;
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

    /** The word list and the texts' own words: a word is known if either holds it. */
    private final Set<String> listed;
    private final Set<String> own;

    private CompoundDictionary(Set<String> listed, Set<String> own) {
        this.listed = listed;
        this.own = own;
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
        return new Memory().of(texts, locale, stopWords);
    }

    /** The nouns (lowercase) of a text, and its words of letters only (lowercase): what it adds to the dictionary. */
    private record TextWords(String[] nouns, String[] words) {
    }

    private static TextWords textWords(String text, Locale locale, CharArraySet stopWords) {
        List<String> nouns = new java.util.ArrayList<>(2);
        List<String> words = new java.util.ArrayList<>(2);
        for (String word : KeyVocabulary.NOT_WORD.split(text)) {
            for (String part : JOINERS.split(word)) {
                if (part.codePointCount(0, part.length()) < MIN_PART) {
                    continue;
                }
                String lower = part.toLowerCase(locale);
                if (stopWords.contains(lower)) {
                    continue;
                }
                if (Character.isUpperCase(part.codePointAt(0))) {
                    nouns.add(lower);
                }
                if (LETTERS.matcher(lower).matches()) {
                    words.add(lower);
                }
            }
        }
        return new TextWords(nouns.toArray(String[]::new), words.toArray(String[]::new));
    }

    /**
     * The compound parts of one site's texts, build after build, each time worked out again only where the texts
     * changed: the words of a text already seen are taken from the last build, and a word's tails are looked for
     * again only if a word that came or went since contains it (only a known word inside a word changes what its
     * split points find). For a process that builds the same site again and again (the build daemon, the preview);
     * the parts are the same as those {@link CompoundDictionary#of} finds.
     */
    static final class Memory {
        /** More words than this come or go: every word is split again (checking each against them costs more). */
        private static final int MAX_CHANGED_WORDS = 64;
        private Locale locale;
        private CharArraySet stopWords;
        private Map<String, TextWords> texts = Map.of();
        private Set<String> words = Set.of();
        private Map<String, String[]> tails = Map.of();

        synchronized Parts of(Collection<String> newTexts, Locale newLocale, CharArraySet newStopWords) {
            if (!newLocale.equals(locale) || newStopWords != stopWords) {
                locale = newLocale;
                stopWords = newStopWords;
                texts = Map.of();
                words = Set.of();
                tails = Map.of();
            }
            Map<String, TextWords> known = texts;
            Map<String, TextWords> textWords = new java.util.concurrent.ConcurrentHashMap<>(newTexts.size() * 2);
            newTexts.parallelStream().forEach(text -> {
                TextWords found = known.get(text);
                textWords.put(text, found != null ? found : textWords(text, locale, stopWords));
            });
            Set<String> nounSet = new HashSet<>();
            Set<String> wordSet = new HashSet<>();
            for (TextWords found : textWords.values()) {
                java.util.Collections.addAll(nounSet, found.nouns());
                java.util.Collections.addAll(wordSet, found.words());
            }
            Set<String> list = germanWordList();
            // The words that became known or unknown since the last build (those of the list are always known).
            List<String> changed = new java.util.ArrayList<>();
            addMissing(wordSet, words, list, changed);
            addMissing(words, wordSet, list, changed);
            boolean splitAll = words.isEmpty() || changed.size() > MAX_CHANGED_WORDS;
            CompoundDictionary dictionary = new CompoundDictionary(list, wordSet);
            Map<String, String[]> lastTails = tails;
            Map<String, String[]> tailsOf = new java.util.concurrent.ConcurrentHashMap<>(wordSet.size() * 2);
            wordSet.parallelStream().forEach(word -> {
                String[] found = splitAll ? null : lastTails.get(word);
                if (found == null || containsAny(word, changed)) {
                    Set<String> wordTails = new java.util.LinkedHashSet<>();
                    dictionary.addTails(word, wordTails);
                    found = wordTails.toArray(String[]::new);
                }
                tailsOf.put(word, found);
            });
            texts = textWords;
            words = wordSet;
            tails = tailsOf;
            SortedSet<String> allTails = new TreeSet<>();
            for (String[] wordTails : tailsOf.values()) {
                for (String tail : wordTails) {
                    if (!stopWords.contains(tail)) {
                        allTails.add(tail);
                    }
                }
            }
            SortedSet<String> all = new TreeSet<>(nounSet);
            all.addAll(allTails);
            return new Parts(all, allTails);
        }

        /** Adds to {@code missing} the words of {@code words} that neither {@code others} nor {@code list} has. */
        private static void addMissing(Set<String> words, Set<String> others, Set<String> list, List<String> missing) {
            for (String word : words) {
                if (missing.size() > MAX_CHANGED_WORDS) {
                    return;
                }
                if (!others.contains(word) && !list.contains(word)) {
                    missing.add(word);
                }
            }
        }

        /** Whether one of {@code parts} is in {@code word}, or in it without its accents (as tails are looked up). */
        private static boolean containsAny(String word, List<String> parts) {
            if (parts.isEmpty()) {
                return false;
            }
            String plain = null;
            for (String part : parts) {
                if (word.contains(part)) {
                    return true;
                }
                if (plain == null) {
                    plain = withoutMarks(word);
                }
                if (plain != word && plain.contains(part)) {
                    return true;
                }
            }
            return false;
        }
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

    private boolean known(String word) {
        return listed.contains(word) || own.contains(word);
    }

    /** A known word, or a known word (of three or more letters) followed by a linking element. */
    private boolean isHead(String head) {
        if (known(head)) {
            return true;
        }
        for (String linker : LINKERS) {
            if (head.endsWith(linker) && head.length() - linker.length() >= 3
                    && known(head.substring(0, head.length() - linker.length()))) {
                return true;
            }
        }
        return false;
    }

    /** A known word (café counts as cafe), not a derivational ending. */
    private boolean isTail(String tail) {
        return !NOT_TAILS.contains(tail) && (known(tail) || known(withoutMarks(tail)));
    }

    /** The word without accents and other marks; the word itself (the same instance) if it has none. */
    private static String withoutMarks(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0xC0) {
                return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
            }
        }
        return word;
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
