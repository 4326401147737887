package de.leitbild.publisher.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The version of a source text that a translation records in {@code :translation-of:}: the first 12 hex
 * digits of the SHA-256 of the text with its line endings normalised and without the attribute entries of
 * the header. Metadata (a brochure entry, a description) can change without outdating the translations;
 * a change of the title or of the text outdates them.
 */
public final class SourceVersion {

    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile(":!?[A-Za-z0-9_][A-Za-z0-9_-]*!?:.*");

    private SourceVersion() {
    }

    public static String of(String text) {
        try {
            byte[] bytes = withoutHeaderAttributes(text.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String withoutHeaderAttributes(String text) {
        // Line by line only up to the end of the header (its first blank line after a kept line): the body is
        // taken as it is, with the line break every kept line ends with.
        StringBuilder kept = new StringBuilder(text.length() + 1);
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            if (line.isBlank() && kept.length() > 0) {
                return kept.append(text, start, text.length()).append('\n').toString();
            }
            if (!ATTRIBUTE_ENTRY.matcher(line).matches()) {
                kept.append(line).append('\n');
            }
            if (end < 0) {
                return kept.toString();
            }
            start = end + 1;
        }
    }
}
