package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.config.SiteSettingsLoader;

/**
 * The scores the index is written with are exactly (to the bit) those a Lucene index of the sections gives with
 * BM25, although none is built. Set {@code -Dsearch.reference.root=<sources> -Dsearch.reference.site=<built site>}
 * to compare on another site (e.g. the scale benchmark).
 */
class ScoredPostingsTest {

    @Test
    void scoresAreTheVeryFloatsALuceneIndexOfTheSectionsGives() throws Exception {
        String otherRoot = System.getProperty("search.reference.root");
        Path root = otherRoot == null ? BuiltSites.repositoryRoot() : Path.of(otherRoot);
        Path site = otherRoot == null ? BuiltSites.repositorySite() : Path.of(System.getProperty("search.reference.site"));
        SiteSettings settings = new SiteSettingsLoader().load(root, site);
        int compared = 0;
        for (Language language : settings.languages()) {
            List<SearchSection> sections = sections(site.resolve(language.id()));
            String name = language.analyzer();
            CompoundDictionary.Parts parts = CompoundDictionary.of(sections, language.locale(),
                    LanguageAnalyzers.stopWords(name));
            try (Analyzer analyzer = LanguageAnalyzers.create(name, parts.dictionary())) {
                SortedMap<String, SortedMap<Integer, Float>> expected = IndexedPostings.compute(analyzer, sections);
                SortedMap<String, ScoredPostings.Postings> actual = ScoredPostings.compute(ScoredPostings.analyse(
                        new TermAnalysis(analyzer, LanguageAnalyzers.analysesWordByWord(name)), sections));
                assertThat(actual.keySet()).as("terms of " + language.id()).isEqualTo(expected.keySet());
                for (var entry : expected.entrySet()) {
                    ScoredPostings.Postings postings = actual.get(entry.getKey());
                    assertThat(postings.sections()).as(entry.getKey())
                            .containsExactly(entry.getValue().keySet().stream().mapToInt(Integer::intValue).toArray());
                    int i = 0;
                    for (float score : entry.getValue().values()) {
                        assertThat(Float.floatToIntBits(postings.scores()[i++])).as(entry.getKey())
                                .isEqualTo(Float.floatToIntBits(score));
                    }
                    compared += postings.sections().length;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private static List<SearchSection> sections(Path languageFolder) throws IOException {
        List<SearchSection> sections = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.walk(languageFolder)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            for (SearchSection s : SectionExtractor.sections(Files.readAllBytes(page),
                    languageFolder.relativize(page).toString())) {
                sections.add(new SearchSection(sections.size(), s.url(), s.page(), s.heading(), s.pageTitleField(),
                        s.text()));
            }
        }
        return sections;
    }
}
