package de.leitbild.publisher.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.Character.UnicodeScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/** Every page in every reading language: right language and direction, working switcher and alternates. */
class MultilingualSiteTest {

    /** Language folder → expected lang and dir. */
    private static final Map<String, List<String>> LANGUAGES = Map.of(
            "de", List.of("de", "ltr"), "leichte-sprache", List.of("de", "ltr"), "en", List.of("en", "ltr"),
            "uk", List.of("uk", "ltr"), "ar", List.of("ar", "rtl"), "tr", List.of("tr", "ltr"),
            "ru", List.of("ru", "ltr"), "fa", List.of("fa", "rtl"));
    private static final List<String> BROCHURE_AND_COMPARISON = List.of("brandenburg/leitbild",
            "brandenburg/aufgaben", "brandenburg/anforderungsprofil", "rheinland-pfalz/beirat-und-beauftragte");

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

    private static String folderOf(Path page) {
        Path relative = site.relativize(page);
        return relative.getNameCount() == 1 ? "de" : relative.getName(0).toString();
    }

    @Test
    void everyLanguageFolderHasTheSameSetOfPages() throws IOException {
        List<String> german;
        try (Stream<Path> walk = Files.walk(site.resolve("de"))) {
            german = walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.resolve("de").relativize(p))
                    .map(Path::toString).sorted().toList();
        }
        for (String language : LANGUAGES.keySet()) {
            for (String page : german) {
                assertThat(site.resolve(language).resolve(page)).as("no dead link: every page exists in every "
                        + "language").exists();
            }
        }
    }

    @Test
    void everyPageHasTheLangAndDirOfItsLanguage() {
        for (Path page : pages) {
            Document html = parse(page);
            List<String> expected = LANGUAGES.get(folderOf(page));
            assertThat(expected).as("language folder of " + page).isNotNull();
            assertThat(html.selectFirst("html").attr("lang")).as(site.relativize(page).toString())
                    .isEqualTo(expected.get(0));
            assertThat(html.selectFirst("html").attr("dir")).as(site.relativize(page).toString())
                    .isEqualTo(expected.get(1));
        }
    }

    @Test
    void everyPageHasASwitcherWithEveryLanguageByItsOwnNameMarkingTheCurrentOneAndLinksThatResolve() {
        for (Path page : pages) {
            if (page.equals(site.resolve("index.html"))) {
                continue;
            }
            Document html = parse(page);
            List<Element> links = html.select(".language-switcher a[hreflang]");
            assertThat(links).as(site.relativize(page).toString()).hasSize(LANGUAGES.size());
            assertThat(links).extracting(Element::text).contains("Deutsch", "Leichte Sprache", "English",
                    "Українська", "العربية", "Türkçe", "Русский", "فارسی");
            assertThat(html.select(".language-switcher a[aria-current=page]")).as(site.relativize(page).toString())
                    .hasSize(1);
            for (Element link : links) {
                Path target = page.getParent().resolve(link.attr("href")).normalize();
                assertThat(target).as(site.relativize(page) + " switcher " + link.attr("href")).exists();
                assertThat(link.attr("lang")).isNotBlank();
            }
        }
    }

    @Test
    void hreflangAlternatesResolveAndIncludeXDefault() {
        for (Path page : pages) {
            Document html = parse(page);
            List<Element> alternates = html.select("link[rel=alternate][hreflang]");
            if (alternates.isEmpty()) {
                continue;
            }
            assertThat(alternates).extracting(e -> e.attr("hreflang")).as(site.relativize(page).toString())
                    .contains("x-default", "de");
            for (Element link : alternates) {
                Path target = page.getParent().resolve(link.attr("href")).normalize();
                assertThat(target).as(site.relativize(page) + " alternate " + link.attr("hreflang")).exists();
                assertThat(parse(target).selectFirst("meta[name=robots][content=noindex]"))
                        .as("an alternate is a real translation, not a fallback page").isNull();
            }
        }
        Document leitbild = parse(site.resolve("en/brandenburg/leitbild.html"));
        assertThat(leitbild.select("link[rel=alternate][hreflang]")).extracting(e -> e.attr("hreflang"))
                .contains("de", "de-x-ls", "en", "uk", "ar", "tr", "ru", "fa", "x-default");
    }

    @Test
    void theListedDocumentsAreReallyInTheTargetLanguage() {
        for (String path : BROCHURE_AND_COMPARISON) {
            assertLanguage("en", path);
            assertLanguage("uk", path);
            assertLanguage("ar", path);
            assertLanguage("tr", path);
            assertLanguage("ru", path);
            assertLanguage("fa", path);
        }
        assertLanguage("en", "dresden/handlungsplan-integrationskonzept-2009");
        assertLanguage("en", "niko/einstieg-integrationskonzept");
    }

    private static void assertLanguage(String language, String path) {
        Document html = parse(site.resolve(language + "/" + path + ".html"));
        String name = language + "/" + path;
        assertThat(html.selectFirst(".notice--translation")).as(name + " has its own translation").isNull();
        assertThat(html.selectFirst(".document-body").hasAttr("lang")).as(name).isFalse();
        TextLanguage text = new TextLanguage(html.selectFirst(".document-body").text());
        TextLanguage german = new TextLanguage(parse(site.resolve("de/" + path + ".html"))
                .selectFirst(".document-body").text());
        assertThat(text.wordCount()).as(name + " is complete, not a summary").isGreaterThan(german.wordCount() / 2);
        assertThat(text.share(TextLanguage.GERMAN)).as(name + " is not the German text").isLessThan(0.03);
        switch (language) {
            case "en" -> assertThat(text.share(TextLanguage.ENGLISH)).as(name).isGreaterThan(0.08);
            case "tr" -> {
                assertThat(text.share(TextLanguage.TURKISH)).as(name).isGreaterThan(0.03);
                assertThat(text.count("ışğİ")).as(name + " uses Turkish letters").isGreaterThan(5);
            }
            case "uk" -> {
                assertThat(text.scriptShare(UnicodeScript.CYRILLIC)).as(name).isGreaterThan(0.8);
                assertThat(text.count("іїєґ")).as(name + " is Ukrainian").isGreaterThan(10);
                assertThat(text.count("ыэъ")).as(name + " has no Russian letters").isZero();
            }
            case "ru" -> {
                assertThat(text.scriptShare(UnicodeScript.CYRILLIC)).as(name).isGreaterThan(0.8);
                assertThat(text.count("ыэ")).as(name + " is Russian").isGreaterThan(5);
                assertThat(text.count("іїєґ")).as(name + " has no Ukrainian letters").isZero();
            }
            case "ar" -> {
                assertThat(text.scriptShare(UnicodeScript.ARABIC)).as(name).isGreaterThan(0.8);
                assertThat(text.count("پچژگ")).as(name + " is Arabic, not Persian").isZero();
            }
            case "fa" -> {
                assertThat(text.scriptShare(UnicodeScript.ARABIC)).as(name).isGreaterThan(0.8);
                assertThat(text.count("پچژگی")).as(name + " is Persian").isGreaterThan(20);
                assertThat(text.count("يكة")).as(name + " uses Persian, not Arabic, letters").isZero();
            }
            default -> throw new IllegalArgumentException(language);
        }
    }

    @Test
    void leichteSpracheIsGermanWithShortSentencesAndSplitCompounds() {
        for (String path : List.of("brandenburg/leitbild", "brandenburg/aufgaben", "brandenburg/anforderungsprofil",
                "ueber-diese-seite")) {
            Document easy = parse(site.resolve("leichte-sprache/" + path + ".html"));
            Document standard = parse(site.resolve("de/" + path + ".html"));
            assertThat(easy.selectFirst(".notice--translation")).as(path).isNull();
            TextLanguage easyText = new TextLanguage(easy.selectFirst(".document-body").text());
            TextLanguage standardText = new TextLanguage(standard.selectFirst(".document-body").text());
            assertThat(easyText.share(TextLanguage.GERMAN)).as(path + " is German").isGreaterThan(0.05);
            assertThat(easyText.wordsPerSentence()).as(path + ": short sentences")
                    .isLessThan(Math.min(12.0, standardText.wordsPerSentence()));
        }
        String all = parse(site.resolve("leichte-sprache/brandenburg/leitbild.html")).text();
        assertThat(all).containsPattern("\\p{Lu}\\p{Ll}+-\\p{Lu}\\p{Ll}+");
    }

    @Test
    void aMissingTranslationShowsTheGermanTextMarkedAsGermanWithANoticeInTheReadersLanguage() {
        Document html = parse(site.resolve("en/musterstadt/jahresbericht-2025.html"));
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.selectFirst(".notice--translation").text()).contains("not yet available");
        assertThat(html.selectFirst(".document-body").attr("lang")).isEqualTo("de");
        assertThat(html.selectFirst("h1").attr("lang")).isEqualTo("de");
        assertThat(html.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        Document arabic = parse(site.resolve("ar/dresden/handlungsplan-integrationskonzept-2009.html"));
        assertThat(arabic.selectFirst(".document-body").attr("dir")).isEqualTo("ltr");
        assertThat(new TextLanguage(arabic.selectFirst(".notice--translation").text())
                .scriptShare(UnicodeScript.ARABIC)).isGreaterThan(0.8);
    }

    @Test
    void arabicAndCyrillicFontsAreLoadedOnlyByPagesInThoseScripts() {
        for (Path page : pages) {
            String folder = folderOf(page);
            List<String> styles = parse(page).select("link[rel=stylesheet]").eachAttr("href").stream()
                    .map(h -> h.substring(h.lastIndexOf('/') + 1)).toList();
            assertThat(styles).as(site.relativize(page).toString()).contains("fonts-latin.css", "site.css");
            assertThat(styles.contains("fonts-arabic.css")).as(site.relativize(page).toString())
                    .isEqualTo(folder.equals("ar") || folder.equals("fa"));
            assertThat(styles.contains("fonts-cyrillic.css")).as(site.relativize(page).toString())
                    .isEqualTo(folder.equals("uk") || folder.equals("ru"));
        }
    }

    @Test
    void theRootPageLetsTheReaderChooseALanguageWithoutScript() {
        Document root = parse(site.resolve("index.html"));
        assertThat(root.select("script")).isEmpty();
        assertThat(root.select("main .language-list a")).hasSize(LANGUAGES.size())
                .allSatisfy(a -> assertThat(a.attr("lang")).isNotBlank());
    }

    @Test
    void theSitemapListsEveryRealPageWithItsAlternates() throws IOException {
        Document sitemap = Jsoup.parse(Files.readString(site.resolve("sitemap.xml")), "", Parser.xmlParser());
        List<Element> urls = sitemap.select("url");
        assertThat(urls).hasSizeGreaterThan(50);
        for (Element url : urls) {
            String loc = url.selectFirst("loc").text();
            assertThat(loc).startsWith("https://integration.example/");
            assertThat(site.resolve(loc.substring("https://integration.example/".length()))).exists();
            for (Element alternate : url.select("xhtml|link")) {
                assertThat(site.resolve(alternate.attr("href").substring("https://integration.example/".length())))
                        .exists();
            }
        }
        assertThat(urls).extracting(u -> u.selectFirst("loc").text())
                .doesNotContain("https://integration.example/en/musterstadt/jahresbericht-2025.html");
    }

    @Test
    void datesAndNumbersAreWrittenInTheReadersLocale() {
        assertThat(parse(site.resolve("de/brandenburg/leitbild.html")).selectFirst(".document-meta").text())
                .contains("Juli 2020");
        assertThat(parse(site.resolve("en/brandenburg/leitbild.html")).selectFirst(".document-meta").text())
                .contains("July 2020");
        assertThat(parse(site.resolve("uk/brandenburg/leitbild.html")).selectFirst(".document-meta").text())
                .contains("2020");
        assertThat(parse(site.resolve("en/brandenburg/anforderungsprofil.html")).selectFirst(".imprint").text())
                .contains("1,000");
        assertThat(parse(site.resolve("de/brandenburg/anforderungsprofil.html")).selectFirst(".imprint").text())
                .contains("1.000");
    }
}
