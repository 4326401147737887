package de.leitbild.publisher.content;

import static de.leitbild.publisher.cache.CacheFile.readText;
import static de.leitbild.publisher.cache.CacheFile.writeText;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import de.leitbild.publisher.cache.CacheFile;
import de.leitbild.publisher.cache.ContentDigest;
import de.leitbild.publisher.cache.SavedInProcess;
import de.leitbild.publisher.problem.Problem;

/**
 * The conversions of the last build, kept on disk between builds by the hash of everything a conversion depends
 * on: the file's path and text, the attributes it was converted with, and the code that converted it. A rebuild
 * converts only the documents whose hash is new; the store then holds exactly the documents of this build, so it
 * never grows beyond the site.
 *
 * <p>The store is a folder of {@value #SHARDS} files, each holding the conversions whose hash starts alike. A
 * build writes only the files whose set of conversions changed: after an edit of one document, one or two files
 * of some 0.7 MB (at 2,000 documents) instead of all 43 MB.
 */
public final class ConversionStore {

    private static final int FORMAT = 2;
    static final int SHARDS = 64;
    /** The conversions this process saved last, per file: a process that builds again need not read them back. */
    private static final SavedInProcess<Map<String, AsciidocEngine.Conversion>> SAVED =
            new SavedInProcess<>(FORMAT, 4 * SHARDS);

    private final Path folder;
    private final String codeStamp;
    private Map<String, AsciidocEngine.Conversion> previous;
    /** Per file, the hashes it held when this build read it; a file read as damaged or missing has none. */
    private final Map<Integer, Set<String>> found = new HashMap<>();
    private final Map<String, AsciidocEngine.Conversion> current = new ConcurrentHashMap<>();
    /** A language's attributes are one map for all its documents: written out once, not per document. */
    private final Map<Map<String, Object>, String> attributeTexts =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private ConversionStore(Path folder, String codeStamp, Map<String, AsciidocEngine.Conversion> previous) {
        this.folder = folder;
        this.codeStamp = codeStamp;
        this.previous = previous;
    }

    /** A store that remembers nothing: every document is converted. */
    public static ConversionStore none() {
        return new ConversionStore(null, "", Map.of());
    }

    /**
     * The store in {@code folder}, as the last build left it; an unreadable or outdated file counts as empty, as
     * the store is only a shortcut. {@code codeStamp} names the code that converts.
     */
    public static ConversionStore load(Path folder, String codeStamp) {
        // Read when first needed, on the thread that needs it: while the build reads the sources, the other
        // processor core is busy starting JRuby.
        return new ConversionStore(folder, codeStamp, null);
    }

    /** The conversions of the last build, read from the files on first use. */
    private synchronized Map<String, AsciidocEngine.Conversion> previous() {
        if (previous == null) {
            Map<String, AsciidocEngine.Conversion> known = new HashMap<>();
            for (int shard = 0; shard < SHARDS; shard++) {
                Map<String, AsciidocEngine.Conversion> held = read(shardFile(shard), codeStamp);
                if (held != null) {
                    known.putAll(held);
                    found.put(shard, held.keySet());
                }
            }
            previous = known;
        }
        return previous;
    }

    private Path shardFile(int shard) {
        return folder.resolve(HexFormat.of().toHexDigits((byte) shard) + ".bin");
    }

    private static int shardOf(String key) {
        return Integer.parseInt(key, 0, 2, 16) % SHARDS;
    }

