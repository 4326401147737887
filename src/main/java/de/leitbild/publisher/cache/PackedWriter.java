package de.leitbild.publisher.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds the contents of a cache file in memory: numbers as variable-length integers, texts as their length and
 * UTF-8 bytes. A cache file of millions of small numbers is written at memory speed this way, where a
 * DataOutputStream over a buffered stream pays a synchronized call per byte. {@link PackedReader} reads it.
 */
public final class PackedWriter {

    private byte[] bytes = new byte[1 << 16];
    private int size;

    /** A non-negative number in one to five bytes (seven bits each, the high bit says that more follow). */
    public void writeCount(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + value);
        }
        ensure(5);
        while (value >= 0x80) {
            bytes[size++] = (byte) (value | 0x80);
            value >>>= 7;
        }
        bytes[size++] = (byte) value;
    }

    public void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    public void writeText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeCount(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** Writes what was built so far, preceded by its length. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(size);
        out.write(bytes, 0, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
