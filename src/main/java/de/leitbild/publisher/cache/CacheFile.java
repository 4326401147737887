package de.leitbild.publisher.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file of the build cache: what one build keeps for the next (conversions, page fingerprints, search
 * sections and word analyses). Written beside and renamed, so that a reader never sees half a file; texts are
 * stored as a length and UTF-8 bytes. A cache file is only a shortcut: a build that cannot read one does the
 * work again, and one that cannot write one only leaves the next build slower.
 */
public final class CacheFile {

    /** Texts longer than this mean a damaged file, not a document. */
    private static final int MAX_TEXT_BYTES = 1 << 28;

    private CacheFile() {
    }

    /** What writes a cache file's contents. */
    public interface Contents {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code contents} writes, atomically; returns the attributes of the file
     * written (as they were before it took the place of {@code file}, so that they are its own even if another
     * process replaced it again at once).
     */
    public static BasicFileAttributes write(Path file, Contents contents) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream stream = Files.newOutputStream(partial);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
            contents.writeTo(out);
        }
        BasicFileAttributes written = Files.readAttributes(partial, BasicFileAttributes.class);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    /** Opens a cache file for reading. */
    public static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    public static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_TEXT_BYTES) {
            throw new IOException("damaged cache file");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Writing that may fail on a full or read-only disk. */
    public interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write} now; a failure is only noted on standard error. */
    public static void keep(String what, Write write) {
        try {
            write.run();
        } catch (IOException e) {
            System.err.println("note: the build cache (" + what + ") could not be saved (" + e.getMessage()
                    + "); the next build does that part of its work again");
        }
    }
}
