package de.leitbild.publisher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import de.leitbild.publisher.bake.BakedSite;
import de.leitbild.publisher.bake.EditorGuidePage;
import de.leitbild.publisher.bake.SiteBaker;
import de.leitbild.publisher.cache.CacheFile;
import de.leitbild.publisher.cache.CacheKeeping;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.config.SiteSettingsLoader;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.ContentCatalogReader;
import de.leitbild.publisher.content.ConversionStore;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.pdf.BrochurePdf;
import de.leitbild.publisher.pdf.BrochureRenderer;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.publish.OutputLock;
import de.leitbild.publisher.publish.OutputMemory;
import de.leitbild.publisher.publish.SitePublisher;
import de.leitbild.publisher.search.SearchIndexWriter;

/** The orchestrator: runs the pipeline stages in turn, each taking the previous stage's result. */
public final class SiteBuild {

    private static final String CONVERSIONS = "conversions";
    private static final String PAGES = "pages.bin";
    private static final String REHEARSAL = "rehearsal";
    /** How long a build waits for another build of the same output folder before it gives up. */
    private static final java.time.Duration LOCK_PATIENCE = java.time.Duration.ofMinutes(10);

    private final AsciidocEngine engine;
    private final boolean waitsForLeftovers;
    private final boolean waitsForCache;
    private final boolean rehearsal;
    /** What the last {@link #run} of a build that does not wait for its cache is still writing, or holds to write. */
    private volatile CompletableFuture<Void> cacheWriting = CompletableFuture.completedFuture(null);
    private volatile CacheKeeping cacheKeeping = CacheKeeping.atOnce();

    /** A build that uses {@code engine}, the one Asciidoctor instance, for all documents. */
    public SiteBuild(AsciidocEngine engine) {
        this(engine, true, true, false);
    }

    private SiteBuild(AsciidocEngine engine, boolean waitsForLeftovers, boolean waitsForCache, boolean rehearsal) {
        this.engine = engine;
        this.waitsForLeftovers = waitsForLeftovers;
        this.waitsForCache = waitsForCache;
        this.rehearsal = rehearsal;
    }

    /**
     * A build that goes through the motions of an edit and publishes nothing: every stage runs as in a build,
     * as if a sentence had been added to the first document of the source language that is no part of a brochure
     * (its file is left as it is), so that document is converted, its pages rendered and the source language's
     * index made anew; then the new site is thrown away and nothing is written to the cache. For the build daemon, whose JVM has then
     * compiled the code an edit runs, and holds what the next build reads, before the first edit comes.
     */
    public SiteBuild rehearsing() {
        return new SiteBuild(engine, true, true, true);
    }

    /**
     * The same build, returning as soon as the new site is published, while what earlier builds left beside the
     * output may still be being deleted: for the command line, whose process ends then (the next build goes on
     * deleting). In a process that goes on, {@link #run} waits, so that nothing deletes behind its back.
     */
    public SiteBuild leavingLeftoversToTheNextBuild() {
        return new SiteBuild(engine, false, waitsForCache, rehearsal);
    }

    /**
     * The same build, returning as soon as the new site is published, with the conversions and the search
     * stage's memories for the next build not yet saved (the page fingerprints, which say what the published site
     * holds, are always saved first): for the build daemon, which answers, then saves them with {@link #awaitCache}
     * before it builds again. Writing them while the build runs would take a core from it.
     */
    public SiteBuild savingTheCacheAfterwards() {
        return new SiteBuild(engine, waitsForLeftovers, false, rehearsal);
    }

    /** Saves the cache of the last {@link #run} (held until now) and waits until it is saved. */
    public void awaitCache() {
        cacheKeeping.release();
        cacheWriting.join();
    }

    /** Reads the settings and the content without building: the first two stages, for checks and reports. */
    public Sources read(Path root, Path output) throws BuildFailure {
        SiteSettings settings = new SiteSettingsLoader().load(root, output);
        MessageBundles messages = MessageBundles.load(settings);
        return new Sources(settings, messages, new ContentCatalogReader(settings, messages, engine).read());
    }

    /** Like {@link #read}, without asking Git since when a translation is outdated (for the preview). */
    public Sources readQuickly(Path root, Path output) throws BuildFailure {
        SiteSettings settings = new SiteSettingsLoader().load(root, output);
        MessageBundles messages = MessageBundles.load(settings);
        return new Sources(settings, messages, new ContentCatalogReader(settings, messages, engine, false).read());
    }

