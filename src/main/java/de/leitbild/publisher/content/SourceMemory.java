package de.leitbild.publisher.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.leitbild.publisher.cache.ContentDigest;

/**
 * What each source file gave the last reading of this process that found no problem: the document, by the digest
 * of the file's bytes. A process that builds the same site again and again (the build daemon, the preview) reads
 * every file again but decodes, scans, hashes and validates only those whose bytes changed; the others are the
 * same document as before. Only in such a process ({@link #keepBetweenBuilds}): a build in a process of its own
 * reads each file once and would only pay for the digests.
 *
 * <p>A memory holds for one stamp: the code, the configuration file and the attributes each language is
 * converted with. Another stamp (an edited jbake.properties or message bundle, another site) starts empty.
 */
final class SourceMemory {

    /** What one file gave: the digest of its bytes, the document, and its key in the conversion store. */
    record Known(String bytes, CatalogDocument document, String conversionKey) {
    }

    private static volatile boolean kept;
    private static volatile SourceMemory last = new SourceMemory("", Map.of());

    private final String stamp;
    private final Map<Path, Known> before;
    private final Map<Path, Known> now = new ConcurrentHashMap<>();

    private SourceMemory(String stamp, Map<Path, Known> before) {
        this.stamp = stamp;
        this.before = before;
    }

    /** Keeps what the files gave between the readings of this process (or, with false, no longer). */
    static void keepBetweenBuilds(boolean keep) {
        kept = keep;
        last = new SourceMemory("", Map.of());
    }

    /** The memory for a reading with {@code stamp}: what the last one with the same stamp left, if kept. */
    static SourceMemory forReading(String stamp) {
        SourceMemory previous = last;
        return new SourceMemory(stamp, kept && previous.stamp.equals(stamp) ? previous.now : Map.of());
    }

    /** Whether this reading notes what the files give (so that it should work out their digests). */
    boolean notes() {
        return kept;
    }

    /** The digest of a file's bytes, as {@link #recall} and {@link #note} take it. */
    static String digest(byte[] bytes) {
        return ContentDigest.of(bytes);
    }

    /** What {@code file} gave last time if its bytes have the digest {@code bytes}; else null. */
    Known recall(Path file, String bytes) {
        Known known = before.get(file);
        return known != null && known.bytes().equals(bytes) ? known : null;
    }

    /** Notes what {@code file} gave in this reading. */
    void note(Path file, Known known) {
        if (kept) {
            now.put(file, known);
        }
    }

    /** Makes this reading's notes the ones the next reading recalls: called when it found no problem. */
    void keep() {
        if (kept) {
            last = this;
        }
    }
}
