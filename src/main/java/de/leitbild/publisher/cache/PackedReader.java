package de.leitbild.publisher.cache;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads what a {@link PackedWriter} wrote; a damaged file ends in an IOException, never in nonsense sizes. */
public final class PackedReader {

    private final byte[] bytes;
    private int at;

    private PackedReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads the length-prefixed block {@link PackedWriter#writeTo} wrote. */
    public static PackedReader readFrom(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("damaged cache file");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("damaged cache file (cut short)");
        }
        return new PackedReader(bytes);
    }

    public int readCount() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = next();
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                if (value < 0) {
                    break;
                }
                return value;
            }
        }
        throw new IOException("damaged cache file (a number is too large)");
    }

    public long readLong() throws IOException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (next() & 0xffL);
        }
        return value;
    }

    public String readText() throws IOException {
        int length = readCount();
        if (length > bytes.length - at) {
            throw new IOException("damaged cache file (a text runs past its end)");
        }
        String text = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        return text;
    }

    private byte next() throws IOException {
        if (at >= bytes.length) {
            throw new IOException("damaged cache file (cut short)");
        }
        return bytes[at++];
    }
}
