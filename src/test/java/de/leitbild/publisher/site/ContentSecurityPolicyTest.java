package de.leitbild.publisher.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page carries a strict Content-Security-Policy before anything it loads, and the site satisfies it: no
 * inline script or style, no event handler attributes, no javascript: addresses, nothing from another host, and
 * stylesheets and scripts that need nothing the policy forbids.
 */
class ContentSecurityPolicyTest {

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)");

    private static SitePages built;

    @BeforeAll
    static void buildTheSite() {
        built = SitePages.ofRepositorySite();
    }

    @Test
    void everyPageCarriesTheSameStrictPolicyBeforeAnythingItLoads() {
        assertThat(built.pages()).hasSizeGreaterThan(15);
        for (Path page : built.pages()) {
            Document html = built.parse(page);
            List<Element> metas = html.select("meta[http-equiv=Content-Security-Policy]");
            assertThat(metas).as(built.name(page)).hasSize(1);
            Element meta = metas.get(0);
            assertThat(meta.parent().tagName()).as(built.name(page)).isEqualTo("head");
            // A policy in a meta element only governs what comes after it.
            for (Element loader : html.select("head link, head script, head style, head base")) {
                assertThat(loader.elementSiblingIndex()).as(built.name(page) + " " + loader.outerHtml())
                        .isGreaterThan(meta.elementSiblingIndex());
            }
            Map<String, String> policy = directives(meta.attr("content"));
            assertThat(policy).as(built.name(page)).containsEntry("default-src", "'self'")
                    .containsEntry("script-src", "'self'").containsEntry("style-src", "'self'")
                    .containsEntry("object-src", "'none'").containsEntry("base-uri", "'none'")
                    .containsEntry("font-src", "'self'").containsEntry("connect-src", "'self'");
            assertThat(meta.attr("content")).as(built.name(page))
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:");
        }
    }

    @Test
    void noPageHasInlineScriptOrStyleEventHandlersOrJavascriptAddresses() {
        for (Path page : built.pages()) {
            Document html = built.parse(page);
            String name = built.name(page);
            assertThat(html.select("script:not([src])")).as("inline script on " + name).isEmpty();
            assertThat(html.select("style, [style]")).as("inline style on " + name).isEmpty();
            assertThat(html.select("base, iframe, object, embed, frame")).as(name).isEmpty();
            for (Element element : html.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    assertThat(attribute.getKey().toLowerCase(Locale.ROOT)).as(name + " " + element.tagName())
                            .doesNotStartWith("on");
                    assertThat(attribute.getValue().replaceAll("\\s", "").toLowerCase(Locale.ROOT))
                            .as(name + " " + element.tagName() + " " + attribute.getKey())
                            .doesNotStartWith("javascript:");
                }
            }
        }
    }

    @Test
    void everythingAPageLoadsOrSubmitsToComesFromTheSiteItself() {
        for (Path page : built.pages()) {
            Document html = built.parse(page);
            for (Element e : html.select("script[src], link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], "
                    + "link[rel~=manifest], img, source, audio, video, track, input[type=image]")) {
                for (String url : List.of(e.attr("src"), e.attr("href"), e.attr("srcset"))) {
                    assertThat(url).as(built.name(page) + " " + e.tagName()).doesNotContainPattern("^(\\w+:)?//");
                }
            }
            for (Element form : html.select("form")) {
                assertThat(form.attr("action")).as(built.name(page) + " form").doesNotContainPattern("^(\\w+:)?//");
            }
        }
    }

    @Test
    void theStylesheetsAndScriptsNeedNothingThePolicyForbids() throws IOException {
        Path assets = built.site().resolve("assets");
        try (Stream<Path> files = Files.walk(assets)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".css")) {
                    String css = Files.readString(file);
                    Matcher url = CSS_URL.matcher(css);
                    while (url.find()) {
                        assertThat(url.group(1)).as(built.name(file) + " url()")
                                .doesNotContainPattern("^(\\w+:)?//");
                    }
                    assertThat(css).as(built.name(file)).doesNotContainPattern("@import\\s+(url\\()?['\"]?(\\w+:)?//");
                } else if (name.endsWith(".js") || name.endsWith(".mjs")) {
                    String js = Files.readString(file);
                    assertThat(js).as(built.name(file) + ": script-src 'self' without 'unsafe-eval'")
                            .doesNotContainPattern("\\beval\\s*\\(").doesNotContainPattern("\\bnew\\s+Function\\s*\\(");
                }
            }
        }
    }

    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            List<String> parts = Arrays.stream(directive.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            if (!parts.isEmpty()) {
                directives.put(parts.get(0), String.join(" ", parts.subList(1, parts.size())));
            }
        }
        return directives;
    }
}
