package de.leitbild.publisher.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import de.leitbild.publisher.BuiltSites;

/** The HTML pages of the repository's built site, for tests that read them. */
final class SitePages {

    private final Path site;
    private final List<Path> pages;

    private SitePages(Path site, List<Path> pages) {
        this.site = site;
        this.pages = pages;
    }

    static SitePages ofRepositorySite() {
        Path site = BuiltSites.repositorySite();
        try (Stream<Path> walk = Files.walk(site)) {
            return new SitePages(site, walk.filter(p -> p.toString().endsWith(".html")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path site() {
        return site;
    }

    List<Path> pages() {
        return pages;
    }

    Document parse(Path page) {
        try {
            return Jsoup.parse(page.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Document parse(String sitePath) {
        return parse(site.resolve(sitePath));
    }

    String name(Path page) {
        return site.relativize(page).toString();
    }
}
