package de.leitbild.publisher.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import de.leitbild.publisher.bake.PageText;
import de.leitbild.publisher.bake.TextSections;

/** Splits a baked document page into sections at its headings (h2 to h4 with an id). */
final class SectionExtractor {

    private SectionExtractor() {
    }

    /** The sections of a page whose UTF-8 bytes are {@code page}; {@code url} is its path in its language. */
    static List<SearchSection> sections(byte[] page, String url) throws IOException {
        Document html = Jsoup.parse(new ByteArrayInputStream(page), "UTF-8", "");
        Element body = html.selectFirst("main .document-body");
        if (body == null) {
            return List.of();
        }
        Element h1 = html.selectFirst("main h1");
        Element lead = html.selectFirst("main .document-header .lead");
        return sections(new PageText(h1 == null ? "" : h1.text(), lead == null ? "" : lead.text(),
                TextSections.of(body)), url);
    }

    /**
     * The sections of a page's text, numbered from 0: the lead opens the first, under the page's title; a part
     * without text and without an anchor is left out.
     */
    static List<SearchSection> sections(PageText page, String url) {
        List<SearchSection> sections = new ArrayList<>();
        boolean first = true;
        for (PageText.Part part : page.parts()) {
            // A part's text is collapsed and stripped already (the search keeps the very string); the lead joins
            // the first.
            String content = first ? TextSections.collapseWhitespace(page.lead() + ' ' + part.text()).strip()
                    : part.text();
            String anchor = part.anchor();
            if (!content.isEmpty() || !anchor.isEmpty()) {
                String link = anchor.isEmpty() ? url : url + "#" + anchor;
                sections.add(new SearchSection(sections.size(), link, page.title(),
                        part.heading() == null ? page.title() : part.heading(),
                        sections.isEmpty() ? page.title() : "", content));
            }
            first = false;
        }
        return sections;
    }
}
