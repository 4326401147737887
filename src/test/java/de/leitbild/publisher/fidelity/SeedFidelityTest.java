package de.leitbild.publisher.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import de.leitbild.publisher.BuiltSites;

/**
 * Every sentence of every seed document (after the listed corrections of extraction damage and the short list
 * of layout debris) appears in the built German pages, in order; footnotes appear in the page's footnotes.
 */
class SeedFidelityTest {

    private static final Path SPECS = BuiltSites.repositoryRoot().resolve("src/test/resources/fidelity");

    static Path seedFolder() {
        return BuiltSites.repositoryRoot().resolveSibling("shared").resolve("seeds");
    }

    @Test
    void everySeedHasAFidelitySpec() throws IOException {
        assertThat(seedFolder()).as("the seeds must be beside the repository, in ../shared/seeds").isDirectory();
        try (Stream<Path> seeds = Files.list(seedFolder())) {
            List<String> missing = seeds.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt"))
                    .filter(n -> !Files.exists(SPECS.resolve(n.replaceFirst("\\.txt$", ".spec"))))
                    .toList();
            assertThat(missing).as("seeds without a fidelity spec").isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySentenceOfTheSeedAppearsInTheBuiltPagesInOrder() throws IOException {
        Path site = BuiltSites.repositorySite();
        List<Path> specs;
        try (Stream<Path> files = Files.list(SPECS)) {
            specs = files.filter(p -> p.toString().endsWith(".spec")).sorted().toList();
        }
        assertThat(specs).isNotEmpty();
        return specs.stream().map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(),
                () -> checkSeed(SeedSpec.read(spec), site)));
    }

    private static void checkSeed(SeedSpec spec, Path site) throws IOException {
        String raw = Files.readString(seedFolder().resolve(spec.seedName() + ".txt"), StandardCharsets.UTF_8);
        SeedSentences.Result seed = SeedSentences.extract(raw, spec);
        StringBuilder pageText = new StringBuilder();
        StringBuilder footnoteText = new StringBuilder();
        for (String page : spec.pages()) {
            Path file = site.resolve(page);
            assertThat(file).as("page named in " + spec.seedName() + ".spec").exists();
            Document html = Jsoup.parse(file.toFile(), "UTF-8");
            Element main = html.selectFirst("main");
            assertThat(main).as("<main> in " + page).isNotNull();
            Element footnotes = main.selectFirst("#footnotes");
            if (footnotes != null) {
                footnotes.select(".footnote-back").remove();
                footnotes.select("li").forEach(li -> footnoteText.append(li.text()).append(" \n "));
                footnotes.remove();
            }
            main.select("nav.toc, .footnote-ref").remove();
            pageText.append(main.text()).append(" \n ");
        }
        String text = SeedSentences.normalize(pageText.toString());
        String notes = SeedSentences.normalize(footnoteText.toString());

        List<String> missing = findInOrder(seed.sentences(), text);
        List<String> missingNotes = findInOrder(seed.footnotes(), notes);
        int total = seed.sentences().size() + seed.footnotes().size();
        int found = total - missing.size() - missingNotes.size();
        System.out.printf("fidelity %s: %d/%d sentences and footnotes in order (%.1f %%), %d skipped as layout debris%n",
                spec.seedName(), found, total, total == 0 ? 0.0 : 100.0 * found / total, seed.skipped());
        assertThat(total).as("sentences checked for " + spec.seedName()).isGreaterThan(0);
        assertThat(missing).as("sentences of " + spec.seedName() + " missing (or out of order) in "
                + spec.pages()).isEmpty();
        assertThat(missingNotes).as("footnotes of " + spec.seedName() + " missing (or out of order)").isEmpty();
    }

    /** The sentences not found after the previous one; a missing sentence does not move the reading position. */
    private static List<String> findInOrder(List<String> sentences, String text) {
        List<String> missing = new ArrayList<>();
        int position = 0;
        for (String sentence : sentences) {
            int at = text.indexOf(sentence, position);
            if (at < 0) {
                missing.add(text.contains(sentence) ? "(out of order) " + sentence : sentence);
            } else {
                position = at + sentence.length();
            }
        }
        return missing;
    }
}
