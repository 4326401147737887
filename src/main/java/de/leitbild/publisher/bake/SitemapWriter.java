package de.leitbild.publisher.bake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.TranslationSet;
import de.leitbild.publisher.content.TranslationState;

/**
 * Writes {@code sitemap.xml} with every page that has its own text and, per page, the alternates in the other
 * languages ({@code xhtml:link rel="alternate" hreflang}). Pages that only show the source because a
 * translation is missing are left out: they would be duplicates of the source.
 */
final class SitemapWriter {

    private record Alternate(String hreflang, String path) {
    }

    private final SiteSettings settings;
    private final Map<String, List<Alternate>> entries = new TreeMap<>();

    SitemapWriter(SiteSettings settings) {
        this.settings = settings;
    }

    void add(String outputPath, TranslationSet set) {
        List<Alternate> alternates = new ArrayList<>();
        for (Language language : settings.languages()) {
            if (set.pageIn(language).state() != TranslationState.MISSING) {
                alternates.add(new Alternate(language.hreflang(), language.id() + "/" + set.path() + ".html"));
            }
        }
        alternates.add(new Alternate("x-default", settings.sourceLanguage().id() + "/" + set.path() + ".html"));
        entries.put(outputPath, alternates);
    }

    void addInterface(String outputPath, Function<Language, String> pathIn) {
        List<Alternate> alternates = new ArrayList<>();
        for (Language language : settings.languages()) {
            alternates.add(new Alternate(language.hreflang(), pathIn.apply(language)));
        }
        alternates.add(new Alternate("x-default", pathIn.apply(settings.sourceLanguage())));
        entries.put(outputPath, alternates);
    }

    void write(Path file, Catalog catalog) {
        String base = settings.baseUrl();
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ")
                .append("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (var entry : entries.entrySet()) {
            xml.append("  <url>\n    <loc>").append(escape(base + entry.getKey())).append("</loc>\n");
            for (Alternate alternate : entry.getValue()) {
                xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(escape(alternate.hreflang()))
                        .append("\" href=\"").append(escape(base + alternate.path())).append("\"/>\n");
            }
            xml.append("  </url>\n");
        }
        xml.append("</urlset>\n");
        try {
            Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
