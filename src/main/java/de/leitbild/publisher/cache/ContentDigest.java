package de.leitbild.publisher.cache;

/**
 * A 128-bit digest of what a cached result is made of (a document's source, a body, the content of an index
 * file), fed value by value. Two independent 64-bit multiply-and-mix lanes over 64-bit words: no cryptographic
 * strength, which a build cache does not need (nobody gains from making two of their own documents collide), but
 * about ten times faster than SHA-256 with the runtime's client compiler, which a build runs with, and no
 * encoding of text to bytes. Each value is fed with its length, so that ("ab", "c") and ("a", "bc") differ.
 */
public final class ContentDigest {

    private static final long PRIME_A = 0x9E3779B97F4A7C15L;
    private static final long PRIME_B = 0xC2B2AE3D27D4EB4FL;

    private long a = 0x243F6A8885A308D3L;
    private long b = 0x13198A2E03707344L;
    private long words;

    /** The digest of one text. */
    public static String of(String text) {
        return new ContentDigest().add(text).hex();
    }

    /** The digest of bytes (a template, an asset). */
    public static String of(byte[] bytes) {
        return new ContentDigest().add(bytes).hex();
    }

    public ContentDigest add(int value) {
        return word(value);
    }

    public ContentDigest add(long value) {
        return word(value);
    }

    /** Adds the text, four characters to a word. */
    public ContentDigest add(String text) {
        int length = text.length();
        word(length);
        int i = 0;
        for (; i + 3 < length; i += 4) {
            word(text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48);
        }
        if (i < length) {
            long last = 0;
            for (int shift = 0; i < length; i++, shift += 16) {
                last |= (long) text.charAt(i) << shift;
            }
            word(last);
        }
        return this;
    }

    /** Adds the bytes, eight to a word. */
    public ContentDigest add(byte[] bytes) {
        word(bytes.length);
        int i = 0;
        for (; i + 7 < bytes.length; i += 8) {
            word((bytes[i] & 0xFFL) | (bytes[i + 1] & 0xFFL) << 8 | (bytes[i + 2] & 0xFFL) << 16
                    | (bytes[i + 3] & 0xFFL) << 24 | (bytes[i + 4] & 0xFFL) << 32 | (bytes[i + 5] & 0xFFL) << 40
                    | (bytes[i + 6] & 0xFFL) << 48 | (bytes[i + 7] & 0xFFL) << 56);
        }
        if (i < bytes.length) {
            long last = 0;
            for (int shift = 0; i < bytes.length; i++, shift += 8) {
                last |= (bytes[i] & 0xFFL) << shift;
            }
            word(last);
        }
        return this;
    }

    private ContentDigest word(long word) {
        a = Long.rotateLeft((a ^ word) * PRIME_A, 29);
        b = Long.rotateLeft(b + word, 23) * PRIME_B;
        words++;
        return this;
    }

    /** The digest in hex, 32 digits. */
    public String hex() {
        long first = mix(a ^ words);
        long second = mix(b ^ a >>> 17 ^ Long.rotateLeft(words, 32));
        return String.format("%016x%016x", first, second);
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC9L;
        return h ^ h >>> 33;
    }
}
