package de.leitbild.publisher.search;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of what an index file is written from (its strings and numbers, not its JSON): equal fingerprints
 * mean equal files, so a rebuild takes a file over from the published site instead of writing it again, and
 * finds that out for a fraction of what writing the JSON and compressing it would cost.
 */
final class ContentFingerprint {

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 13);

    /** A fingerprint that starts with {@code stamp}: the code (and format) that writes the file. */
    ContentFingerprint(String stamp) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        add(stamp);
    }

    ContentFingerprint add(int value) {
        room(4);
        buffer.putInt(value);
        return this;
    }

    /** Adds the string with its length, so that ("ab", "c") and ("a", "bc") differ. */
    ContentFingerprint add(String text) {
        add(text.length());
        for (int i = 0; i < text.length(); i++) {
            room(2);
            buffer.putChar(text.charAt(i));
        }
        return this;
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            digest.update(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** The fingerprint in hex; the object is used up. */
    String hex() {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
        return HexFormat.of().formatHex(digest.digest());
    }
}
