package de.leitbild.publisher.bake;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.leitbild.publisher.content.UnsafeMarkupScanner;
import de.leitbild.publisher.i18n.MessageBundle;

/**
 * A document body ready for its template: cleaned HTML, its headings, the links it makes, unsafe markup, and its
 * text for the search. Its interface texts (footnote labels) are placeholders until {@link #in} and
 * {@link #textIn} put in those of the reader's language.
 */
record FinishedBody(String html, List<TocEntry> toc, List<String> brokenAnchors, List<String> relativeLinks,
        List<String> foreignResources, List<UnsafeMarkupScanner.Finding> unsafeMarkup, List<PageText.Part> text) {

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
        if (html.indexOf(START) < 0 && html.indexOf(ARGUMENT) < 0 && html.indexOf(END) < 0) {
            return html;
        }
        return RESERVED.matcher(html).replaceAll("");
    }

    /** This body with the interface texts of {@code messages}, HTML-escaped. */
    FinishedBody in(MessageBundle messages) {
        return new FinishedBody(filled(html, messages, true), toc, brokenAnchors, relativeLinks, foreignResources,
                unsafeMarkup, text);
    }

    /** The body's text for the search with the interface texts of {@code messages}. */
    List<PageText.Part> textIn(MessageBundle messages) {
        return text.stream().map(part -> new PageText.Part(part.anchor(),
                part.heading() == null ? null : filled(part.heading(), messages, false),
                filled(part.text(), messages, false))).toList();
    }

    private static String filled(String withPlaceholders, MessageBundle messages, boolean escaped) {
        if (withPlaceholders.indexOf(START) < 0) {
            return withPlaceholders;
        }
        Matcher matcher = PLACEHOLDER.matcher(withPlaceholders);
        StringBuilder out = new StringBuilder(withPlaceholders.length() + 256);
        while (matcher.find()) {
            String argument = matcher.group(2);
            String text = argument.isEmpty() ? messages.get(matcher.group(1))
                    : messages.format(matcher.group(1), argument);
            matcher.appendReplacement(out, Matcher.quoteReplacement(escaped ? escape(text) : text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The HTML as UTF-8, cut at the placeholders, so that each reader's language only encodes its labels. */
    EncodedBody encoded() {
        List<byte[]> literals = new java.util.ArrayList<>();
        List<String> keys = new java.util.ArrayList<>();
        List<String> arguments = new java.util.ArrayList<>();
        int from = 0;
        for (int start = html.indexOf(START); start >= 0; start = html.indexOf(START, from)) {
            int argument = html.indexOf(ARGUMENT, start);
            int end = html.indexOf(END, start);
            literals.add(html.substring(from, start).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            keys.add(html.substring(start + 1, argument));
            arguments.add(html.substring(argument + 1, end));
            from = end + 1;
        }
        literals.add(html.substring(from).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new EncodedBody(literals, keys, arguments);
    }

    /** A body as UTF-8 pieces with the interface texts between them left open. */
    record EncodedBody(List<byte[]> literals, List<String> keys, List<String> arguments) {

        /** Writes the body with the texts of {@code messages}, as {@link #in} would put them in. */
        void writeTo(java.io.ByteArrayOutputStream out, MessageBundle messages) {
            for (int i = 0; i < keys.size(); i++) {
                out.writeBytes(literals.get(i));
                String argument = arguments.get(i);
                String text = argument.isEmpty() ? messages.get(keys.get(i)) : messages.format(keys.get(i), argument);
                out.writeBytes(escape(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.writeBytes(literals.get(keys.size()));
        }

        int size() {
            return literals.stream().mapToInt(b -> b.length).sum() + 64 * keys.size();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
