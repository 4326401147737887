package de.leitbild.publisher.bake;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Splits the body of a document page into the {@link PageText.Part}s the search indexes, leaving out the footnote
 * marks in the text and the links back from the footnotes. The one definition of a page's searchable text: the
 * bake stage applies it to the body it finishes, the search stage to a page it reads from disk.
 */
public final class TextSections {

    private TextSections() {
    }

    /** The parts of {@code body}, the element whose content is the document's body. */
    public static List<PageText.Part> of(Element body) {
        Collector collector = new Collector();
        NodeTraversor.filter(collector, body);
        collector.finish();
        return collector.parts;
    }

    /** {@code text} as a page shows it in an element of its own (a title, a lead): white space collapsed, trimmed. */
    public static String asShown(String text) {
        return new Element("p").appendText(text).text();
    }

    /**
     * The text as the search reads it: every run of white space one space, where white space is what the regular
     * expression {@code \s} matches (space, tab, line feed, vertical tab, form feed, carriage return) and the
     * no-break space, and without zero-width spaces and soft hyphens, which split no word. This is what collapsing
     * {@code \s+} gives after jsoup's text of each text node (which turns a no-break space into a space and drops
     * the invisible characters), in one pass over a whole part instead of one per text node.
     */
    public static String collapseWhitespace(CharSequence text) {
        int length = text.length();
        char[] chars = new char[length];
        if (text instanceof String string) {
            string.getChars(0, length, chars, 0);
        } else if (text instanceof StringBuilder builder) {
            builder.getChars(0, length, chars, 0);
        } else {
            for (int i = 0; i < length; i++) {
                chars[i] = text.charAt(i);
            }
        }
        int kept = 0;
        boolean inRun = false;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0') {
                if (!inRun) {
                    chars[kept++] = ' ';
                    inRun = true;
                }
            } else if (c != '\u200B' && c != '\u00AD') {
                chars[kept++] = c;
                inRun = false;
            }
        }
        return new String(chars, 0, kept);
    }

    private static final class Collector implements NodeFilter {
        private final List<PageText.Part> parts = new ArrayList<>();
        private String anchor = "";
        private String heading;
        private StringBuilder text = new StringBuilder();
        private Element currentHeading;
        /** Whether the traversal is within the current heading, whose text is the heading, not the part's. */
        private boolean inHeading;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
                if (isFootnoteMark(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (isSectionHeading(e)) {
                    finish();
                    anchor = e.id();
                    heading = withoutFootnoteMarks(e).text();
                    currentHeading = e;
                    inHeading = true;
                } else if (e.isBlock()) {
                    text.append(' ');
                }
            } else if (node instanceof TextNode t && !inHeading) {
                // Collapsed when the part ends: see collapseWhitespace.
                text.append(t.getWholeText());
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node == currentHeading) {
                // The traversal is depth first: the heading's text has all been visited.
                inHeading = false;
            }
            if (node instanceof Element e && e.isBlock()) {
                text.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        /** A footnote's number in the text or the link back to it: marks, not words. */
        private static boolean isFootnoteMark(Element e) {
            return e.hasClass("footnote-back") || e.normalName().equals("sup") && e.hasClass("footnote-ref");
        }

        /** The heading itself, or a copy without its footnote marks if it has any. */
        private static Element withoutFootnoteMarks(Element heading) {
            if (heading.selectFirst(".footnote-back, sup.footnote-ref") == null) {
                return heading;
            }
            Element copy = heading.clone();
            copy.select(".footnote-back, sup.footnote-ref").remove();
            return copy;
        }

        /** h2, h3 or h4 with an id (no regular expression: this runs for every element of every page). */
        private static boolean isSectionHeading(Element e) {
            String tag = e.normalName();
            return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '2' && tag.charAt(1) <= '4'
                    && e.hasAttr("id");
        }

        /** Ends the current part; every part is kept, the search stage decides which are sections. */
        void finish() {
            parts.add(new PageText.Part(anchor, heading, collapseWhitespace(text).strip()));
            text = new StringBuilder();
        }
    }
}
