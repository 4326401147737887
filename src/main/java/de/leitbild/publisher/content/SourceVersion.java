package de.leitbild.publisher.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a source text that a translation records in {@code :translation-of:}: the first 12 hex
 * digits of the SHA-256 of the text with its line endings normalised and without the attribute entries of
 * the header. Metadata (a brochure entry, a description) can change without outdating the translations;
 * a change of the title or of the text outdates them.
 */
public final class SourceVersion {

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
        StringBuilder kept = new StringBuilder(text.length());
        boolean inHeader = true;
        for (String line : text.split("\n", -1)) {
            if (inHeader && line.isBlank() && kept.length() > 0) {
                inHeader = false;
            }
            if (inHeader && line.matches(":!?[A-Za-z0-9_][A-Za-z0-9_-]*!?:.*")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        return kept.toString();
    }
}
