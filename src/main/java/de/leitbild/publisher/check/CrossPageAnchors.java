package de.leitbild.publisher.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.problem.Problem;

/**
 * Links from one document to a section of another ({@code xref:other.adoc#section[]}) whose target page has no
 * element with that id. The bake stage checks anchors within a page and that linked pages exist; whether the
 * section exists needs the other page finished too, so it is checked here, over the baked site.
 */
final class CrossPageAnchors {

    private final Path site;
    private final Map<Path, Set<String>> idsByPage = new HashMap<>();

    CrossPageAnchors(Path site) {
        this.site = site;
    }

    List<Problem> find(SiteSettings settings, Catalog catalog) {
        List<Problem> problems = new ArrayList<>();
        for (Language language : settings.languages()) {
            for (SitePage page : catalog.pages(language)) {
                // A page without translation shows its source's links, which the source's own page already has.
                if (page.state() == TranslationState.MISSING) {
                    continue;
                }
                Path file = site.resolve(page.outputPath());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                for (Element link : parse(file).select("a[href*=#]")) {
                    String href = link.attr("href");
                    int hash = href.indexOf('#');
                    String path = href.substring(0, hash);
                    String fragment = href.substring(hash + 1);
                    if (path.isEmpty() || fragment.isEmpty() || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
                            || path.startsWith("//")) {
                        continue;
                    }
                    Path target = file.getParent().resolve(path).normalize();
                    if (Files.isDirectory(target)) {
                        target = target.resolve("index.html");
                    }
                    if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                        continue; // a missing page is the bake stage's finding
                    }
                    Set<String> ids = ids(target);
                    if (!ids.contains(fragment) && !ids.contains(URLDecoder.decode(fragment, StandardCharsets.UTF_8))) {
                        Path source = page.shown().source();
                        problems.add(new Problem(source, lineMentioning(source, "#" + fragment, page),
                                "the link to '" + href + "' points to a section that " + path + " does not have: "
                                        + "correct the id after # (a section's id is in the [#…] line above its "
                                        + "heading) or give the target section the id [#" + fragment + "]"));
                    }
                }
            }
        }
        return problems;
    }

    private Set<String> ids(Path page) {
        return idsByPage.computeIfAbsent(page, p -> {
            Set<String> ids = new HashSet<>();
            parse(p).select("[id]").forEach(e -> ids.add(e.id()));
            return ids;
        });
    }

    private static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineMentioning(Path source, String needle, SitePage page) {
        try {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            // The line is a help, not the finding; fall back to the title.
        }
        return page.shown().lineOf("title");
    }
}
