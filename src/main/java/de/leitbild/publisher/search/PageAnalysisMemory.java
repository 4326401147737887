package de.leitbild.publisher.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

import de.leitbild.publisher.cache.ContentDigest;
import de.leitbild.publisher.cache.PackedReader;
import de.leitbild.publisher.cache.PackedWriter;
import de.leitbild.publisher.cache.SavedInProcess;

/**
 * What the analyzer made of each page of a language in the last build (its distinct words and each section's
 * field terms), so that a build analyses only the pages that changed. A page is known by its bytes (as
 * {@link SectionMemory} knows it); its analysis holds as long as the analysis of each of its words does, which
 * depends on the compound dictionary: the memory names the dictionary it was made with, and a page is taken over
 * after the dictionary changed only if {@link WordMemory} still vouches for every word of it. The memory also
 * names the code and analyzer it was made with; losing it only costs time.
 */
final class PageAnalysisMemory {

    private static final int FORMAT = 3;

    /** The distinct whitespace-separated words of a page's fields, and its sections' terms in section order. */
    record PageAnalysis(String[] words, ScoredPostings.SectionTerms[] sections) {
    }

    private record Entry(long size, long checksum, PageAnalysis analysis) {
    }

    private final Path file;
    private final String codeStamp;
    private final String dictionary;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> current = new ConcurrentHashMap<>();
    /** What this process saved last: a process that builds again need not read it back. */
    private static final SavedInProcess<Saved> SAVED = new SavedInProcess<>(FORMAT);

    private record Saved(String dictionary, Map<String, Entry> pages) {
    }

    private PageAnalysisMemory(Path file, String codeStamp, String dictionary, Map<String, Entry> previous) {
        this.file = file;
        this.codeStamp = codeStamp;
        this.dictionary = dictionary;
        this.previous = previous;
    }

    /** Remembers nothing and saves nothing. */
    static PageAnalysisMemory none() {
        return new PageAnalysisMemory(null, "", "", Map.of());
    }

    /** The memory in {@code file} if it was written by the code {@code codeStamp}; else an empty one. */
    static PageAnalysisMemory load(Path file, String codeStamp) {
        Saved saved = SAVED.read(file, codeStamp, in -> {
            String dictionary = in.readUTF();
            // Words and terms recur on many pages: each is stored once and shared.
            String[] texts = new String[in.readInt()];
            PackedReader table = PackedReader.readFrom(in);
            for (int i = 0; i < texts.length; i++) {
                texts[i] = table.readText();
            }
            PackedReader packed = PackedReader.readFrom(in);
            Map<String, Entry> known = new HashMap<>();
            int pages = packed.readCount();
            for (int p = 0; p < pages; p++) {
                String url = packed.readText();
                long size = packed.readLong();
                long checksum = packed.readLong();
                String[] words = readTexts(packed, texts);
                ScoredPostings.SectionTerms[] sections = new ScoredPostings.SectionTerms[packed.readCount()];
                for (int s = 0; s < sections.length; s++) {
                    TermAnalysis.FieldTerms[] fields = new TermAnalysis.FieldTerms[packed.readCount()];
                    for (int f = 0; f < fields.length; f++) {
                        fields[f] = readField(packed, texts);
                    }
                    sections[s] = new ScoredPostings.SectionTerms(fields);
                }
                known.put(url, new Entry(size, checksum, new PageAnalysis(words, sections)));
            }
            return new Saved(dictionary, java.util.Collections.unmodifiableMap(known));
        });
        return saved == null ? new PageAnalysisMemory(file, codeStamp, "", Map.of())
                : new PageAnalysisMemory(file, codeStamp, saved.dictionary(), saved.pages());
    }

    /** The distinct words of {@code page} as the last build found them, or null if the page changed since. */
    String[] words(SectionMemory.Page page) {
        Entry known = unchanged(page);
        return known == null ? null : known.analysis().words();
    }

    /**
     * The page analyses that still hold with this build's compound dictionary: all of them if the dictionary
     * is the one they were made with; else, when the analyzer works word by word and {@code words} was made with
     * the same dictionary as this memory, those of the pages all of whose words {@code words} still holds
     * ({@link WordMemory#validFor} dropped the words a changed entry occurs in); else none.
     */
    Valid validFor(SortedSet<String> current, boolean wordByWord, WordMemory.Stored stored, WordMemory words) {
        String now = fingerprint(current);
        if (dictionary.equals(now)) {
            return page -> {
                Entry known = unchanged(page);
                return known == null ? null : known.analysis();
            };
        }
        if (wordByWord && !dictionary.isEmpty() && dictionary.equals(fingerprint(stored.dictionary()))) {
            Map<String, TermAnalysis.Analysed> remembered = words.remembered();
            return page -> {
                Entry known = unchanged(page);
                if (known == null) {
                    return null;
                }
                for (String word : known.analysis().words()) {
                    if (!remembered.containsKey(word)) {
                        return null;
                    }
                }
                return known.analysis();
            };
        }
        return page -> null;
    }

