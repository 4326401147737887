package de.leitbild.publisher.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import de.leitbild.publisher.problem.Problem;

/**
 * Refuses markup that would run code in a reader's browser: {@code <script>}, event handler attributes and
 * {@code javascript:} addresses, whether written as raw HTML (passthrough) or as an AsciiDoc link. Safe mode
 * already stops includes from leaving the document's folder; this closes the other way a document could carry
 * script. The source scan names the exact line; the scan of the converted HTML is the second net for what the
 * source scan cannot see (included files, attribute references, character references).
 */
public final class UnsafeMarkupScanner {

    /** What kind of unsafe markup was found; the message is the same whichever scan finds it. */
    public enum Kind {
        SCRIPT, EVENT_HANDLER, JAVASCRIPT_ADDRESS;

        /** The sentence for the problem: what is wrong and what to do; {@code token} is what was found. */
        public String message(String token) {
            return switch (this) {
                case SCRIPT -> "raw HTML with a <script> element is not allowed: documents cannot run scripts "
                        + "(the pages' Content-Security-Policy blocks them too); remove the passthrough "
                        + "(++++ block, pass:[…] or +++…+++) and write the content in AsciiDoc";
                case EVENT_HANDLER -> "raw HTML with the event handler attribute " + token + "=… is not allowed: "
                        + "documents cannot run scripts; remove the passthrough (++++ block, pass:[…] or +++…+++) "
                        + "and write the content in AsciiDoc";
                case JAVASCRIPT_ADDRESS -> "a javascript: address is not allowed, neither as a link target nor in "
                        + "raw HTML: link to a document (xref:other.adoc[text]) or to a web address "
                        + "(https://…[text]) instead";
            };
        }
    }

    /** One piece of unsafe markup: its kind and the text that shows it (e.g. {@code onclick}). */
    public record Finding(Kind kind, String token) {
        public String message() {
            return kind.message(token);
        }
    }

