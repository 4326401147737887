package de.leitbild.publisher.pdf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/**
 * Turns the HTML Asciidoctor writes for one part into the plain element tree the print templates walk: wrapper
 * divs unwrapped, footnote texts moved to their reference points, ids made unique within the brochure, links
 * marked as internal (another place in the brochure) or external (an absolute address), heading levels and list
 * labels computed, images resolved to files. Images that do not exist and characters no font can show are
 * reported here, with the file and line of the source.
 */
final class PrintBody {

    /** The converted part: its element tree for the templates and its top-level sections for the contents. */
    record Part(org.w3c.dom.Element body, List<Section> sections) {
    }

    /** A heading for the contents page and the bookmarks; {@code level} 1 is a top-level section of the part. */
    record Section(String id, String title, int level) {
    }

    private static final Set<String> UNWRAPPED_CLASSES = Set.of("paragraph", "ulist", "olist", "dlist", "sect1",
            "sect2", "sect3", "sect4", "sectionbody", "content", "openblock", "tableblock", "imageblock", "quoteblock",
            "hdlist", "exampleblock", "sidebarblock", "verseblock", "literalblock", "listingblock", "admonitionblock");
    private static final Set<String> BLOCK_CONTAINERS = Set.of("body", "div", "ul", "ol", "dl", "li", "dd", "table",
            "thead", "tbody", "tfoot", "tr", "colgroup", "blockquote", "section");

    private final FontSet fonts;
    private final String baseUrl;

    PrintBody(FontSet fonts, String baseUrl) {
        this.fonts = fonts;
        this.baseUrl = baseUrl;
    }

