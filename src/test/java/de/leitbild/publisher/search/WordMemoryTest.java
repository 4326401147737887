package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** Words analysed in the last build are taken over only while the compound dictionary leaves them alone. */
class WordMemoryTest {

    private static final List<String> WORDS = List.of("Integrationskonzept", "Beirats-Sitzung", "Beiratssitzungen",
            "Haus", "Sprachcafé", "und");

    @Test
    void aWordInWhichAChangedDictionaryEntryOccursIsAnalysedAgainAndTheRestIsTakenOver() throws Exception {
        Path file = Files.createTempDirectory("words").resolve("words.bin");
        SortedSet<String> before = new TreeSet<>(List.of("konzept", "integration", "beirat"));
        SortedSet<String> after = new TreeSet<>(before);
        after.add("sitzung");
        try (Analyzer analyzer = LanguageAnalyzers.create("german", before)) {
            TermAnalysis analysis = new TermAnalysis(analyzer, true);
            WORDS.forEach(analysis::word);
            WordMemory.load(file, "test", before).save(before, analysis.words());
        }
        WordMemory memory = WordMemory.load(file, "test", after);
        assertThat(memory.remembered()).containsKeys("Integrationskonzept", "Haus", "Sprachcafé", "und")
                .doesNotContainKeys("Beirats-Sitzung", "Beiratssitzungen");
        assertThat(WordMemory.load(file, "other code", after).remembered()).isEmpty();
        try (Analyzer analyzer = LanguageAnalyzers.create("german", after)) {
            TermAnalysis fresh = new TermAnalysis(analyzer, true);
            TermAnalysis taken = new TermAnalysis(analyzer, true, memory.remembered());
            for (String word : WORDS) {
                assertThat(taken.word(word).terms()).as(word).containsExactly(fresh.word(word).terms());
                assertThat(taken.word(word).positions()).as(word).isEqualTo(fresh.word(word).positions());
            }
            assertThat(fresh.word("Beiratssitzungen").terms()).isNotEqualTo(
                    WordMemory.load(file, "test", before).remembered().get("Beiratssitzungen").terms());
        }
    }
}