    private static final Pattern SCRIPT = Pattern.compile("(?i)<\\s*script\\b");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)(?<=[\\s\"'/])(on[a-z]+)\\s*=");
    private static final Pattern JAVASCRIPT = Pattern.compile("(?i)javascript[\\t\\r\\n]*:");
    /** Where AsciiDoc takes an address: link:, xref:, image:, a link= attribute, or an attribute entry's value. */
    private static final Pattern JAVASCRIPT_TARGET = Pattern.compile("(?im)(?:\\blink:|\\bxref:|\\bimage::?"
            + "|\\blink\\s*=\\s*[\"']?|^:[A-Za-z0-9_][A-Za-z0-9_-]*!?:[ \\t]*)(?:pass:[a-z,]*\\[|\\+{1,3})?"
            + "\\s*javascript[\\t\\r\\n]*:");
    private static final Pattern INLINE_PASSTHROUGH = Pattern.compile(
            "(?s)\\+\\+\\+((?:(?!\\n[ \\t]*\\n).)+?)\\+\\+\\+"
                    + "|pass:[a-z,]*\\[((?:\\\\.|[^\\]\\\\])*)\\]"
                    + "|\\$\\$((?:(?!\\n[ \\t]*\\n).)+?)\\$\\$");
    private static final Pattern VERBATIM_DELIMITER = Pattern.compile("-{4,}|\\.{4,}|/{4,}");
    private static final Pattern PASSTHROUGH_DELIMITER = Pattern.compile("\\+{4,}");
    private static final Pattern PASS_STYLE = Pattern.compile("\\[pass(?:[,#.%\\]]).*");
    private static final Pattern VERBATIM_STYLE = Pattern.compile("\\[(?:source|listing|literal)(?:[,#.%\\]]).*");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "cite", "background");

    private UnsafeMarkupScanner() {
    }

    /** Scans the lines of an AsciiDoc source; every finding names its line. */
    public static List<Problem> scan(Path file, List<String> lines) {
        if (lines.stream().noneMatch(UnsafeMarkupScanner::mayHoldUnsafeMarkup)) {
            return List.of();
        }
        Source source = new Source(lines);
        Set<Problem> problems = new LinkedHashSet<>();
        for (int[] region : source.passthroughs) {
            findIn(source, region[0], region[1], file, problems);
        }
        String text = source.inlineText();
        // Most documents have neither passthroughs nor the word javascript: a plain search rules both out fast.
        Matcher inline = INLINE_PASSTHROUGH.matcher(
                text.contains("+++") || text.contains("pass:") || text.contains("$$") ? text : "");
        while (inline.find()) {
            int group = inline.group(1) != null ? 1 : inline.group(2) != null ? 2 : 3;
            findIn(source, inline.start(group), inline.end(group), file, problems);
        }
        // The address pattern tries its alternatives at every position: run it only where the word javascript is
        // followed by a colon at all ("Zum Lesen brauchen Sie kein JavaScript." is common and harmless).
        Matcher target = JAVASCRIPT_TARGET.matcher(JAVASCRIPT.matcher(text).find() ? text : "");
        while (target.find()) {
            problems.add(new Problem(file, source.lineAt(target.end() - 1),
                    Kind.JAVASCRIPT_ADDRESS.message("javascript:")));
        }
        return List.copyOf(problems);
    }

    /**
     * Whether a line can start anything the scan looks at: a passthrough ({@code ++++} blocks, {@code [pass]},
     * {@code +++…+++}, {@code pass:[…]}, {@code $$…$$}) or the word javascript. Most documents have no such line,
     * and a build of thousands of documents then skips the line-by-line analysis.
     */
    private static boolean mayHoldUnsafeMarkup(String line) {
        return line.contains("+++") || line.contains("[pass") || line.contains("pass:") || line.contains("$$")
                || containsJavascript(line);
    }

    /** The word javascript in any mix of ASCII case, as the patterns' (?i) sees it. */
    private static boolean containsJavascript(String line) {
        String word = "javascript";
        for (int i = 0, last = line.length() - word.length(); i <= last; i++) {
            if ((line.charAt(i) | 0x20) == 'j' && line.regionMatches(true, i, word, 0, word.length())
                    && asciiOnly(line, i, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiOnly(String text, int from, int length) {
        for (int k = from; k < from + length; k++) {
            if (text.charAt(k) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Scans converted HTML, the second net: finds what a document's source did not show line by line. */
    public static List<Finding> scan(Element html) {
        Set<Finding> findings = new LinkedHashSet<>();
        if (!html.select("script").isEmpty()) {
            findings.add(new Finding(Kind.SCRIPT, "<script"));
        }
        for (Element element : html.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    findings.add(new Finding(Kind.EVENT_HANDLER, name));
                } else if (URL_ATTRIBUTES.contains(name) && attribute.getValue()
                        .replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    findings.add(new Finding(Kind.JAVASCRIPT_ADDRESS, "javascript:"));
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void findIn(Source source, int start, int end, Path file, Set<Problem> problems) {
        String raw = source.text.substring(start, end);
        Matcher script = SCRIPT.matcher(raw);
        while (script.find()) {
            problems.add(new Problem(file, source.lineAt(start + script.start()), Kind.SCRIPT.message("<script")));
        }
        Matcher handler = EVENT_HANDLER.matcher(raw);
        while (handler.find()) {
            problems.add(new Problem(file, source.lineAt(start + handler.start()),
                    Kind.EVENT_HANDLER.message(handler.group(1).toLowerCase(Locale.ROOT))));
        }
        Matcher javascript = JAVASCRIPT.matcher(raw);
        while (javascript.find()) {
            problems.add(new Problem(file, source.lineAt(start + javascript.start()),
                    Kind.JAVASCRIPT_ADDRESS.message("javascript:")));
        }
    }

    /**
     * The source as one text with the line starts, the passthrough blocks (regions of raw HTML) and a mask of
     * the lines that AsciiDoc shows verbatim or ignores (listing, literal and comment blocks, line comments),
     * where {@code pass:[…]} or {@code javascript:} is only text.
     */
    private static final class Source {
        final String text;
        final int[] lineStarts;
        final List<int[]> passthroughs = new ArrayList<>();
        final boolean[] masked;

        Source(List<String> lines) {
            this.text = String.join("\n", lines);
            this.lineStarts = new int[lines.size() + 1];
            for (int i = 0, offset = 0; i < lines.size(); i++) {
                lineStarts[i] = offset;
                offset += lines.get(i).length() + 1;
            }
            lineStarts[lines.size()] = text.length() + 1;
            this.masked = new boolean[lines.size()];
            classify(lines);
        }

        private void classify(List<String> lines) {
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i).stripTrailing();
                if (VERBATIM_DELIMITER.matcher(line).matches() || PASSTHROUGH_DELIMITER.matcher(line).matches()) {
                    int close = closing(lines, i, line);
                    mask(i, close);
                    if (line.startsWith("+") && close > i + 1) {
                        passthroughs.add(new int[] {lineStarts[i + 1], lineStarts[close] - 1});
                    }
                    i = close + 1;
                } else if (PASS_STYLE.matcher(line).matches() || VERBATIM_STYLE.matcher(line).matches()) {
                    boolean pass = line.startsWith("[pass");
                    int first = i + 1;
                    String next = first < lines.size() ? lines.get(first).stripTrailing() : "";
                    int last;
                    if (next.equals("--") || VERBATIM_DELIMITER.matcher(next).matches()
                            || PASSTHROUGH_DELIMITER.matcher(next).matches()) {
                        last = closing(lines, first, next);
                        first++;
                    } else {
                        last = first;
                        while (last < lines.size() && !lines.get(last).isBlank()) {
                            last++;
                        }
                    }
                    mask(i, last);
                    if (pass && last > first) {
                        passthroughs.add(new int[] {lineStarts[first], lineStarts[last] - 1});
                    }
                    i = last + 1;
                } else {
                    if (line.startsWith("//")) {
                        masked[i] = true;
                    }
                    i++;
                }
            }
        }

        /** The line index of the delimiter that closes the block opened at {@code open}; an unclosed block runs to the end. */
        private static int closing(List<String> lines, int open, String delimiter) {
            for (int j = open + 1; j < lines.size(); j++) {
                if (lines.get(j).stripTrailing().equals(delimiter)) {
                    return j;
                }
            }
            return lines.size();
        }

        private void mask(int from, int to) {
            Arrays.fill(masked, from, Math.min(to + 1, masked.length), true);
        }

        /** The text where inline markup counts: masked lines are blanked, so offsets and lines stay the same. */
        String inlineText() {
            StringBuilder out = new StringBuilder(text);
            for (int i = 0; i < masked.length; i++) {
                if (masked[i]) {
                    for (int k = lineStarts[i]; k < lineStarts[i + 1] - 1; k++) {
                        out.setCharAt(k, ' ');
                    }
                }
            }
            return out.toString();
        }

        /** The 1-based line of a character offset. */
        int lineAt(int offset) {
            int index = Arrays.binarySearch(lineStarts, offset);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
