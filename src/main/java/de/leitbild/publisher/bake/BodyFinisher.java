package de.leitbild.publisher.bake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

import de.leitbild.publisher.content.UnsafeMarkupScanner;

/**
 * Finishes the HTML Asciidoctor writes for a document body: accessible footnotes, comparison tables that stack on
 * a phone, no inline styles (the pages have a strict Content-Security-Policy), and the facts the build checks:
 * headings, in-page anchors and links. The footnote labels are left as placeholders that
 * {@link FinishedBody#in} fills in the reader's language, so a body shown in several languages is finished once.
 */
final class BodyFinisher {

    private static final Set<String> RESOURCE_TAGS = Set.of("img", "audio", "video", "source", "iframe");

    FinishedBody finish(String asciidoctorHtml) {
        Document html = Jsoup.parseBodyFragment(FinishedBody.withoutPlaceholders(asciidoctorHtml));
        html.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        Element body = html.body();
        // Two walks over the elements instead of one per selector: the first cleans and finds what is rewritten.
        List<Element> comparisonTables = new ArrayList<>();
        List<Element> footnoteReferences = new ArrayList<>();
        Element footnotes = null;
        for (Element element : body.getAllElements()) {
            if (element.hasAttr("style")) {
                element.removeAttr("style");
            }
            String tag = element.normalName();
            if (tag.equals("table") && element.hasClass("comparison")) {
                comparisonTables.add(element);
            } else if (tag.equals("sup") && element.hasClass("footnote")) {
                footnoteReferences.add(element);
            } else if (footnotes == null && tag.equals("div") && element.id().equals("footnotes")) {
                footnotes = element;
            }
        }
        stackComparisonTables(comparisonTables);
        rewriteFootnotes(footnoteReferences, footnotes);
        List<Element> headings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Element> links = new ArrayList<>();
        List<Element> resources = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            String tag = element.normalName();
            if (element.hasAttr("id")) {
                ids.add(element.id());
                if (tag.equals("h2") || tag.equals("h3")) {
                    headings.add(element);
                }
            }
            if (tag.equals("a") && element.hasAttr("href")) {
                links.add(element);
            } else if (RESOURCE_TAGS.contains(tag) && element.hasAttr("src")) {
                resources.add(element);
            }
        }
        List<TocEntry> toc = new ArrayList<>();
        for (Element heading : headings) {
            if (heading.closest("#footnotes") == null) {
                toc.add(new TocEntry(heading.id(), heading.text(), heading.tagName().equals("h2") ? 2 : 3));
            }
        }
        List<String> broken = new ArrayList<>();
        List<String> relative = new ArrayList<>();
        for (Element link : links) {
            String href = link.attr("href");
            if (href.startsWith("#")) {
                if (href.length() > 1 && !ids.contains(href.substring(1))) {
                    broken.add(href.substring(1));
                }
            } else if (!href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !href.startsWith("//")) {
                relative.add(href);
            }
        }
        List<String> foreign = new ArrayList<>();
        for (Element resource : resources) {
            String src = resource.attr("src");
            if (src.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || src.startsWith("//")) {
                foreign.add(src);
            } else {
                relative.add(src);
            }
        }
        return new FinishedBody(body.html(), toc, broken, relative, foreign, UnsafeMarkupScanner.scan(body),
                TextSections.of(body));
    }

    /** On narrow screens each cell shows the heading of its column, so rows read as cards. */
    private static void stackComparisonTables(List<Element> tables) {
        for (Element table : tables) {
            List<String> headings = table.select("thead th").eachText();
            for (Element row : table.select("tbody tr")) {
                Elements cells = row.children();
                for (int i = 0; i < cells.size() && i < headings.size(); i++) {
                    cells.get(i).attr("data-label", headings.get(i));
                }
            }
        }
    }

    private static void rewriteFootnotes(List<Element> references, Element footnotes) {
        for (Element ref : references) {
            Element link = ref.selectFirst("a.footnote");
            if (link == null) {
                continue;
            }
            String number = link.text();
            link.removeAttr("title").removeClass("footnote")
                    .attr("aria-label", FinishedBody.placeholder("footnote.reference", number));
            ref.textNodes().forEach(TextNode::remove);
            ref.removeClass("footnote").addClass("footnote-ref");
        }
        if (footnotes == null) {
            return;
        }
        Element section = new Element("section").id("footnotes").addClass("footnotes")
                .attr("aria-labelledby", "footnotes-title");
        section.appendElement("h2").id("footnotes-title").text(FinishedBody.placeholder("footnote.title", ""));
        Element list = section.appendElement("ol");
        for (Element note : footnotes.select("div.footnote")) {
            Element back = note.selectFirst("a[href^=#_footnoteref_]");
            String number = back == null ? "" : back.text();
            if (back != null) {
                // Asciidoctor writes "<a>1</a>. text": the number becomes the list marker, the link a back link.
                if (back.nextSibling() instanceof TextNode dot) {
                    dot.text(dot.getWholeText().replaceFirst("^\\.\\s*", ""));
                }
                back.remove();
            }
            Element item = list.appendElement("li").id(note.id());
            item.appendChildren(new ArrayList<>(note.childNodes()));
            if (back != null) {
                item.appendText(" ");
                item.appendElement("a").attr("href", back.attr("href")).addClass("footnote-back")
                        .attr("aria-label", FinishedBody.placeholder("footnote.back", number)).text("↩");
            }
        }
        footnotes.replaceWith(section);
    }
}
