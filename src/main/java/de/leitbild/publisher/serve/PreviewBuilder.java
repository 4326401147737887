package de.leitbild.publisher.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.bake.EditorGuidePage;
import de.leitbild.publisher.bake.SiteBaker;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.ContentCatalogReader;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.search.SearchIndexWriter;

/**
 * Keeps the preview folder up to date: a full build at the start, then after each edit only the pages the edit
 * affects (the document in every language, the pages that list it, its brochure), with an engine that parses and
 * converts only what changed. The search index follows after a quiet moment, in the background, so that it never
 * holds up the reload.
 */
final class PreviewBuilder implements AutoCloseable {

    private static final long INDEX_AFTER_MILLIS = 1500;
    private static final List<String> LISTED_ATTRIBUTES = List.of("description", "publisher", "source-date",
            "brochure", "brochure-order", "brochure-title", "jbake-status", "jbake-type", "translation-of");

    private final Path root;
    private final Path output;
    private final AsciidocEngine engine;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "preview-index");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pendingIndex;
    private SiteBuild.Sources sources;
    private SiteBaker baker;
    private volatile List<Problem> problems = List.of();

    PreviewBuilder(Path root, Path output, AsciidocEngine engine) {
        this.root = root;
        this.output = output;
        this.engine = engine;
    }

    /** The problems of the last build; empty when the preview shows the sources as they are. */
    List<Problem> problems() {
        return problems;
    }

    Path root() {
        return root;
    }

    /** The first build: every page into a fresh preview folder; the search index follows in the background. */
    synchronized void buildAll() {
        try {
            deleteTree(output);
            Files.createDirectories(output);
        } catch (IOException e) {
            problems = List.of(new Problem(output, 1, "the preview folder cannot be prepared (" + e.getMessage()
                    + "): check that it is writable"));
            return;
        }
        update(Set.of(), new Phases());
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Brings the preview up to date after {@code changed} files changed. */
    synchronized void update(Set<Path> changed, Phases phases) {
        SiteBuild.Sources before = sources;
        try {
            SiteBuild.Sources after = before != null && changed.stream().allMatch(this::isDocument)
                    // Only documents changed: settings and messages stay, the content is read again.
                    ? new SiteBuild.Sources(before.settings(), before.messages(), new ContentCatalogReader(
                            before.settings(), before.messages(), engine, false).read())
                    : new SiteBuild(engine).readQuickly(root, output);
            phases.lap("read");
            Optional<Set<String>> pages = before == null || baker == null ? Optional.empty()
                    : affectedPages(before, after, changed);
            phases.lap("plan");
            if (pages.isPresent()) {
                // Same templates, settings and messages: the kept baker (and its parsed templates) still fits.
                Set<String> selected = pages.get();
                baker.bake(after.catalog(), output, selected::contains, false);
            } else {
                baker = new SiteBaker(after.settings(), after.messages(), engine);
                baker.bake(after.catalog(), output, path -> true, true);
                new EditorGuidePage(after.settings(), after.messages(), engine).write(after.catalog(), output);
                removePagesOfDeletedDocuments(before, after);
            }
            phases.lap("bake");
            sources = after;
            problems = List.of();
            scheduleIndex(after);
        } catch (BuildFailure failure) {
            problems = failure.problems();
        }
    }

    /**
     * The pages an edit of document texts affects, or empty when the whole site must be baked again: a template,
     * asset or configuration changed, a document appeared or went away, or something other pages show (title,
     * type, description, brochure) changed.
     */
    private Optional<Set<String>> affectedPages(SiteBuild.Sources before, SiteBuild.Sources after, Set<Path> changed) {
        Path content = after.settings().contentFolder();
        if (!sameLanguages(before, after)) {
            return Optional.empty();
        }
        Set<String> paths = new LinkedHashSet<>();
        for (Path file : changed) {
            if (!file.startsWith(content) || !file.toString().endsWith(".adoc") || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Optional<CatalogDocument> now = find(after.catalog(), file);
            Optional<CatalogDocument> then = find(before.catalog(), file);
            if (now.isEmpty() || then.isEmpty() || !sameListing(then.get(), now.get())) {
                return Optional.empty();
            }
            paths.add(now.get().path());
        }
        // Only the text changed (sameListing): no other page shows it, so the document's pages in every
        // language (the translations carry the notice that their source changed) are all there is to redo.
        Set<String> pages = new LinkedHashSet<>();
        for (String path : paths) {
            for (Language language : after.settings().languages()) {
                pages.add(language.id() + "/" + path + ".html");
            }
        }
        return Optional.of(pages);
    }

    private boolean isDocument(Path file) {
        return file.startsWith(root.resolve("content")) && file.toString().endsWith(".adoc");
    }

    private static boolean sameLanguages(SiteBuild.Sources before, SiteBuild.Sources after) {
        return before.settings().languages().equals(after.settings().languages())
                && before.settings().documentTypes().equals(after.settings().documentTypes());
    }

    private static boolean sameListing(CatalogDocument then, CatalogDocument now) {
        if (!then.title().equals(now.title()) || !then.type().equals(now.type())) {
            return false;
        }
        Map<String, String> a = then.attributes();
        Map<String, String> b = now.attributes();
        return LISTED_ATTRIBUTES.stream().allMatch(k -> Objects.equals(a.get(k), b.get(k)));
    }

    private static Optional<CatalogDocument> find(Catalog catalog, Path file) {
        return catalog.documents().stream().filter(d -> d.source().equals(file)).findFirst();
    }

    private void removePagesOfDeletedDocuments(SiteBuild.Sources before, SiteBuild.Sources after) {
        if (before == null) {
            return;
        }
        Set<String> now = new HashSet<>();
        for (Language language : after.settings().languages()) {
            after.catalog().pages(language).forEach(p -> now.add(p.outputPath()));
        }
        for (Language language : before.settings().languages()) {
            before.catalog().pages(language).stream().map(p -> p.outputPath()).filter(p -> !now.contains(p))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(output.resolve(p));
                        } catch (IOException e) {
                            // The page stays until the next full build; nothing links to it any more.
                        }
                    });
        }
    }

    private void scheduleIndex(SiteBuild.Sources current) {
        if (pendingIndex != null) {
            pendingIndex.cancel(false);
        }
        pendingIndex = background.schedule(() -> {
            synchronized (this) {
                if (sources == current && problems.isEmpty()) {
                    try {
                        new SearchIndexWriter(current.settings()).write(current.catalog(), output);
                    } catch (BuildFailure failure) {
                        problems = failure.problems();
                    }
                }
            }
        }, INDEX_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
