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
import java.util.stream.Collectors;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.bake.EditorGuidePage;
import de.leitbild.publisher.bake.SiteBaker;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Brochure;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.ContentCatalogReader;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.search.SearchIndexWriter;

/**
 * Keeps the preview folder up to date: a full build at the start, then after each edit of documents only what the
 * edit touched. The edited documents are read again and every other document of the last good catalog is kept;
 * then the edited documents' pages in every language are written (a translation's page carries the notice that
 * its source changed), and the listings and brochure pages too if a fact they show (title, type, description)
 * changed. A template, asset or configuration change, or a document that appears or goes away, bakes the whole
 * site. The search index follows after a quiet moment, in the background, so that it never holds up the reload.
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
    /** The sources of the last build that succeeded, which the preview folder shows. */
    private volatile SiteBuild.Sources sources;
    private SiteBaker baker;
    /** Every file that changed since the last build that succeeded: a fix after a broken edit redoes both. */
    private final Set<Path> dirty = new LinkedHashSet<>();
    /** Documents that include other files: they are read again after every edit of documents. */
    private Set<Path> includers = Set.of();
    private volatile List<Problem> problems = List.of();
    /** Changes whenever the assets are copied into the preview folder again; names that copy in addresses. */
    private volatile String assetStamp = "";
    private volatile String assetFolder = "assets";

    PreviewBuilder(Path root, Path output, AsciidocEngine engine) {
        this.root = root;
        this.output = output;
        this.engine = engine;
        SearchIndexWriter.keepWordWorkBetweenBuilds();
        de.leitbild.publisher.content.ContentCatalogReader.keepSourcesBetweenBuilds(true);
    }

    /** The problems of the last build; empty when the preview shows the sources as they are. */
    List<Problem> problems() {
        return problems;
    }

    Path root() {
        return root;
    }

    /** The version of the assets in the preview folder (empty before the first build). */
    String assetStamp() {
        return assetStamp;
    }

    /** The name of the assets folder in the preview folder. */
    String assetFolder() {
        return assetFolder;
    }

    /** The catalog of the last build that succeeded (for tests). */
    Catalog catalog() {
        SiteBuild.Sources current = sources;
        return current == null ? null : current.catalog();
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
        update(Set.of(), new Phases(), Set.of(), () -> { });
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

    /**
     * Brings the preview up to date after {@code changed} files changed and calls {@code announce} as soon as the
     * {@code open} pages (paths in the site) show the new build, or the problems; the other pages an edit affects
     * are written after that, and a page asked for meanwhile is sent once it is written ({@link #awaitWritten}).
     * {@code phases} learns what took how long.
     */
    synchronized void update(Set<Path> changed, Phases phases, Set<String> open, Runnable announce) {
        try {
            build(changed, phases, open, announce);
        } catch (BuildFailure failure) {
            problems = failure.problems();
            announce.run();
            phases.lap("announce");
        } catch (RuntimeException e) {
            // A fault of the publisher, not of the sources: shown like a problem, so that the preview goes on.
            problems = List.of(new Problem(root.resolve("jbake.properties"), 1, "the preview could not be updated ("
                    + e + "); save a file again to retry, or restart serve"));
            announce.run();
        } finally {
            setPending(Set.of());
        }
    }

    /** Updates the preview; announces, and returns, as soon as the open pages are written. */
    private void build(Set<Path> changed, Phases phases, Set<String> open, Runnable announce) throws BuildFailure {
        dirty.addAll(changed);
        SiteBuild.Sources before = sources;
        Optional<Catalog> quick = readChanged(before);
        SiteBuild.Sources after = quick.isPresent()
                ? new SiteBuild.Sources(before.settings(), before.messages(), quick.get())
                : new SiteBuild(engine).readQuickly(root, output);
        phases.lap(quick.isPresent() ? "read" : "read all");
        Optional<Set<String>> pages = quick.isPresent() ? affectedPages(before.catalog(), after.catalog())
                : Optional.empty();
        phases.lap("plan");
        Set<String> later = Set.of();
        if (pages.isPresent()) {
            // Same templates, settings and messages: the kept baker (and its parsed templates) still fits.
            // The pages open in a browser first; the others once the browser has been told to reload.
            Set<String> selected = pages.get();
            Set<String> first = selected.stream().filter(open::contains).collect(Collectors.toSet());
            later = first.isEmpty() ? Set.of() : selected.stream().filter(p -> !first.contains(p))
                    .collect(Collectors.toUnmodifiableSet());
            Set<String> now = first.isEmpty() ? selected : first;
            setPending(later);
            baker.bake(after.catalog(), output, now::contains, false);
            phases.lap("bake " + now.size() + (later.isEmpty() ? " pages" : " open pages"));
        } else {
            if (quick.isEmpty()) {
                baker = new SiteBaker(after.settings(), after.messages(), engine);
            }
            baker.bake(after.catalog(), output, path -> true, quick.isEmpty());
            if (quick.isEmpty()) {
                assetFolder = after.settings().jbake().getAssetFolderName();
                assetStamp = Long.toString(System.currentTimeMillis(), 36);
            }
            new EditorGuidePage(after.settings(), after.messages(), engine).write(after.catalog(), output);
            removePagesOfDeletedDocuments(before, after);
            phases.lap("bake all");
        }
        includers = quick.isPresent() ? withIncluders(includers, dirty) : includers(after.catalog());
        Set<Path> edited = Set.copyOf(dirty);
        sources = after;
        dirty.clear();
        problems = List.of();
        announce.run();
        phases.lap("announce");
        if (!later.isEmpty()) {
            Set<String> rest = later;
            try {
                baker.bake(after.catalog(), output, rest::contains, false);
            } catch (BuildFailure failure) {
                // The open pages are fine, another page is not: the edit is not done yet.
                dirty.addAll(edited);
                sources = before;
                throw failure;
            }
            phases.lap("bake " + rest.size() + " more pages");
        }
        scheduleIndex(after);
    }

    private final Object pendingLock = new Object();
    private Set<String> pending = Set.of();

    private void setPending(Set<String> pages) {
        synchronized (pendingLock) {
            pending = pages;
            pendingLock.notifyAll();
        }
    }

    /** Waits (a while at most) until {@code page} (a path in the site) is written, if the update in progress writes it. */
    void awaitWritten(String page) {
        synchronized (pendingLock) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            long left;
            while (pending.contains(page) && (left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(pendingLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The catalog with the changed documents read again and the others kept, or empty when the settings,
     * templates or assets changed, or a change is more than documents being edited: then everything is read.
     */
    private Optional<Catalog> readChanged(SiteBuild.Sources before) throws BuildFailure {
        if (before == null || baker == null) {
            return Optional.empty();
        }
        Path content = before.settings().contentFolder();
        if (!dirty.stream().allMatch(f -> f.startsWith(content))) {
            return Optional.empty();
        }
        Set<Path> again = new LinkedHashSet<>(dirty);
        again.addAll(includers);
        return new ContentCatalogReader(before.settings(), before.messages(), engine, false)
                .readChanged(before.catalog(), again);
    }

    /**
     * The pages an edit of documents affects, or empty when the whole site must be baked again: a document
     * appeared or went away, or was published or withdrawn, or a page every page links to got another title.
     */
    private Optional<Set<String>> affectedPages(Catalog before, Catalog after) {
        Set<Path> edited = new LinkedHashSet<>(dirty);
        edited.addAll(includers);
        Set<String> paths = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        for (Path file : edited) {
            Optional<CatalogDocument> then = find(before, file);
            Optional<CatalogDocument> now = find(after, file);
            if (then.isEmpty() && now.isEmpty()) {
                continue;
            }
            if (then.isEmpty() || now.isEmpty() || then.get().published() != now.get().published()) {
                return Optional.empty();
            }
            paths.add(now.get().path());
            if (sameListing(then.get(), now.get())) {
                continue;
            }
            if (!now.get().path().contains("/")) {
                // A page at the top of a language folder (about this site, privacy) is linked from every footer.
                return Optional.empty();
            }
            // Its title or description shows on the listings, and on the pages of the brochure it belongs to.
            pages.addAll(baker.pagesListing(then.get().type()));
            pages.addAll(baker.pagesListing(now.get().type()));
            for (Catalog catalog : List.of(before, after)) {
                catalog.brochureOf(now.get().path()).map(Brochure::partPaths).ifPresent(paths::addAll);
            }
        }
        for (String path : paths) {
            for (Language language : sources.settings().languages()) {
                pages.add(language.id() + "/" + path + ".html");
            }
        }
        return Optional.of(pages);
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

    /** The documents whose text includes other files (rare): only they must be read again after any edit. */
    private static Set<Path> includers(Catalog catalog) {
        return withIncluders(Set.of(), catalog.documents().stream().map(CatalogDocument::source).toList());
    }

    private static Set<Path> withIncluders(Set<Path> known, java.util.Collection<Path> files) {
        Set<Path> result = new HashSet<>(known);
        for (Path file : files) {
            result.remove(file);
            try {
                if (file.toString().endsWith(".adoc") && Files.isRegularFile(file)
                        && Files.readString(file).contains("include::")) {
                    result.add(file);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // Not a readable text: the reader has reported it, or it is not a document.
            }
        }
        return Set.copyOf(result);
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

    /**
     * Writes the search index of {@code current} after a quiet moment. It runs outside the builder's lock, so
     * that an edit saved meanwhile is previewed at once; an index that is outdated when it is done is followed by
     * the next one.
     */
    private void scheduleIndex(SiteBuild.Sources current) {
        if (pendingIndex != null) {
            pendingIndex.cancel(false);
        }
        pendingIndex = background.schedule(() -> {
            if (sources != current || !problems.isEmpty()) {
                return;
            }
            try {
                new SearchIndexWriter(current.settings()).write(current.catalog(), output);
            } catch (BuildFailure failure) {
                synchronized (this) {
                    if (sources == current && problems.isEmpty()) {
                        problems = failure.problems();
                    }
                }
            }
        }, INDEX_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops the background work; an index being written is finished first, so that the folder is left alone. */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
