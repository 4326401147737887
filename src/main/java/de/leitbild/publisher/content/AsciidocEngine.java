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

import de.leitbild.publisher.cache.ContentDigest;
import de.leitbild.publisher.problem.Problem;

/**
 * The one Asciidoctor (JRuby) instance of a build. Starting JRuby is the largest fixed cost of a build, so the
 * instance is created once and shared by the stages. Every warning Asciidoctor logs becomes a {@link Problem}
 * of the document being parsed or converted on that thread.
 */
public final class AsciidocEngine implements AutoCloseable {

    private static final int MEMORY_SIZE = 4096;
    /**
     * AsciidoctorJ also prints every message through java.util.logging, as a bare stack-trace-like pair of lines;
     * the build reports each one itself as a {@code path:line:} line saying what to do. Held here so that the
     * logger's level is not lost to garbage collection.
     */
    private static final java.util.logging.Logger ASCIIDOCTOR_LOG = quiet(java.util.logging.Logger.getLogger("asciidoctor"));

    private static java.util.logging.Logger quiet(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private final java.util.concurrent.CompletableFuture<Asciidoctor> starting;
    private volatile long startMillis = -1;
    private final ThreadLocal<Capture> capture = new ThreadLocal<>();
    private final Map<String, Conversion> memory;

    /** An engine for one build: every document is converted once anyway. */
    public AsciidocEngine() {
        this(false);
    }

    /**
     * An engine that, with {@code remember}, keeps what it converted, so that a preview rebuild after an edit
     * converts only the documents whose text changed.
     */
    public AsciidocEngine(boolean remember) {
        // JRuby takes seconds to start: it starts on its own thread while the build reads the sources, and a
        // rebuild that finds every conversion in the store never waits for it.
        long begin = System.nanoTime();
        this.starting = new java.util.concurrent.CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Asciidoctor created = Asciidoctor.Factory.create();
                created.registerLogHandler(new ProblemLogHandler());
                startMillis = (System.nanoTime() - begin) / 1_000_000;
                starting.complete(created);
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "asciidoctor-start");
        starter.setDaemon(true);
        starter.start();
        this.memory = remember ? java.util.Collections.synchronizedMap(lru()) : null;
    }

    private static <K, V> Map<K, V> lru() {
        return new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > MEMORY_SIZE;
            }
        };
    }

    /**
     * Parses one document in safe mode (includes may not leave the document's folder) and converts it to its
     * HTML body. The document tree is dropped at once: a build of thousands of documents keeps only the HTML.
     * Safe to call from several threads at once.
     */
    public Conversion convert(Path file, String text, Map<String, Object> attributes) {
        if (memory == null || hasIncludes(text)) {
            return convertNow(file, text, attributes);
        }
        String key = file + "\u0000" + ContentDigest.of(text) + "\u0000" + attributes;
        Conversion known = memory.get(key);
        if (known == null) {
            known = convertNow(file, text, attributes);
            memory.put(key, known);
        }
        return known;
    }

    /** A document that includes others must be converted again: an included file may have changed. */
    private static boolean hasIncludes(String text) {
        return text.contains("include::");
    }

    private Conversion convertNow(Path file, String text, Map<String, Object> attributes) {
        Options options = Options.builder()
                .safe(SafeMode.SAFE)
                .baseDir(new File(file.getParent().toString()))
                .sourcemap(true)
                .standalone(false)
                .attributes(Attributes.builder().attributes(attributes).build())
                .build();
        List<Problem> problems = new ArrayList<>();
        return withCapture(file, problems, () -> {
            Document document = asciidoctor().load(text, options);
            Map<String, Object> documentAttributes = new java.util.HashMap<>(document.getAttributes());
            String title = java.util.Optional.ofNullable(document.getDoctitle()).orElse("").trim();
            String html = document.convert();
            return new Conversion(file, title, java.util.Collections.unmodifiableMap(documentAttributes), html,
                    List.copyOf(problems));
        });
    }

    private <T> T withCapture(Path file, List<Problem> problems, java.util.function.Supplier<T> work) {
        capture.set(new Capture(file, problems));
        try {
            return work.get();
        } finally {
            capture.remove();
        }
    }

    private Asciidoctor asciidoctor() {
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("Asciidoctor could not be started: " + e.getCause(), e.getCause());
        }
    }

    /** Whether Asciidoctor has started (or failed to): a conversion does not wait for it. */
    public boolean isStarted() {
        return starting.isDone();
    }

    /** How long Asciidoctor took to start, or -1 if it is still starting. */
    public long startMillis() {
        return startMillis;
    }

    @Override
    public void close() {
        // A start still under way is shut down when it ends; the build does not wait for it.
        starting.thenAccept(Asciidoctor::shutdown);
    }

    /**
     * A converted document: its title, its attributes after parsing, the HTML of its body (without title,
     * header and footer) and the problems found while parsing and converting it.
     */
    public record Conversion(Path file, String title, Map<String, Object> attributes, String html,
            List<Problem> problems) {
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
