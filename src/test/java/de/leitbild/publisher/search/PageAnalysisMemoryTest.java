package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** A page's analysis is taken over from the last build only while its bytes and the analysis of its words hold. */
class PageAnalysisMemoryTest {

    private static final SectionMemory.Page MEETINGS = page("beirat.html", 1, "Die Beiratssitzungen sind öffentlich.");
    private static final SectionMemory.Page CONCEPT = page("konzept.html", 2, "Das Integrationskonzept gilt.");

    private static SectionMemory.Page page(String url, long checksum, String text) {
        return new SectionMemory.Page(url, text.length(), checksum,
                List.of(new SearchSection(0, url, "Titel", "", "Titel", text)));
    }

    private static PageAnalysisMemory.PageAnalysis analyse(TermAnalysis analysis, SectionMemory.Page page) {
        String[] words = page.sections().get(0).text().split(" ");
        return new PageAnalysisMemory.PageAnalysis(words,
                new ScoredPostings.SectionTerms[] {ScoredPostings.analyse(analysis, page.sections().get(0))});
    }

    @Test
    void aPageWithAWordInWhichAChangedDictionaryEntryOccursIsAnalysedAgainAndTheRestIsTakenOver() throws Exception {
        Path folder = Files.createTempDirectory("pages");
        Path pagesFile = folder.resolve("pages.bin");
        Path wordsFile = folder.resolve("words.bin");
        SortedSet<String> before = new TreeSet<>(List.of("konzept", "integration", "beirat"));
        SortedSet<String> after = new TreeSet<>(before);
        after.add("sitzung");
        try (Analyzer analyzer = LanguageAnalyzers.create("german", before)) {
            TermAnalysis analysis = new TermAnalysis(analyzer, true);
            PageAnalysisMemory memory = PageAnalysisMemory.load(pagesFile, "test");
            memory.remember(MEETINGS, analyse(analysis, MEETINGS));
            memory.remember(CONCEPT, analyse(analysis, CONCEPT));
            memory.save(before);
            WordMemory.load(wordsFile, "test", before).save(before, analysis.words());
        }
        PageAnalysisMemory memory = PageAnalysisMemory.load(pagesFile, "test");
        WordMemory.Stored stored = WordMemory.read(wordsFile, "test");

        PageAnalysisMemory.Valid unchanged = memory.validFor(before, true, stored, stored.validFor(before));
        assertThat(unchanged.of(MEETINGS)).isNotNull();
        assertThat(unchanged.of(CONCEPT)).isNotNull();
        assertThat(unchanged.of(page("konzept.html", 3, "Das Integrationskonzept gilt."))).as("other bytes").isNull();

        PageAnalysisMemory.Valid changed = memory.validFor(after, true, stored, stored.validFor(after));
        assertThat(changed.of(MEETINGS)).isNull();
        assertThat(changed.of(CONCEPT)).isNotNull();
        try (Analyzer analyzer = LanguageAnalyzers.create("german", after)) {
            PageAnalysisMemory.PageAnalysis fresh = analyse(new TermAnalysis(analyzer, true), CONCEPT);
            TermAnalysis.FieldTerms taken = changed.of(CONCEPT).sections()[0].fields()[2];
            TermAnalysis.FieldTerms expected = fresh.sections()[0].fields()[2];
            assertThat(taken.terms()).containsExactly(expected.terms());
            assertThat(taken.freqs()).containsExactly(expected.freqs());
            assertThat(taken.tokens()).isEqualTo(expected.tokens());
            assertThat(taken.overlaps()).isEqualTo(expected.overlaps());
        }

        // Word analyses made with another dictionary than the pages' cannot vouch for their words.
        WordMemory.read(wordsFile, "test").validFor(after).save(after, java.util.Map.of());
        WordMemory.Stored other = WordMemory.read(wordsFile, "test");
        assertThat(memory.validFor(after, true, other, other.validFor(after)).of(CONCEPT)).isNull();
        assertThat(PageAnalysisMemory.load(pagesFile, "other code").validFor(before, true, stored,
                stored.validFor(before)).of(CONCEPT)).isNull();
    }
}