    /** The validated sources of a site. */
    public record Sources(SiteSettings settings, MessageBundles messages, Catalog catalog) {
    }

    /**
     * Runs the config, content and bake stages into {@code scratch}, an empty folder the caller throws away, and
     * publishes nothing. Unlike {@link #run} it goes on past the content stage's problems, so that one look at the
     * sources finds broken links too; only a configuration problem stops it.
     */
    public Inspection inspect(Path root, Path scratch) throws BuildFailure {
        SiteSettings settings = new SiteSettingsLoader().load(root, scratch);
        MessageBundles messages = MessageBundles.load(settings);
        ContentCatalogReader.Reading reading = new ContentCatalogReader(settings, messages, engine).readAll();
        List<Problem> problems = new ArrayList<>(reading.problems());
        try {
            new SiteBaker(settings, messages, engine).bake(reading.catalog(), scratch);
            new EditorGuidePage(settings, messages, engine).write(reading.catalog(), scratch);
        } catch (BuildFailure failure) {
            problems.addAll(failure.problems());
        } catch (RuntimeException e) {
            // A catalog with problems can trip the bake stage; those problems say what to fix first.
            if (problems.isEmpty()) {
                throw e;
            }
        }
        return new Inspection(new Sources(settings, messages, reading.catalog()),
                problems.stream().sorted().distinct().toList());
    }

    /** What {@link #inspect} found: the sources as far as they could be read, and every problem. */
    public record Inspection(Sources sources, List<Problem> problems) {
    }

    /** Builds the site whose sources are in {@code root} into {@code output}; on failure {@code output} is untouched. */
    public Result run(Path root, Path output) throws BuildFailure {
        return run(root, output, System.err::println);
    }