    /** Which page analyses of the last build this build takes over. */
    interface Valid {
        /** The analysis of {@code page} if it still holds, else null. */
        PageAnalysis of(SectionMemory.Page page);
    }

    private Entry unchanged(SectionMemory.Page page) {
        Entry known = previous.get(page.url());
        return known != null && known.size() == page.size() && known.checksum() == page.checksum() ? known : null;
    }

    /** Notes the analysis of a page of this build, to be saved for the next one. */
    void remember(SectionMemory.Page page, PageAnalysis analysis) {
        if (file != null) {
            current.put(page.url(), new Entry(page.size(), page.checksum(), analysis));
        }
    }

    /** Writes the analyses of this build's pages (and only those) and the dictionary they were made with. */
    void save(SortedSet<String> dictionaryNow) throws IOException {
        if (file == null) {
            return;
        }
        // One pass: each text gets its number when first met, the table of texts is written before the pages.
        // In no particular order: the file is only read back into a map.
        Map<String, Integer> ids = new HashMap<>();
        PackedWriter table = new PackedWriter();
        PackedWriter packed = new PackedWriter();
        packed.writeCount(current.size());
        for (var page : current.entrySet()) {
            packed.writeText(page.getKey());
            packed.writeLong(page.getValue().size());
            packed.writeLong(page.getValue().checksum());
            writeIds(packed, page.getValue().analysis().words(), ids, table);
            ScoredPostings.SectionTerms[] sections = page.getValue().analysis().sections();
            packed.writeCount(sections.length);
            for (ScoredPostings.SectionTerms section : sections) {
                packed.writeCount(section.fields().length);
                for (TermAnalysis.FieldTerms field : section.fields()) {
                    writeIds(packed, field.terms(), ids, table);
                    for (int freq : field.freqs()) {
                        packed.writeCount(freq);
                    }
                    packed.writeCount(field.tokens());
                    packed.writeCount(field.overlaps());
                }
            }
        }
        int textCount = ids.size();
        String dictionaryFingerprint = fingerprint(dictionaryNow);
        Saved saved = new Saved(dictionaryFingerprint, java.util.Collections.unmodifiableMap(current));
        SAVED.write(file, codeStamp, saved, out -> {
            out.writeUTF(dictionaryFingerprint);
            out.writeInt(textCount);
            table.writeTo(out);
            packed.writeTo(out);
        });
    }

    /** A fingerprint of a compound dictionary: a digest of its entries in order. */
    static String fingerprint(SortedSet<String> dictionary) {
        ContentDigest digest = new ContentDigest().add(dictionary.size());
        for (String entry : dictionary) {
            digest.add(entry);
        }
        return digest.hex();
    }

    private static void writeIds(PackedWriter out, String[] texts, Map<String, Integer> ids, PackedWriter table) {
        out.writeCount(texts.length);
        for (String text : texts) {
            Integer id = ids.get(text);
            if (id == null) {
                id = ids.size();
                ids.put(text, id);
                table.writeText(text);
            }
            out.writeCount(id);
        }
    }

    private static String[] readTexts(PackedReader in, String[] texts) throws IOException {
        String[] result = new String[in.readCount()];
        for (int i = 0; i < result.length; i++) {
            result[i] = texts[in.readCount()];
        }
        return result;
    }

    private static TermAnalysis.FieldTerms readField(PackedReader in, String[] texts) throws IOException {
        String[] terms = readTexts(in, texts);
        if (terms.length == 0) {
            int tokens = in.readCount();
            int overlaps = in.readCount();
            return tokens == 0 && overlaps == 0 ? TermAnalysis.FieldTerms.EMPTY
                    : new TermAnalysis.FieldTerms(terms, new int[0], tokens, overlaps);
        }
        int[] freqs = new int[terms.length];
        for (int i = 0; i < freqs.length; i++) {
            freqs[i] = in.readCount();
        }
        return new TermAnalysis.FieldTerms(terms, freqs, in.readCount(), in.readCount());
    }
}
