package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.bake.BakedSite;
import de.leitbild.publisher.bake.PageText;
import de.leitbild.publisher.bake.SiteBaker;
import de.leitbild.publisher.bake.TextSections;

/** How a baked page is split into search sections, and the text each section gets. */
class SectionExtractorTest {

    @Test
    void aPartsTextIsCollapsedInOnePassExactlyAsJsoupsTextOfEachNodeCollapsedByTheRegularExpression() {
        String alphabet = " \t\n\u000B\f\r\u00A0\u2003\u200B\u00ADab\u00E4-";
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder raw = new StringBuilder();
            StringBuilder perNode = new StringBuilder();
            for (int node = random.nextInt(4); node >= 0; node--) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(12); i > 0; i--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                raw.append(text);
                perNode.append(new org.jsoup.nodes.TextNode(text.toString()).text());
            }
            assertThat(TextSections.collapseWhitespace(raw)).as("%s", raw.chars().boxed().toList())
                    .isEqualTo(perNode.toString().replaceAll("\\s+", " "));
        }
    }

    @Test
    void aPageIsSplitAtHeadingsWithAnIdAndAHeadingsTextStaysOutOfItsSection() throws Exception {
        String page = """
                <!DOCTYPE html><html><body><header><h2 id="nav">Navigation</h2></header>
                <main><h1>Leitbild  der Stadt</h1><div class="document-header"><p class="lead">Kurz\u00A0gesagt</p></div>
                <div class="document-body"><p>Einleitung mit <em>Betonung</em>\n und   Umbruch.</p>
                <h2 id="ziele">Unsere <span>Ziele</span></h2><p>Teilhabe<sup class="footnote-ref">1</sup> für alle.</p>
                <h3>Ohne Anker</h3><p>Weiter im selben Abschnitt.</p>
                <h4 id="wege">Wege</h4><ul><li>Beratung</li><li>Sprache</li></ul></div></main></body></html>
                """;
        List<SearchSection> sections = SectionExtractor.sections(page.getBytes(StandardCharsets.UTF_8),
                "leitbild.html");
        assertThat(sections).extracting(SearchSection::id).containsExactly(0, 1, 2);
        assertThat(sections).extracting(SearchSection::url)
                .containsExactly("leitbild.html", "leitbild.html#ziele", "leitbild.html#wege");
        assertThat(sections).extracting(SearchSection::heading)
                .containsExactly("Leitbild der Stadt", "Unsere Ziele", "Wege");
        assertThat(sections).extracting(SearchSection::pageTitleField).containsExactly("Leitbild der Stadt", "", "");
        assertThat(sections).extracting(SearchSection::text).containsExactly(
                "Kurz gesagt Einleitung mit Betonung und Umbruch.",
                "Teilhabe für alle. Ohne Anker Weiter im selben Abschnitt.",
                "Beratung Sprache");
    }

    @Test
    void theTextTheBakeStageHandsOverGivesTheSectionsItsPageGives(@TempDir Path staging) throws Exception {
        SiteBuild.Sources sources = new SiteBuild(BuiltSites.engine()).read(BuiltSites.repositoryRoot(), staging);
        BakedSite site = new SiteBaker(sources.settings(), sources.messages(), BuiltSites.engine())
                .bake(sources.catalog(), staging.resolve("site"));
        int withFootnotes = 0;
        for (Map.Entry<String, PageText> baked : site.texts().entrySet()) {
            byte[] page = Files.readAllBytes(site.folder().resolve(baked.getKey()));
            List<SearchSection> read = SectionExtractor.sections(page, baked.getKey());
            assertThat(SectionExtractor.sections(baked.getValue(), baked.getKey())).as(baked.getKey())
                    .isNotEmpty().isEqualTo(read);
            if (new String(page, StandardCharsets.UTF_8).contains("class=\"footnote-back\"")) {
                withFootnotes++;
            }
        }
        // Every page in its own language's text, translations and Leichte Sprache among them.
        long shown = sources.settings().languages().stream().flatMap(l -> sources.catalog().pages(l).stream())
                .filter(p -> p.state() != de.leitbild.publisher.content.TranslationState.MISSING).count();
        assertThat(site.texts()).hasSize((int) shown);
        assertThat(withFootnotes).as("pages with footnotes").isPositive();
    }
}
