package de.leitbild.publisher.content;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.asciidoctor.log.LogHandler;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import de.leitbild.publisher.problem.Problem;

/**
 * The one Asciidoctor (JRuby) instance of a build. Starting JRuby is the largest fixed cost of a build, so the
 * instance is created once and shared by the stages. Every warning Asciidoctor logs becomes a {@link Problem}
 * of the document being parsed or converted on that thread.
 */
public final class AsciidocEngine implements AutoCloseable {

    private static final int MEMORY_SIZE = 4096;

    private final Asciidoctor asciidoctor;
    private final ThreadLocal<Capture> capture = new ThreadLocal<>();
    private final Map<String, Parsed> parsedMemory;
    private final Map<Parsed, Converted> convertedMemory;

    /** An engine for one build: every document is parsed and converted once anyway. */
    public AsciidocEngine() {
        this(false);
    }

    /**
     * An engine that, with {@code remember}, keeps what it parsed and converted, so that a preview rebuild after
     * an edit parses and converts only the documents whose text changed.
     */
    public AsciidocEngine(boolean remember) {
        this.asciidoctor = Asciidoctor.Factory.create();
        this.asciidoctor.registerLogHandler(new ProblemLogHandler());
        this.parsedMemory = remember ? java.util.Collections.synchronizedMap(lru()) : null;
        this.convertedMemory = remember ? java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()) : null;
    }

    private static <K, V> Map<K, V> lru() {
        return new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MEMORY_SIZE;
            }
        };
    }

    /** Parses one document in safe mode; includes may not leave the document's folder. */
    public Parsed parse(Path file, String text, Map<String, Object> attributes) {
        if (parsedMemory == null) {
            return parseNow(file, text, attributes);
        }
        String key = file + "\u0000" + SourceVersion.of(text) + "\u0000" + text.hashCode() + "\u0000" + attributes;
        Parsed known = parsedMemory.get(key);
        if (known == null || hasIncludes(text)) {
            known = parseNow(file, text, attributes);
            parsedMemory.put(key, known);
        }
        return known;
    }

    /** A document that includes others must be parsed again: an included file may have changed. */
    private static boolean hasIncludes(String text) {
        return text.contains("include::");
    }

    private Parsed parseNow(Path file, String text, Map<String, Object> attributes) {
        Options options = Options.builder()
                .safe(SafeMode.SAFE)
                .baseDir(new File(file.getParent().toString()))
                .sourcemap(true)
                .standalone(false)
                .attributes(Attributes.builder().attributes(attributes).build())
                .build();
        List<Problem> problems = new ArrayList<>();
        Document document = withCapture(file, problems, () -> asciidoctor.load(text, options));
        // Read across from JRuby once: a remembered document is asked for them after every preview edit.
        Map<String, Object> documentAttributes = new java.util.HashMap<>(document.getAttributes());
        String title = java.util.Optional.ofNullable(document.getDoctitle()).orElse("").trim();
        return new Parsed(file, document, List.copyOf(problems),
                java.util.Collections.unmodifiableMap(documentAttributes), title);
    }

    /** Converts a parsed document to its HTML body (without title, header and footer). */
    public Converted convert(Parsed parsed) {
        if (convertedMemory == null) {
            return convertNow(parsed);
        }
        return convertedMemory.computeIfAbsent(parsed, this::convertNow);
    }

    private Converted convertNow(Parsed parsed) {
        List<Problem> problems = new ArrayList<>();
        String html = withCapture(parsed.file(), problems, () -> parsed.document().convert());
        return new Converted(html, List.copyOf(problems));
    }

    private <T> T withCapture(Path file, List<Problem> problems, java.util.function.Supplier<T> work) {
        capture.set(new Capture(file, problems));
        try {
            return work.get();
        } finally {
            capture.remove();
        }
    }

    @Override
    public void close() {
        asciidoctor.shutdown();
    }

    /** A document Asciidoctor has parsed, with the problems found while parsing. */
    public record Parsed(Path file, Document document, List<Problem> problems, Map<String, Object> attributes,
            String title) {
    }

    /** The HTML of a converted document body, with the problems found while converting. */
    public record Converted(String html, List<Problem> problems) {
    }

    private record Capture(Path file, List<Problem> problems) {
    }

    private final class ProblemLogHandler implements LogHandler {
        @Override
        public void log(LogRecord record) {
            Capture current = capture.get();
            if (current == null || record.getSeverity().ordinal() < Severity.WARN.ordinal()) {
                return;
            }
            int line = record.getCursor() == null ? 1 : record.getCursor().getLineNumber();
            current.problems().add(new Problem(current.file(), line, AsciidoctorMessages.explain(record.getMessage())));
        }
    }
}
