package de.leitbild.publisher.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Splits a baked document page into sections at its headings (h2 to h4 with an id). */
final class SectionExtractor {

    /**
     * Every run of the characters of the regular expression {@code \s} (space, tab, line feed, vertical tab, form
     * feed, carriage return) replaced by one space: what {@code replaceAll("\\s+", " ")} gives, at a fraction
     * of its cost over the text of every page.
     */
    static String collapseWhitespace(CharSequence text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!inRun) {
                    collapsed.append(' ');
                    inRun = true;
                }
            } else {
                collapsed.append(c);
                inRun = false;
            }
        }
        return collapsed.toString();
    }

    private SectionExtractor() {
    }

    /** The sections of the page at {@code file}; {@code url} is the page's path relative to its language folder. */
    static List<SearchSection> sections(Path file, String url, int firstId) throws IOException {
        return sections(Files.readAllBytes(file), url, firstId);
    }

    /** The sections of a page whose UTF-8 bytes are {@code page}. */
    static List<SearchSection> sections(byte[] page, String url, int firstId) throws IOException {
        Document html = Jsoup.parse(new ByteArrayInputStream(page), "UTF-8", "");
        Element h1 = html.selectFirst("main h1");
        String title = h1 == null ? "" : h1.text();
        Element lead = html.selectFirst("main .document-header .lead");
        Element body = html.selectFirst("main .document-body");
        List<SearchSection> sections = new ArrayList<>();
        if (body == null) {
            return sections;
        }
        body.select(".footnote-back, sup.footnote-ref").remove();
        SectionCollector collector = new SectionCollector(url, title, lead == null ? "" : lead.text(), firstId);
        NodeTraversor.traverse(collector, body);
        collector.finish();
        return collector.sections;
    }

    private static final class SectionCollector implements NodeVisitor {
        private final String url;
        private final String title;
        private final List<SearchSection> sections = new ArrayList<>();
        private int nextId;
        private String anchor = "";
        private String heading;
        private StringBuilder text = new StringBuilder();
        private Element currentHeading;
        /** Whether the traversal is within the current heading, whose text is the heading, not the section's. */
        private boolean inHeading;

        SectionCollector(String url, String title, String lead, int firstId) {
            this.url = url;
            this.title = title;
            this.heading = title;
            this.nextId = firstId;
            text.append(lead).append(' ');
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e && isSectionHeading(e)) {
                finish();
                anchor = e.id();
                heading = e.text();
                currentHeading = e;
                inHeading = true;
            } else if (node instanceof TextNode t && !inHeading) {
                text.append(t.text());
            } else if (node instanceof Element e && e.isBlock()) {
                text.append(' ');
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == currentHeading) {
                // The traversal is depth first: the heading's text has all been visited.
                inHeading = false;
            }
            if (node instanceof Element e && e.isBlock()) {
                text.append(' ');
            }
        }

        /** h2, h3 or h4 with an id (no regular expression: this runs for every element of every page). */
        private static boolean isSectionHeading(Element e) {
            String tag = e.normalName();
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '2' && tag.charAt(1) <= '4'
                    && e.hasAttr("id");
        }

        void finish() {
            String content = collapseWhitespace(text).strip();
            if (!content.isEmpty() || !anchor.isEmpty()) {
                String link = anchor.isEmpty() ? url : url + "#" + anchor;
                sections.add(new SearchSection(nextId++, link, title, heading, sections.isEmpty() ? title : "",
                        content));
            }
            text = new StringBuilder();
        }

    }
}
