package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import de.leitbild.publisher.BuiltSites;

/**
 * The German chain lowercases each word before anything that depends on case, so a word analysed once stands for
 * its lowercase form too (the form the keys are made of): checked on every word of the repository's German and
 * Leichte Sprache sources and on words whose case changes inside them.
 */
class TermAnalysisTest {

    private static final List<String> MIXED_CASE = List.of("iPhone", "NRW-Landesregierung", "KfW-Förderung",
            "Integrations·Beauftragte", "ÄRZTE", "STRASSE", "IntegrationsKonzept", "BAMF-Kurse", "eGovernment",
            "İstanbul", "ΣΟΦΊΑ", "Ǆemal", "2024-Bericht", "Sprach-Café", "Willkommens-Mappe");

    @Test
    void aWordAndItsLowercaseFormGiveTheSameTermsAndTheLowercaseFormIsTakenFromTheWord() throws Exception {
        assertThat(LanguageAnalyzers.lowercasesFirst("german")).isTrue();
        SortedSet<String> words = new TreeSet<>(MIXED_CASE);
        for (String language : List.of("de", "leichte-sprache")) {
            try (Stream<Path> files = Files.walk(BuiltSites.repositoryRoot().resolve("content/" + language))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                    for (String word : Files.readString(file).split("\\s+")) {
                        if (!word.isEmpty()) {
                            words.add(word);
                        }
                    }
                }
            }
        }
        assertThat(words).hasSizeGreaterThan(3000);
        Set<String> dictionary = Set.of("integration", "beauftragte", "konzept", "kurse", "bericht", "mappe",
                "landes", "regierung", "förderung");
        int differentlyCased = 0;
        try (Analyzer analyzer = LanguageAnalyzers.create("german", dictionary)) {
            TermAnalysis separately = new TermAnalysis(analyzer, true);
            TermAnalysis caseBlind = new TermAnalysis(analyzer, true, true, java.util.Map.of());
            for (String word : words) {
                String lowercase = word.toLowerCase(java.util.Locale.ROOT);
                if (lowercase.equals(word)) {
                    continue;
                }
                caseBlind.word(word);
                String characterWise = word.codePoints().map(Character::toLowerCase).collect(StringBuilder::new,
                        StringBuilder::appendCodePoint, StringBuilder::append).toString();
                if (!characterWise.equals(lowercase)) {
                    // İ lowercases to i and a combining dot in a text, to i in Lucene: not taken from the word.
                    assertThat(caseBlind.words()).as(word).doesNotContainKey(lowercase);
                    continue;
                }
                differentlyCased++;
                TermAnalysis.Analysed ofWord = separately.word(word);
                TermAnalysis.Analysed ofLowercase = separately.word(lowercase);
                assertThat(ofLowercase.terms()).as(word).containsExactly(ofWord.terms());
                assertThat(ofLowercase.positions()).as(word).isEqualTo(ofWord.positions());
                assertThat(caseBlind.word(lowercase).terms()).as(word).containsExactly(ofWord.terms());
            }
            // The lowercase forms came from the words, not from an analysis of their own (where they may).
            assertThat(caseBlind.words().get("iphone")).isSameAs(caseBlind.words().get("iPhone")).isNotNull();
            assertThat(caseBlind.words()).containsKey("İstanbul").doesNotContainKey("i\u0307stanbul");
        }
        assertThat(differentlyCased).isGreaterThan(1000);
    }
}