    /**
     * The same, telling {@code waitNotices} when the build waits for another build of the same output folder:
     * one build at a time per output folder, see {@link OutputLock}.
     */
    public Result run(Path root, Path output, java.util.function.Consumer<String> waitNotices) throws BuildFailure {
        Map<String, Long> millis = new LinkedHashMap<>();
        long start = System.nanoTime();
        SiteSettings settings = new SiteSettingsLoader().load(root, output);
        MessageBundles messages = MessageBundles.load(settings);
        start = lap(millis, "config", start);
        if (rehearsal) {
            // A rehearsal writes nothing that another build reads: it never waits for one.
            return stages(settings, messages, millis, start);
        }
        boolean[] waited = {false};
        OutputLock lock = OutputLock.take(settings.outputFolder(), settings.cacheFolder(), LOCK_PATIENCE, notice -> {
            waited[0] = true;
            waitNotices.accept(notice);
        });
        if (waited[0]) {
            start = lap(millis, "waiting for the other build", start);
        }
        try {
            Result result = stages(settings, messages, millis, start);
            // Held until this build's cache is saved: the next build reads it.
            cacheWriting.whenComplete((saved, failure) -> lock.close());
            return result;
        } catch (BuildFailure | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private Result stages(SiteSettings settings, MessageBundles messages, Map<String, Long> millis, long start)
            throws BuildFailure {
        CacheKeeping keeping = rehearsal ? CacheKeeping.never()
                : waitsForCache ? CacheKeeping.atOnce() : CacheKeeping.untilReleased();
        // The later stages' memories of the last build are read on threads of their own from here on: a rebuild
        // after an edit spends its content stage waiting for JRuby to start, and reads them meanwhile.
        SearchIndexWriter search = new SearchIndexWriter(settings).withMemory(settings.cacheFolder(), keeping);
        OutputMemory.ReadAhead pagesAhead = OutputMemory.readAhead(settings.cacheFolder().resolve(PAGES),
                settings.outputFolder());
        ConversionStore conversions = ConversionStore.load(settings.cacheFolder().resolve(CONVERSIONS),
                ConversionStore.codeStamp(SiteBuild.class));
        ContentCatalogReader reader = new ContentCatalogReader(settings, messages, engine).withStore(conversions);
        ContentCatalogReader.Reading reading = (rehearsal ? reader.rehearsingAnEdit() : reader).readAll();
        if (!reading.problems().isEmpty()) {
            // The documents that could be read are checked for broken links too, so one build names them all.
            List<Problem> all = new ArrayList<>(reading.problems());
            try {
                all.addAll(new SiteBaker(settings, messages, engine).linkProblems(reading.catalog()));
            } catch (RuntimeException e) {
                // A catalog with problems can trip the link check; the problems found first say what to fix.
            }
            throw new BuildFailure(all.stream().distinct().sorted().toList());
        }
        Catalog catalog = reading.catalog();
        start = lap(millis, "content", start);
        // A build that does not wait for its cache holds the writing of it back until it has answered.
        // A rehearsal keeps nothing: what it would keep was made of a text the file does not hold.
        cacheKeeping = keeping;
        OutputMemory pages = rehearsal ? pagesAhead.peek() : pagesAhead.load();
        SitePublisher publisher = new SitePublisher(settings.outputFolder());
        Path staging;
        try {
            // A rehearsal works in a folder of its own in the cache folder (the same file system, for the links to
            // unchanged pages): a build the user starts meanwhile keeps the staging folder to itself.
            staging = rehearsal ? publisher.prepareScratch(settings.cacheFolder().resolve(REHEARSAL))
                    : publisher.prepareStaging();
        } catch (IOException e) {
            throw new BuildFailure(new Problem(settings.outputFolder(), 1, "the output folder cannot be prepared ("
                    + e.getMessage() + "): check that it is writable"));
        }
        BakedSite site;
        try {
            List<BrochurePdf> pdfs = new BrochureRenderer(settings, messages, engine).withMemory(pages)
                    .render(catalog, staging);
            start = lap(millis, "pdf", start);
            site = new SiteBaker(settings, messages, engine).withMemory(pages).withDownloads(pdfs)
                    .bake(catalog, staging);
            new EditorGuidePage(settings, messages, engine).withStore(conversions).write(catalog, staging);
            start = lap(millis, "bake", start);
            // Every conversion of this build is known now: kept for the next build while the search stage runs.
            // Only a cache, keyed by what each conversion is made of, so a build that fails later does no harm.
            var keepingConversions = keeping.keep("conversions", conversions::save);
            writeSearchIndex(search, settings, catalog, site, pages);
            start = lap(millis, "search", start);
            if (rehearsal) {
                // Nothing published: the page fingerprints still describe the published site.
                publisher.discard(staging);
            } else {
                publisher.publish(staging);
                if (waitsForLeftovers) {
                    publisher.awaitLeftovers();
                }
                CacheFile.keep("page fingerprints", pages::save);
            }
            cacheWriting = CompletableFuture.allOf(keepingConversions, search.memoriesSaved());
            if (waitsForCache) {
                cacheWriting.join();
            }
            lap(millis, "publish", start);
        } catch (BuildFailure | RuntimeException e) {
            publisher.discard(staging);
            throw e;
        } catch (IOException e) {
            publisher.discard(staging);
            throw new BuildFailure(new Problem(settings.outputFolder(), 1, "the new site cannot replace the old one ("
                    + e.getMessage() + "): check that nothing holds the output folder open"));
        }
        return new Result(settings.outputFolder(), site.pages().size(), catalog.documents().size(),
                Collections.unmodifiableMap(millis), catalog.warnings(), conversions.reused(), pages.reused());
    }

    /** The search stage, for the languages whose indexed pages changed; the others' index is taken over as it was. */
    private static void writeSearchIndex(SearchIndexWriter search, SiteSettings settings, Catalog catalog,
            BakedSite site, OutputMemory pages) throws BuildFailure {
        Path staging = site.folder();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        for (var language : settings.languages()) {
            String folder = language.id() + "/search/";
            // Only the pages the index is made of: a page showing untranslated text (whose document changed in
            // another language) changes nothing in this language's index. The code and the language's settings
            // count too: a language without pages of its own has an index all the same.
            String fingerprint = pages.fingerprintOf(SearchIndexWriter.CODE_STAMP + "\n" + language,
                    catalog.pages(language).stream()
                    .filter(page -> page.state() != TranslationState.MISSING).map(SitePage::outputPath).toList());
            if (!pages.reuseFolder(folder, fingerprint, staging)) {
                fingerprints.put(language.id(), fingerprint);
            }
        }
        search.write(catalog, staging, site.texts(), l -> fingerprints.containsKey(l.id()), pages);
        fingerprints.forEach((id, fingerprint) -> pages.recordFolder(id + "/search/", fingerprint, staging));
    }

    private static long lap(Map<String, Long> millis, String stage, long since) {
        long now = System.nanoTime();
        millis.put(stage, (now - since) / 1_000_000);
        return now;
    }

    /**
     * What a successful build wrote, how long each stage took, and how many conversions and pages (and search
     * folders) it took over unchanged from the last build.
     */
    public record Result(Path output, int pages, int documents, Map<String, Long> stageMillis,
            List<Problem> warnings, long reusedConversions, long reusedPages) {
    }
}