    /** What {@code file} holds; null if it is missing, damaged or of other code. */
    private static Map<String, AsciidocEngine.Conversion> read(Path file, String codeStamp) {
        return SAVED.read(file, codeStamp, in -> {
            Map<String, AsciidocEngine.Conversion> known = new HashMap<>();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                known.put(key, readConversion(in));
            }
            return Collections.unmodifiableMap(known);
        });
    }

    /** The conversion of {@code text}: from the store if an earlier build converted the same, else by the engine. */
    public AsciidocEngine.Conversion convert(AsciidocEngine engine, Path source, String text,
            Map<String, Object> attributes) {
        return convert(engine, source, text, attributes, keyFor(source, text, attributes));
    }

    /** The same, with the {@link #keyFor key} worked out already. */
    AsciidocEngine.Conversion convert(AsciidocEngine engine, Path source, String text,
            Map<String, Object> attributes, String key) {
        if (key == null) {
            return engine.convert(source, text, attributes);
        }
        AsciidocEngine.Conversion conversion = previous().get(key);
        if (conversion == null || !conversion.file().equals(source)) {
            conversion = engine.convert(source, text, attributes);
        }
        current.put(key, conversion);
        return conversion;
    }

    /**
     * The key under which the store keeps the conversion of {@code text}; null if it keeps none: no store, or
     * a text that includes another file, which may have changed without the including text changing.
     */
    String keyFor(Path source, String text, Map<String, Object> attributes) {
        if (folder == null || text.contains("include::")) {
            return null;
        }
        return new ContentDigest().add(source.toString()).add(text)
                .add(attributeTexts.computeIfAbsent(attributes, a -> new TreeMap<>(a).toString())).hex();
    }

    /** Counts {@code conversion}, which this process knew already under {@code key}, as one of this build's. */
    void taken(String key, AsciidocEngine.Conversion conversion) {
        if (folder != null) {
            current.put(key, conversion);
        }
    }

    /** How many documents this build took from the store instead of converting them. */
    public long reused() {
        Map<String, AsciidocEngine.Conversion> known = previous();
        return current.keySet().stream().filter(known::containsKey).count();
    }

    /**
     * Keeps this build's conversions for the next one: each file whose conversions changed is replaced
     * atomically, one that would hold none is deleted, the others stay as they are.
     */
    public void save() throws IOException {
        if (folder == null) {
            return;
        }
        previous();
        Map<Integer, Map<String, AsciidocEngine.Conversion>> shards = new TreeMap<>();
        current.forEach((key, conversion) -> shards.computeIfAbsent(shardOf(key), s -> new TreeMap<>())
                .put(key, conversion));
        // The single file an earlier version of the store kept, beside the folder.
        Files.deleteIfExists(folder.resolveSibling(folder.getFileName() + ".bin"));
        for (int shard = 0; shard < SHARDS; shard++) {
            Map<String, AsciidocEngine.Conversion> held = shards.getOrDefault(shard, Map.of());
            Path file = shardFile(shard);
            if (held.isEmpty()) {
                Files.deleteIfExists(file);
            } else if (!held.keySet().equals(found.get(shard))) {
                SAVED.write(file, codeStamp, Collections.unmodifiableMap(held), out -> {
                    out.writeInt(held.size());
                    for (Map.Entry<String, AsciidocEngine.Conversion> entry : held.entrySet()) {
                        out.writeUTF(entry.getKey());
                        writeConversion(out, entry.getValue());
                    }
                });
            }
        }
    }

    private static void writeConversion(DataOutputStream out, AsciidocEngine.Conversion conversion)
            throws IOException {
        writeText(out, conversion.file().toString());
        writeText(out, conversion.title());
        Map<String, String> attributes = new TreeMap<>();
        conversion.attributes().forEach((k, v) -> attributes.put(k, String.valueOf(v)));
        out.writeInt(attributes.size());
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            writeText(out, attribute.getKey());
            writeText(out, attribute.getValue());
        }
        writeText(out, conversion.html());
        out.writeInt(conversion.problems().size());
        for (Problem problem : conversion.problems()) {
            writeText(out, problem.file().toString());
            out.writeInt(problem.line());
            writeText(out, problem.message());
        }
    }

    private static AsciidocEngine.Conversion readConversion(DataInputStream in) throws IOException {
        Path source = Path.of(readText(in));
        String title = readText(in);
        int attributeCount = in.readInt();
        Map<String, Object> attributes = new TreeMap<>();
        for (int i = 0; i < attributeCount; i++) {
            String name = readText(in);
            attributes.put(name, readText(in));
        }
        String html = readText(in);
        int problemCount = in.readInt();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < problemCount; i++) {
            Path problemFile = Path.of(readText(in));
            int line = in.readInt();
            problems.add(new Problem(problemFile, line, readText(in)));
        }
        return new AsciidocEngine.Conversion(source, title, java.util.Collections.unmodifiableMap(attributes), html,
                List.copyOf(problems));
    }



    /** Names the code of this build, so that an update of the generator throws away what the old one made. */
    public static String codeStamp(Class<?> anyClassOfTheGenerator) {
        try {
            Path location = Path.of(anyClassOfTheGenerator.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            if (Files.isRegularFile(location)) {
                return location.getFileName() + ":" + Files.size(location) + ":"
                        + Files.getLastModifiedTime(location).toMillis();
            }
            // Classes in a folder (tests, an IDE): the newest class file stands for the code.
            try (var walk = Files.walk(location)) {
                long newest = walk.filter(p -> p.toString().endsWith(".class")).mapToLong(p -> {
                    try {
                        return Files.getLastModifiedTime(p).toMillis();
                    } catch (IOException e) {
                        return 0;
                    }
                }).max().orElse(0);
                return "classes:" + newest;
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unknown:" + System.nanoTime();
        }
    }
}