    /**
     * Prepares {@code html} of {@code part}, the {@code number}th part; {@code partNumbers} maps the site path of
     * every part of the brochure (e.g. {@code de/brandenburg/aufgaben.html}) to its number; {@code headingOffset}
     * is added to the level of every heading (a brochure of several parts has the part titles in between).
     */
    Part prepare(CatalogDocument part, int number, String html, Map<String, Integer> partNumbers, int headingOffset,
            ProblemCollector problems) {
        Document doc = Jsoup.parseBodyFragment(html);
        Element body = doc.body();
        body.select("[style]").removeAttr("style");
        List<String> sourceLines = sourceLines(part.source());
        moveFootnotes(body);
        String prefix = "p" + number + "-";
        List<Section> sections = new ArrayList<>();
        for (Element heading : body.select("h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(heading.tagName().substring(1)) - 1;
            heading.attr("level", String.valueOf(Math.min(6, level + 1 + headingOffset)));
            if (heading.hasAttr("id") && level <= 2) {
                sections.add(new Section(prefix + heading.id(), heading.text(), level));
            }
        }
        for (Element element : body.select("[id]")) {
            element.attr("id", prefix + element.id());
        }
        markLinks(body, part, prefix, partNumbers);
        labelLists(body);
        columnWidths(body);
        resolveImages(body, part, sourceLines, problems);
        checkCharacters(body.text() + " " + part.title(), part, sourceLines, problems);
        unwrap(body);
        dropBlankText(body);
        org.w3c.dom.Document w3c = new W3CDom().namespaceAware(false).fromJsoup(doc);
        org.w3c.dom.Element w3cBody = (org.w3c.dom.Element) w3c.getElementsByTagName("body").item(0);
        return new Part(w3cBody, List.copyOf(sections));
    }

    /** Asciidoctor lists footnotes at the end; in print each stands at the foot of the page that refers to it. */
    private static void moveFootnotes(Element body) {
        Map<String, List<Node>> texts = new HashMap<>();
        for (Element note : body.select("div#footnotes div.footnote")) {
            Element back = note.selectFirst("a[href^=#_footnoteref_]");
            String number = back == null ? "" : back.text();
            if (back != null) {
                if (back.nextSibling() instanceof TextNode dot) {
                    dot.text(dot.getWholeText().replaceFirst("^\\.\\s*", ""));
                }
                back.remove();
            }
            texts.put(number, new ArrayList<>(note.childNodes()));
        }
        for (Element ref : body.select("sup.footnote, sup.footnoteref")) {
            Element link = ref.selectFirst("a");
            String number = link == null ? ref.text().replaceAll("[\\[\\]]", "") : link.text();
            List<Node> text = texts.remove(number);
            Element replacement;
            if (text != null) {
                replacement = new Element("footnote").attr("number", number);
                text.forEach(n -> replacement.appendChild(n.clone()));
            } else {
                replacement = new Element("footnote-ref").attr("number", number).text(number);
            }
            ref.replaceWith(replacement);
        }
        body.select("div#footnotes").remove();
    }

    private void markLinks(Element body, CatalogDocument part, String prefix, Map<String, Integer> partNumbers) {
        String from = part.outputPath();
        for (Element link : body.select("a[href]")) {
            String href = link.attr("href");
            link.removeAttr("href");
            link.attr("alt", link.text().isBlank() ? href : link.text());
            if (href.startsWith("#")) {
                link.attr("internal", prefix + href.substring(1));
            } else if (href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                link.attr("external", href);
            } else {
                String target = URI.create(from).resolve(href).toString();
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                String path = target.replaceFirst("#.*$", "");
                Integer other = partNumbers.get(path);
                if (other != null) {
                    link.attr("internal", "p" + other + (fragment.isEmpty() ? "" : "-" + fragment));
                } else {
                    link.attr("external", baseUrl + target);
                }
            }
        }
    }

    /** Every list item gets its marker text, so the template need not count. */
    private static void labelLists(Element body) {
        for (Element list : body.select("ul, ol")) {
            int depth = list.parents().stream().filter(p -> p.tagName().equals("ul") || p.tagName().equals("ol"))
                    .mapToInt(p -> 1).sum();
            int n = list.hasAttr("start") ? parseOr(list.attr("start"), 1) : 1;
            for (Element item : list.children()) {
                if (!item.tagName().equals("li")) {
                    continue;
                }
                String label;
                if (list.tagName().equals("ul")) {
                    label = depth % 2 == 0 ? "•" : "–";
                } else if (list.hasClass("loweralpha")) {
                    label = (char) ('a' + (n - 1) % 26) + ")";
                } else if (list.hasClass("upperalpha")) {
                    label = (char) ('A' + (n - 1) % 26) + ")";
                } else {
                    label = n + ".";
                }
                item.attr("label", label);
                n++;
            }
        }
    }

    /** Column widths in per cent, from Asciidoctor's colgroup (equal widths where it gives none). */
    private static void columnWidths(Element body) {
        for (Element table : body.select("table")) {
            List<Element> cols = table.select("> colgroup > col");
            int columns = table.select("tr").stream().mapToInt(r -> r.children().size()).max().orElse(1);
            if (cols.isEmpty()) {
                Element group = table.prependElement("colgroup");
                for (int i = 0; i < columns; i++) {
                    group.appendElement("col");
                }
                cols = group.children();
            }
            for (Element col : cols) {
                String width = col.attr("width").replace("%", "").trim();
                col.attr("width", width.matches("\\d+(\\.\\d+)?") ? width : String.valueOf(100.0 / cols.size()));
            }
        }
    }

    private static void resolveImages(Element body, CatalogDocument part, List<String> lines,
            ProblemCollector problems) {
        for (Element image : body.select("img")) {
            String src = image.attr("src");
            if (src.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || src.startsWith("//")) {
                problems.add(new Problem(part.source(), lineMentioning(lines, src), "the image '" + src
                        + "' is on another host and cannot be printed: store the file next to the document and "
                        + "refer to it by a relative path"));
                image.remove();
                continue;
            }
            Path file = part.source().getParent().resolve(src).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(part.source(), lineMentioning(lines, src), "the image '" + src
                        + "' does not exist (looked for " + file.getFileName() + " in " + file.getParent()
                        + "): add the file there, or correct the path in image::" + src + "[]"));
                image.remove();
                continue;
            }
            image.attr("file", file.toUri().toString());
        }
    }

    private void checkCharacters(String text, CatalogDocument part, List<String> lines, ProblemCollector problems) {
        Set<Integer> reported = new LinkedHashSet<>();
        String rest = text;
        while (true) {
            var bad = fonts.unshowable(rest);
            if (bad.isEmpty()) {
                return;
            }
            int cp = bad.get();
            if (reported.add(cp)) {
                problems.add(unshowable(part.source(), lineMentioning(lines, Character.toString(cp)), cp, fonts));
            }
            rest = rest.replace(Character.toString(cp), "");
        }
    }

    /** The problem for a character none of the embedded fonts has. */
    static Problem unshowable(Path file, int line, int cp, FontSet fonts) {
        String name = Character.getName(cp);
        return new Problem(file, line, "the character '" + Character.toString(cp) + "' (U+"
                + String.format("%04X", cp) + (name == null ? "" : " " + name) + ") cannot be shown by any font of "
                + "the PDFs (" + String.join(", ", fonts.families()) + "): replace it with a character these fonts "
                + "have, or add a font that has it to pdf.fonts in jbake.properties (TrueType files in the "
                + "pdf.fonts.folder)");
    }

    private static void unwrap(Element body) {
        for (Element div : body.select("div")) {
            if (div.classNames().stream().anyMatch(UNWRAPPED_CLASSES::contains) && div.parent() != null) {
                div.unwrap();
            }
        }
    }

    /** Whitespace between blocks is not text, and XSL-FO forbids text where only blocks may stand. */
    private static void dropBlankText(Element body) {
        for (Element element : body.getAllElements()) {
            if (BLOCK_CONTAINERS.contains(element.tagName())) {
                for (TextNode text : new ArrayList<>(element.textNodes())) {
                    if (text.isBlank()) {
                        text.remove();
                    }
                }
            }
        }
    }

    private static List<String> sourceLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    static int lineMentioning(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (!needle.isEmpty() && lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        return 1;
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
