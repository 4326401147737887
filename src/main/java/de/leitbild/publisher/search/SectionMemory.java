package de.leitbild.publisher.search;

import static de.leitbild.publisher.cache.CacheFile.readText;
import static de.leitbild.publisher.cache.CacheFile.writeText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import de.leitbild.publisher.bake.PageText;
import de.leitbild.publisher.cache.CacheFile;
import de.leitbild.publisher.cache.SavedInProcess;

/**
 * The sections of each page of a language as the last build read them, so that a build reads only the pages
 * whose bytes changed. A page is known by its path, size and two checksums of its bytes; the memory also names
 * the code that read it, so a new version of the extractor starts afresh. Losing the file only costs time.
 */
final class SectionMemory {

    private static final int FORMAT = 1;

    private final Path file;
    private final String codeStamp;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    /** The pages this process saved last: a process that builds again need not read them back. */
    private static final SavedInProcess<Map<String, Entry>> SAVED = new SavedInProcess<>(FORMAT);

    private record Entry(long size, long checksum, List<SearchSection> sections) {
    }

    private SectionMemory(Path file, String codeStamp, Map<String, Entry> previous) {
        this.file = file;
        this.codeStamp = codeStamp;
        this.previous = previous;
    }

    /** Remembers nothing and saves nothing. */
    static SectionMemory none() {
        return new SectionMemory(null, "", Map.of());
    }

    /** The memory in {@code file} if it was written by the code {@code codeStamp}; else an empty one. */
    static SectionMemory load(Path file, String codeStamp) {
        Map<String, Entry> known = SAVED.read(file, codeStamp, in -> {
            Map<String, Entry> entries = new TreeMap<>();
            int pages = in.readInt();
            for (int p = 0; p < pages; p++) {
                String url = readText(in);
                long size = in.readLong();
                long checksum = in.readLong();
                int count = in.readInt();
                List<SearchSection> sections = new ArrayList<>(count);
                for (int s = 0; s < count; s++) {
                    sections.add(new SearchSection(s, readText(in), readText(in), readText(in), readText(in),
                            readText(in)));
                }
                entries.put(url, new Entry(size, checksum, List.copyOf(sections)));
            }
            return java.util.Collections.unmodifiableMap(entries);
        });
        return new SectionMemory(file, codeStamp, known != null ? known : Map.of());
    }

    /** A page's sections, numbered from 0, and what its bytes were (size and checksum). */
    record Page(String url, long size, long checksum, List<SearchSection> sections) {
    }

    /**
     * The page {@code page} with its sections, read again only if its bytes changed: from {@code baked}, the text
     * the bake stage wrote it with, if it hands it over (null if not), else from the page.
     */
    Page page(Path page, String url, PageText baked) throws IOException {
        byte[] html = Files.readAllBytes(page);
        long checksum = checksum(html);
        Entry known = previous.get(url);
        if (known == null || known.size() != html.length || known.checksum() != checksum) {
            known = new Entry(html.length, checksum, baked != null ? SectionExtractor.sections(baked, url)
                    : SectionExtractor.sections(html, url));
        }
        if (file != null) {
            current.put(url, known);
        }
        return new Page(url, known.size(), known.checksum(), known.sections());
    }

    /** Two independent 32-bit checksums of the bytes, as one number. */
    private static long checksum(byte[] bytes) {
        CRC32C first = new CRC32C();
        first.update(bytes);
        CRC32 second = new CRC32();
        second.update(bytes);
        return first.getValue() << 32 | second.getValue();
    }

    /** Writes the sections of the pages read in this build (and only those). */
    void save() throws IOException {
        if (file == null) {
            return;
        }
        SAVED.write(file, codeStamp, java.util.Collections.unmodifiableMap(current), out -> {
            Map<String, Entry> sorted = new TreeMap<>(current);
            out.writeInt(sorted.size());
            for (var page : sorted.entrySet()) {
                writeText(out, page.getKey());
                out.writeLong(page.getValue().size());
                out.writeLong(page.getValue().checksum());
                out.writeInt(page.getValue().sections().size());
                for (SearchSection s : page.getValue().sections()) {
                    writeText(out, s.url());
                    writeText(out, s.page());
                    writeText(out, s.heading());
                    writeText(out, s.pageTitleField());
                    writeText(out, s.text());
                }
            }
        });
    }

    // A section's text can be longer than writeUTF's 64 kB.

}
