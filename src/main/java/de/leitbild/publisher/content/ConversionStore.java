package de.leitbild.publisher.content;

import static de.leitbild.publisher.cache.CacheFile.readText;
import static de.leitbild.publisher.cache.CacheFile.writeText;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 */
public final class ConversionStore {

    private static final int FORMAT = 1;
    /** The conversions this process saved last: a process that builds again need not read them back. */
    private static final SavedInProcess<Map<String, AsciidocEngine.Conversion>> SAVED = new SavedInProcess<>();

    private final Path file;
    private final String codeStamp;
    private Map<String, AsciidocEngine.Conversion> previous;
    private final Map<String, AsciidocEngine.Conversion> current = new ConcurrentHashMap<>();
    /** A language's attributes are one map for all its documents: written out once, not per document. */
    private final Map<Map<String, Object>, String> attributeTexts =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    private ConversionStore(Path file, String codeStamp, Map<String, AsciidocEngine.Conversion> previous) {
        this.file = file;
        this.codeStamp = codeStamp;
        this.previous = previous;
    }

    /** A store that remembers nothing: every document is converted. */
    public static ConversionStore none() {
        return new ConversionStore(null, "", Map.of());
    }

    /**
     * The store in {@code file}, as the last build left it; an unreadable or outdated file counts as empty, as
     * the store is only a shortcut. {@code codeStamp} names the code that converts.
     */
    public static ConversionStore load(Path file, String codeStamp) {
        // Read when first needed, on the thread that needs it: while the build reads the sources, the other
        // processor core is busy starting JRuby.
        return new ConversionStore(file, codeStamp, null);
    }

    /** The conversions of the last build, read from the file on first use. */
    private synchronized Map<String, AsciidocEngine.Conversion> previous() {
        if (previous == null) {
            previous = read(file, codeStamp);
        }
        return previous;
    }

    private static Map<String, AsciidocEngine.Conversion> read(Path file, String codeStamp) {
        Map<String, AsciidocEngine.Conversion> saved = SAVED.get(file, codeStamp);
        if (saved != null) {
            return saved;
        }
        Map<String, AsciidocEngine.Conversion> known = new ConcurrentHashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = CacheFile.open(file)) {
                if (in.readInt() == FORMAT && in.readUTF().equals(codeStamp)) {
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        String key = in.readUTF();
                        known.put(key, readConversion(in));
                    }
                }
            } catch (IOException | RuntimeException e) {
                known.clear();
            }
        }
        return known;
    }

    /** The conversion of {@code text}: from the store if an earlier build converted the same, else by the engine. */
    public AsciidocEngine.Conversion convert(AsciidocEngine engine, Path source, String text,
            Map<String, Object> attributes) {
        if (file == null || text.contains("include::")) {
            // An included file may have changed without the including text changing: always converted.
            return engine.convert(source, text, attributes);
        }
        String key = key(source, text, attributes);
        AsciidocEngine.Conversion conversion = previous().get(key);
        if (conversion == null || !conversion.file().equals(source)) {
            conversion = engine.convert(source, text, attributes);
        }
        current.put(key, conversion);
        return conversion;
    }

    /** How many documents this build took from the store instead of converting them. */
    public long reused() {
        Map<String, AsciidocEngine.Conversion> known = previous();
        return current.keySet().stream().filter(known::containsKey).count();
    }

    /** Keeps this build's conversions for the next one, replacing the file atomically. */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        var written = CacheFile.write(file, out -> {
            out.writeInt(FORMAT);
            out.writeUTF(codeStamp);
            Map<String, AsciidocEngine.Conversion> sorted = new TreeMap<>(current);
            out.writeInt(sorted.size());
            for (Map.Entry<String, AsciidocEngine.Conversion> entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                writeConversion(out, entry.getValue());
            }
        });
        SAVED.saved(file, codeStamp, java.util.Collections.unmodifiableMap(current), written);
    }

    private String key(Path source, String text, Map<String, Object> attributes) {
        return new ContentDigest().add(source.toString()).add(text)
                .add(attributeTexts.computeIfAbsent(attributes, a -> new TreeMap<>(a).toString())).hex();
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
