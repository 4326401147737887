package de.leitbild.publisher.search;

import static de.leitbild.publisher.cache.CacheFile.readText;
import static de.leitbild.publisher.cache.CacheFile.writeText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import de.leitbild.publisher.cache.CacheFile;
import de.leitbild.publisher.cache.SavedInProcess;

/**
 * What the analyzer made of each distinct word in the last build of a language, so that a build analyses only
 * new words. The German analyzer depends on the compound dictionary, which is made of all the language's texts:
 * a word is kept only if no entry that entered or left the dictionary occurs in it (the compound filter looks
 * at nothing else). The memory names the code and analyzer it was made with; losing it only costs time.
 */
final class WordMemory {

    private static final int FORMAT = 1;
    /** What this process saved last: a process that builds again need not read it back. */
    private static final SavedInProcess<Stored> SAVED = new SavedInProcess<>(FORMAT);
    /** More dictionary changes than this, and checking every word costs more than analysing it again. */
    private static final int MAX_DICTIONARY_CHANGES = 5_000;
    private static final int PREFIX = 4;

    private final Path file;
    private final String codeStamp;
    private final Map<String, TermAnalysis.Analysed> remembered;

    private WordMemory(Path file, String codeStamp, Map<String, TermAnalysis.Analysed> remembered) {
        this.file = file;
        this.codeStamp = codeStamp;
        this.remembered = remembered;
    }

    static WordMemory none() {
        return new WordMemory(null, "", Map.of());
    }

    /** The words in {@code file} whose analysis still holds with {@code dictionary}. */
    static WordMemory load(Path file, String codeStamp, SortedSet<String> dictionary) {
        return read(file, codeStamp).validFor(dictionary);
    }

    /**
     * What {@code file} holds, not yet checked against a dictionary: the build reads it while it converts,
     * before the search stage knows this build's compound dictionary.
     */
    static Stored read(Path file, String codeStamp) {
        Stored stored = SAVED.read(file, codeStamp, in -> {
            SortedSet<String> before = new TreeSet<>();
            int entries = in.readInt();
            for (int i = 0; i < entries; i++) {
                before.add(readText(in));
            }
            Map<String, TermAnalysis.Analysed> words = new HashMap<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String word = readText(in);
                String[] terms = new String[in.readInt()];
                for (int t = 0; t < terms.length; t++) {
                    terms[t] = readText(in);
                }
                words.put(word, new TermAnalysis.Analysed(terms, in.readInt()));
            }
            return new Stored(file, codeStamp, java.util.Collections.unmodifiableSortedSet(before),
                    java.util.Collections.unmodifiableMap(words));
        });
        return stored != null ? stored
                : new Stored(file, codeStamp, java.util.Collections.emptySortedSet(), Map.of());
    }

    /** The words a file holds and the dictionary they were analysed with. */
    record Stored(Path file, String codeStamp, SortedSet<String> dictionary,
            Map<String, TermAnalysis.Analysed> words) {

        /** The words whose analysis still holds with {@code dictionary}. */
        WordMemory validFor(SortedSet<String> current) {
            Map<String, TermAnalysis.Analysed> known = new HashMap<>();
            Set<String> changed = symmetricDifference(dictionary, current);
            if (!words.isEmpty() && changed.size() <= MAX_DICTIONARY_CHANGES) {
                ChangedParts parts = new ChangedParts(changed);
                words.forEach((word, analysed) -> {
                    if (!parts.occurIn(word)) {
                        known.put(word, analysed);
                    }
                });
            }
            return new WordMemory(file, codeStamp, known);
        }
    }

    /** The remembered words and their analysis. */
    Map<String, TermAnalysis.Analysed> remembered() {
        return remembered;
    }

    /** Writes the words of this build and the dictionary they were analysed with. */
    void save(SortedSet<String> dictionary, Map<String, TermAnalysis.Analysed> words) throws IOException {
        if (file == null) {
            return;
        }
        Stored stored = new Stored(file, codeStamp, java.util.Collections.unmodifiableSortedSet(dictionary),
                java.util.Collections.unmodifiableMap(words));
        SAVED.write(file, codeStamp, stored, out -> {
            out.writeInt(dictionary.size());
            for (String entry : dictionary) {
                writeText(out, entry);
            }
            Map<String, TermAnalysis.Analysed> sorted = new TreeMap<>(words);
            out.writeInt(sorted.size());
            for (var word : sorted.entrySet()) {
                writeText(out, word.getKey());
                out.writeInt(word.getValue().terms().length);
                for (String term : word.getValue().terms()) {
                    writeText(out, term);
                }
                out.writeInt(word.getValue().positions());
            }
        });
    }

    private static Set<String> symmetricDifference(SortedSet<String> before, SortedSet<String> after) {
        Set<String> changed = new HashSet<>();
        for (String entry : before) {
            if (!after.contains(entry)) {
                changed.add(entry);
            }
        }
        for (String entry : after) {
            if (!before.contains(entry)) {
                changed.add(entry);
            }
        }
        return changed;
    }

    /**
     * The dictionary entries that changed, found in a word as the compound filter sees it: lowercased, without
     * the characters the word delimiter filter splits at (its parts and their joins are pieces of that).
     */
    private static final class ChangedParts {
        private final Map<String, List<String>> byPrefix = new HashMap<>();
        private final List<String> shortEntries = new ArrayList<>();

        ChangedParts(Set<String> changed) {
            for (String entry : changed) {
                if (entry.length() < PREFIX) {
                    shortEntries.add(entry);
                } else {
                    byPrefix.computeIfAbsent(entry.substring(0, PREFIX), p -> new ArrayList<>()).add(entry);
                }
            }
        }

        boolean occurIn(String word) {
            if (byPrefix.isEmpty() && shortEntries.isEmpty()) {
                return false;
            }
            String seen = asSeen(word);
            for (String entry : shortEntries) {
                if (seen.contains(entry)) {
                    return true;
                }
            }
            for (int i = 0; i + PREFIX <= seen.length(); i++) {
                List<String> entries = byPrefix.get(seen.substring(i, i + PREFIX));
                if (entries != null) {
                    for (String entry : entries) {
                        if (seen.startsWith(entry, i)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private static String asSeen(String word) {
            StringBuilder seen = new StringBuilder(word.length());
            word.codePoints().filter(ChangedParts::isKept).forEach(c -> seen.appendCodePoint(Character.toLowerCase(c)));
            return seen.toString();
        }

        /** Whether Lucene's word delimiter filter keeps the character in a part (its character types). */
        private static boolean isKept(int c) {
            if (c < 256) {
                return Character.isLowerCase(c) || Character.isUpperCase(c) || Character.isDigit(c);
            }
            return switch (Character.getType(c)) {
                case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                        Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                        Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.SURROGATE -> true;
                default -> Character.isSupplementaryCodePoint(c);
            };
        }
    }


}
