package de.leitbild.publisher.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.leitbild.publisher.BuiltSites;

/**
 * The editor's guide (docs/redaktionshandbuch.adoc) is built with the site as a German page in the frame of every
 * page, for officers only: no public page links to it, the sitemap leaves it out and search engines are asked not
 * to index it. It describes every officer command and shows the GitLab pipeline file it explains, verbatim.
 */
class EditorGuideTest {

    private static final String GUIDE = "redaktionshandbuch.html";

    private static SitePages built;
    private static Document guide;

    @BeforeAll
    static void buildTheSite() {
        built = SitePages.ofRepositorySite();
        guide = built.parse(GUIDE);
    }

    @Test
    void theGuideIsAGermanPageWithContentsThatSearchEnginesLeaveOut() {
        assertThat(guide.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(guide.select("h1").eachText()).containsExactly("Redaktionshandbuch");
        assertThat(guide.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(guide.select("nav.toc a").eachText()).contains("Schreiben", "Übersetzungen", "Broschüren",
                "Vorschau", "Prüfen mit check", "Neue Dateien mit new", "Veröffentlichen über Git", "Die Pipeline");
    }

    @Test
    void noPublicPageLinksToTheGuideAndTheSitemapLeavesItOut() throws IOException {
        for (Path page : built.pages()) {
            if (built.name(page).equals(GUIDE)) {
                continue;
            }
            for (Element link : built.parse(page).select("a[href]")) {
                Path target = page.getParent().resolve(link.attr("href").replaceFirst("#.*$", "")).normalize();
                assertThat(target).as(built.name(page) + " links to the guide")
                        .isNotEqualTo(built.site().resolve(GUIDE));
            }
        }
        assertThat(Files.readString(built.site().resolve("sitemap.xml"))).doesNotContain(GUIDE);
    }

    @Test
    void theGuideDescribesEveryOfficerCommand() {
        String text = guide.selectFirst(".document-body").text();
        assertThat(text).contains("bin/leitbild-publisher serve", "http://127.0.0.1:8080/",
                "bin/leitbild-publisher check", "check --format json",
                "bin/leitbild-publisher new leitbild --path",
                "bin/leitbild-publisher new translation --of brandenburg/leitbild --lang en",
                "bin/leitbild-publisher new jahresbericht --from musterstadt/jahresbericht-2025",
                "bin/leitbild-publisher translations", ":translation-of:", ":brochure-order:",
                "git push", "Merge Request");
    }

    @Test
    void theGuideShowsThePipelineFileItExplainsVerbatim() throws IOException {
        String pipeline = Files.readString(BuiltSites.repositoryRoot().resolve("docs/gitlab-ci.example.yml"));
        List<String> shown = guide.select(".document-body pre").eachText();
        assertThat(shown).anySatisfy(pre -> assertThat(pre.replaceAll("\\s+", " ").trim())
                .isEqualTo(pipeline.replaceAll("\\s+", " ").trim()));
    }

    @Test
    void thePipelineExampleChecksTestsAndDeploysOnlyTheDefaultBranch() throws IOException {
        List<String> lines = Files.readAllLines(BuiltSites.repositoryRoot().resolve("docs/gitlab-ci.example.yml"));
        assertThat(lines).contains("check:", "test:", "pages:",
                "    - bin/leitbild-publisher check", "    - scripts/test",
                "    - cp -r target/site public", "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
        assertThat(String.join("\n", lines)).doesNotContainPattern("(?m)^\\s*-\\s.*(password|token)\\s*[:=]");
    }
}
