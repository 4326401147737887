package de.leitbild.publisher.bake;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.leitbild.publisher.content.UnsafeMarkupScanner;
import de.leitbild.publisher.i18n.MessageBundle;

/**
 * A document body ready for its template: cleaned HTML, its headings, the links it makes, and unsafe markup. Its
 * interface texts (footnote labels) are placeholders until {@link #in} puts in those of the reader's language.
 */
record FinishedBody(String html, List<TocEntry> toc, List<String> brokenAnchors, List<String> relativeLinks,
        List<String> foreignResources, List<UnsafeMarkupScanner.Finding> unsafeMarkup) {

    // Private-use characters, which no text needs and which are removed from a body before it is finished.
    private static final char START = '\uE000';
    private static final char ARGUMENT = '\uE001';
    private static final char END = '\uE002';
    private static final Pattern PLACEHOLDER = Pattern.compile(START + "([a-z.]+)" + ARGUMENT + "([^" + END + "]*)"
            + END);
    private static final Pattern RESERVED = Pattern.compile("[" + START + ARGUMENT + END + "]");

    /** A message of the bundle, with {@code argument} if not empty, to be filled in by {@link #in}. */
    static String placeholder(String key, String argument) {
        return START + key + ARGUMENT + argument + END;
    }

    static String withoutPlaceholders(String html) {
        return RESERVED.matcher(html).replaceAll("");
    }

    /** This body with the interface texts of {@code messages}, HTML-escaped. */
    FinishedBody in(MessageBundle messages) {
        Matcher matcher = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (matcher.find()) {
            String argument = matcher.group(2);
            String text = argument.isEmpty() ? messages.get(matcher.group(1))
                    : messages.format(matcher.group(1), argument);
            matcher.appendReplacement(out, Matcher.quoteReplacement(escape(text)));
        }
        matcher.appendTail(out);
        return new FinishedBody(out.toString(), toc, brokenAnchors, relativeLinks, foreignResources, unsafeMarkup);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
