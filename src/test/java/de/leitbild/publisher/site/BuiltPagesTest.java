package de.leitbild.publisher.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/** What every built page promises its readers: structure, landmarks, privacy, working links, sources shown. */
class BuiltPagesTest {

    private static SitePages built;
    private static Path site;
    private static List<Path> pages;

    @BeforeAll
    static void buildTheSite() {
        built = SitePages.ofRepositorySite();
        site = built.site();
        pages = built.pages();
    }

    private static Document parse(Path page) {
        return built.parse(page);
    }

    private static String name(Path page) {
        return built.name(page);
    }

    @Test
    void everyPageHasLanguageLandmarksOneH1AndASkipLinkThatWorks() {
        assertThat(pages).hasSizeGreaterThan(15);
        for (Path page : pages) {
            Document html = parse(page);
            assertThat(html.selectFirst("html").attr("lang")).as(name(page)).isNotBlank();
            assertThat(html.selectFirst("html").attr("dir")).as(name(page)).isIn("ltr", "rtl");
            assertThat(html.select("h1")).as("one h1 on " + name(page)).hasSize(1);
            assertThat(html.select("header.site-header, main#main, footer.site-footer")).as(name(page)).hasSize(3);
            assertThat(html.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
            assertThat(html.title()).as(name(page)).isNotBlank();
            assertThat(html.selectFirst("meta[name=viewport]")).as(name(page)).isNotNull();
        }
    }

    @Test
    void nothingIsLoadedFromAnotherHostAndThereIsNoInlineScriptOrStyle() {
        for (Path page : pages) {
            Document html = parse(page);
            for (Element e : html.select("[src], link[href]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                assertThat(url).as(name(page) + " " + e.tagName()).doesNotContainPattern("^(https?:)?//");
            }
            assertThat(html.select("script:not([src])")).as("inline script on " + name(page)).isEmpty();
            assertThat(html.select("style, [style]")).as("inline style on " + name(page)).isEmpty();
            assertThat(html.select("[onclick], [onload], [onerror]")).as(name(page)).isEmpty();
            assertThat(html.selectFirst("meta[http-equiv=Content-Security-Policy]")).as(name(page)).isNotNull();
        }
    }

    @Test
    void everyInternalLinkAndAnchorResolves() {
        for (Path page : pages) {
            Document html = parse(page);
            for (Element link : html.select("a[href]")) {
                String href = link.attr("href");
                if (href.matches("^[a-z]+:.*")) {
                    continue;
                }
                String path = href.replaceFirst("#.*$", "");
                String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
                Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                if (Files.isDirectory(target)) {
                    target = target.resolve("index.html");
                }
                assertThat(target).as(name(page) + " links to " + href).exists();
                assertThat(target.startsWith(site)).as(name(page) + " links outside the site: " + href).isTrue();
                if (!fragment.isEmpty()) {
                    assertThat(parse(target).getElementById(fragment)).as(name(page) + " anchor " + href).isNotNull();
                }
            }
        }
    }

    @Test
    void everyDocumentPageShowsItsPublisherAndSourceDateAndABreadcrumb() {
        for (Path page : pages) {
            Document html = parse(page);
            if (html.select(".document-meta dt").size() > 0) {
                assertThat(html.select(".document-meta dt").size()).as(name(page)).isGreaterThanOrEqualTo(2);
            }
            if (!name(page).startsWith("de/")) {
                continue;
            }
            if (html.selectFirst("article.document") == null || html.selectFirst("article.document--page") != null) {
                continue;
            }
            String meta = html.selectFirst(".document-meta").text();
            assertThat(meta).as(name(page)).contains("Herausgeber").contains("Stand des Originals");
            assertThat(html.select("nav.breadcrumb li")).as(name(page)).hasSizeGreaterThanOrEqualTo(3);
            assertThat(html.selectFirst("nav.breadcrumb [aria-current=page]")).as(name(page)).isNotNull();
        }
    }

    @Test
    void theDresdenPlanHasATableOfContentsAndSixFootnotesThatLinkBothWays() {
        Document html = parse(site.resolve("de/dresden/handlungsplan-integrationskonzept-2009.html"));
        assertThat(html.select("nav.toc a")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(html.select("nav.toc a").first().text()).startsWith("1 Aufbau und Tätigkeit");
        assertThat(html.select("sup.footnote-ref a")).hasSize(6)
                .allSatisfy(a -> assertThat(a.attr("aria-label")).startsWith("Fußnote "));
        assertThat(html.select("section#footnotes[aria-labelledby] ol > li")).hasSize(6);
        for (Element ref : html.select("sup.footnote-ref a")) {
            Element note = html.getElementById(ref.attr("href").substring(1));
            assertThat(note).isNotNull();
            Element back = note.selectFirst("a.footnote-back");
            assertThat(back.attr("href")).isEqualTo("#" + ref.id());
        }
        assertThat(html.selectFirst(".signature").text()).contains("Helma Orosz").contains("Oberbürgermeisterin");
    }

    @Test
    void theComparisonIsARealTableWhoseCellsKnowTheirColumnForPhones() {
        Document html = parse(site.resolve("de/rheinland-pfalz/beirat-und-beauftragte.html"));
        Element table = html.selectFirst("table.comparison");
        assertThat(table).isNotNull();
        assertThat(table.select("thead th").eachText()).containsExactly(
                "Beirat für Migration und Integration", "Beauftragte für Migration und Integration");
        assertThat(table.select("tbody td")).hasSize(2)
                .allSatisfy(td -> assertThat(td.attr("data-label")).isNotBlank());
        assertThat(table.select("tbody td").get(0).select("li")).hasSize(10);
    }

    @Test
    void theLeitbildBrochurePartsLinkToEachOtherAndTheLastOneCarriesTheImprint() {
        for (String part : List.of("leitbild", "aufgaben", "anforderungsprofil")) {
            Document html = parse(site.resolve("de/brandenburg/" + part + ".html"));
            assertThat(html.select("nav.brochure-nav li")).as(part).hasSize(3);
            assertThat(html.selectFirst("nav.brochure-nav [aria-current=page]")).as(part).isNotNull();
        }
        Document last = parse(site.resolve("de/brandenburg/anforderungsprofil.html"));
        assertThat(last.selectFirst("section.imprint").text()).contains("Auflage: 1.000 Stück").contains("Juli 2020")
                .contains("Druck: Druckmachen24");
        assertThat(parse(site.resolve("de/brandenburg/leitbild.html")).selectFirst("section.imprint")).isNull();
    }

    @Test
    void brochurePagesLinkTheirAccessiblePdfWithSizeAndPagesAndTheDownloadsPageOffersPrintPdfs() {
        Document leitbild = parse(site.resolve("de/brandenburg/leitbild.html"));
        Element link = leitbild.selectFirst(".pdf-link a[type=application/pdf]");
        assertThat(link).isNotNull();
        assertThat(site.resolve("de/brandenburg").resolve(link.attr("href")).normalize())
                .hasFileName("leitbild-brandenburg.pdf").exists();
        assertThat(leitbild.selectFirst(".pdf-link__details").text()).matches("PDF, [0-9.,]+ (KB|MB), \\d+ Seiten");
        Document downloads = parse(site.resolve("ar/downloads.html"));
        assertThat(downloads.select(".print-orders a[href$=-print.pdf]")).isNotEmpty();
        assertThat(downloads.select("section.downloads a[href$=.pdf]"))
                .allSatisfy(a -> assertThat(a.attr("href")).doesNotEndWith("-print.pdf"));
        assertThat(site.resolve("assets/fonts/pdf")).as("PDF fonts are embedded, not served").doesNotExist();
    }

    @Test
    void theExampleYearlyReportSaysItIsInvented() {
        Document html = parse(site.resolve("de/musterstadt/jahresbericht-2025.html"));
        assertThat(html.selectFirst(".notice--example").text()).contains("erfunden");
    }

    @Test
    void theHomePageExplainsTheSiteAndListsTheDocumentsByType() {
        Document html = parse(site.resolve("de/index.html"));
        assertThat(html.selectFirst("main .lead").text()).contains("öffentliche Dokumente");
        assertThat(html.select("main section.doc-group h2").eachText()).contains("Leitbilder", "Handlungspläne",
                "Leitfäden", "Vergleiche", "Jahresberichte");
        assertThat(html.select("main .doc-list a").size()).isGreaterThanOrEqualTo(9);
        Document root = parse(site.resolve("index.html"));
        assertThat(root.select("main .language-list a[hreflang]")).extracting(e -> e.attr("href"))
                .contains("de/index.html");
    }
}
