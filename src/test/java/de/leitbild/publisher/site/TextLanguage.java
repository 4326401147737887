package de.leitbild.publisher.site;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Simple, deterministic measures of which language a text is in: script shares and function-word shares. */
final class TextLanguage {

    static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "den", "von", "zu", "mit", "für", "ist",
            "des", "nicht", "sich", "auf", "im", "eine", "werden", "sind", "bei", "dem", "auch", "oder");
    static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "for", "with", "are", "on", "that",
            "by", "as", "their", "this");
    static final Set<String> TURKISH = Set.of("ve", "bir", "bu", "için", "ile", "olarak", "veya", "olan", "gibi",
            "daha", "da", "de");

    private final String text;
    private final List<String> words;

    TextLanguage(String text) {
        this.text = text;
        this.words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).filter(w -> !w.isEmpty())
                .toList();
    }

    int wordCount() {
        return words.size();
    }

    double share(Set<String> functionWords) {
        return words.isEmpty() ? 0 : (double) words.stream().filter(functionWords::contains).count() / words.size();
    }

    /** Share of letters in the given Unicode script among all letters. */
    double scriptShare(Character.UnicodeScript script) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long inScript = text.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == script).count();
        return letters == 0 ? 0 : (double) inScript / letters;
    }

    long count(String characters) {
        return text.codePoints().filter(c -> characters.indexOf(c) >= 0).count();
    }

    /** Mean number of words per sentence. */
    double wordsPerSentence() {
        long sentences = Arrays.stream(text.split("[.!?:]+\\s")).filter(s -> !s.isBlank()).count();
        return sentences == 0 ? 0 : (double) words.size() / sentences;
    }
}
