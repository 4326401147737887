package de.leitbild.publisher.bake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jbake.model.DocumentModel;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.content.UnsafeMarkupScanner;
import de.leitbild.publisher.content.StaticFile;
import de.leitbild.publisher.i18n.MessageBundle;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.pdf.BrochurePdf;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.publish.OutputMemory;
import de.leitbild.publisher.problem.ProblemCollector;

import freemarker.template.TemplateException;

/** The {@code bake} stage: converts every published document and renders all pages into a staging folder. */
public final class SiteBaker {

    private static final String LANGUAGE_CHOOSER_TEMPLATE = "languages.ftl";
    private static final String HOME_TEMPLATE = "home.ftl";
    private static final String LISTING_TEMPLATE = "listing.ftl";
    private static final String SEARCH_TEMPLATE = "search.ftl";
    private static final String DOWNLOADS_TEMPLATE = "downloads.ftl";

    private final SiteSettings settings;
    private final MessageBundles messages;
    private final AsciidocEngine engine;

    public SiteBaker(SiteSettings settings, MessageBundles messages, AsciidocEngine engine) {
        this.settings = settings;
        this.messages = messages;
        this.engine = engine;
    }

    private List<BrochurePdf> downloads = List.of();

    /** The same baker, with the brochure PDFs the pdf stage wrote: pages link them, the downloads page lists them. */
    public SiteBaker withDownloads(List<BrochurePdf> pdfs) {
        SiteBaker baker = new SiteBaker(settings, messages, engine);
        baker.downloads = List.copyOf(pdfs);
        baker.memory = memory;
        return baker;
    }

    private SiteTemplateEngine templateEngine;
    private OutputMemory memory = OutputMemory.none();

    /**
     * The same baker, taking pages whose fingerprint {@code pages} remembers over from the published site instead
     * of rendering them again (the build command; the preview renders into the site it serves).
     */
    public SiteBaker withMemory(OutputMemory pages) {
        SiteBaker baker = new SiteBaker(settings, messages, engine);
        baker.downloads = downloads;
        baker.memory = pages;
        return baker;
    }

    /** What every page depends on besides its model: configuration, templates, assets and the generator. */
    private String siteStamp() {
        StringBuilder stamp = new StringBuilder(de.leitbild.publisher.content.ConversionStore.codeStamp(SiteBaker.class));
        try {
            stamp.append('\n').append(PageFingerprint.of(Files.readString(settings.configFile())));
            for (Path folder : List.of(settings.templateFolder(), settings.assetFolder())) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        stamp.append('\n').append(folder.relativize(file)).append(' ')
                                .append(de.leitbild.publisher.cache.ContentDigest.of(Files.readAllBytes(file)));
                    }
                }
            }
        } catch (IOException e) {
            stamp.append('\n').append(System.nanoTime());
        }
        return PageFingerprint.of(stamp.toString());
    }

    /** One template engine per baker, so that a baker kept by the preview parses its templates once. */
    private synchronized SiteTemplateEngine templates() throws IOException {
        if (templateEngine == null) {
            templateEngine = new SiteTemplateEngine(settings.jbake());
        }
        return templateEngine;
    }

    /**
     * The problems the bake stage would find in the links and anchors of the catalog's documents, without writing
     * anything: a build whose content stage failed still names every broken document at once.
     */
    public List<Problem> linkProblems(Catalog catalog) {
        ProblemCollector problems = new ProblemCollector();
        Set<String> known = knownPaths(catalog);
        BodyFinisher finisher = new BodyFinisher();
        List<SitePage> pages = new ArrayList<>();
        for (Language language : settings.languages()) {
            catalog.pages(language).stream().filter(p -> p.state() != TranslationState.MISSING).forEach(pages::add);
        }
        pages.parallelStream().forEach(page -> checkLinks(page.shown(), page.outputPath(),
                finisher.finish(page.shown().conversion().html()), known, problems));
        try {
            problems.throwIfAny();
            return List.of();
        } catch (BuildFailure failure) {
            return failure.problems();
        }
    }

    /** Writes the whole site into {@code staging}, which must be empty; returns the pages written. */
    public BakedSite bake(Catalog catalog, Path staging) throws BuildFailure {
        // Nobody reads a private staging folder before the bake ends: each page is written in place.
        return bake(catalog, staging, path -> true, true, false);
    }

    /**
     * Writes the pages whose site-relative path {@code selected} accepts into {@code folder}, each file replaced
     * atomically, and the assets if {@code withAssets}: the preview re-renders only what an edit affects.
     */
    public BakedSite bake(Catalog catalog, Path staging, java.util.function.Predicate<String> selected,
            boolean withAssets) throws BuildFailure {
        return bake(catalog, staging, selected, withAssets, true);
    }

    private BakedSite bake(Catalog catalog, Path staging, java.util.function.Predicate<String> selected,
            boolean withAssets, boolean atomic) throws BuildFailure {
        SiteTemplateEngine templates;
        try {
            templates = templates();
        } catch (IOException e) {
            throw new BuildFailure(new Problem(settings.templateFolder(), 1, "the template folder cannot be read ("
                    + e.getMessage() + ")"));
        }
        PageModels models = new PageModels(settings, catalog, messages, downloads);
        ProblemCollector problems = new ProblemCollector();
        String stamp = memory.remembers() ? siteStamp() : null;
        PageInputs inputs = stamp == null ? null : new PageInputs(stamp, settings, catalog, messages, downloads);
        PageWriter writer = new PageWriter(staging, templates, problems, selected, memory,
                stamp == null ? null : new PageFingerprint(stamp), atomic);
        Set<String> reserved = reservedPaths();
        Set<String> known = knownPaths(catalog);
        List<DocumentType> types = List.copyOf(settings.documentTypes().values());
        SitemapWriter sitemap = new SitemapWriter(settings);

        if (writer.wants("index.html")) {
            writer.write("index.html", LANGUAGE_CHOOSER_TEMPLATE, Locale.ROOT,
                    languageChooserModel(models), settings.templateFolder().resolve(LANGUAGE_CHOOSER_TEMPLATE));
        }

        // The pages of one path in all languages are made together: their document's body is finished once.
        Map<String, List<SitePage>> documentSets = new java.util.LinkedHashMap<>();
        List<Runnable> work = new ArrayList<>();
        BodyFinisher finisher = new BodyFinisher();
        for (Language language : settings.languages()) {
            MessageBundle bundle = messages.of(language);
            writeHome(models, writer, inputs, sitemap, language, bundle, types, work);
            writeListings(models, writer, inputs, sitemap, language, bundle, types, work);
            writeSearchPage(models, writer, language, bundle);
            writeDownloadsPage(models, writer, language, bundle);
            for (SitePage page : catalog.pages(language)) {
                if (!writer.wants(page.outputPath())) {
                    continue;
                }
                if (reserved.contains(page.outputPath())) {
                    problems.add(new Problem(page.shown().source(), 1, "the path " + page.outputPath()
                            + " is used by a page the site generates: rename or move the file"));
                    continue;
                }
                documentSets.computeIfAbsent(page.path(), k -> new ArrayList<>()).add(page);
                if (page.state() != TranslationState.MISSING) {
                    sitemap.add(page.outputPath(), catalog.translationSet(page.path()).orElseThrow());
                }
            }
        }
        Map<String, PageText> texts = new java.util.concurrent.ConcurrentHashMap<>();
        documentSets.values().forEach(pages -> work.add(() -> writeDocumentSet(pages, catalog, models, writer,
                inputs, finisher, known, problems, texts)));
        // Each page stands alone once the catalog is known: all cores render them, the long listings first.
        work.parallelStream().forEach(Runnable::run);
        if (withAssets) {
            copyAssets(staging, problems);
        }
        copyStaticFiles(catalog, staging, problems);
        problems.throwIfAny();
        if (!writer.skippedAny()) {
            // A bake of some pages (the preview after an edit) keeps the sitemap of the last whole bake.
            sitemap.write(staging.resolve("sitemap.xml"), catalog);
        }
        return new BakedSite(staging, writer.written(), Map.copyOf(texts));
    }

    private void writeDocumentSet(List<SitePage> pages, Catalog catalog, PageModels models, PageWriter writer,
            PageInputs inputs, BodyFinisher finisher, Set<String> known, ProblemCollector problems,
            Map<String, PageText> texts) {
        Map<String, FinishedBody> finished = new HashMap<>(2);
        Map<String, FinishedBody.EncodedBody> encoded = new HashMap<>(2);
        String states = inputs == null ? null : inputs.translationStates(pages.get(0).path());
        for (SitePage page : pages) {
            CatalogDocument document = page.shown();
            String template = document.type().template();
            // The body is finished and the page rendered only if anything it is made from changed since the last build.
            String fingerprint = inputs == null ? null : inputs.documentPage(page, template, states);
            List<String> links = writer.reuse(page.outputPath(), fingerprint);
            if (links != null) {
                if (page.state() != TranslationState.MISSING) {
                    checkLinkTargets(document, page.outputPath(), links, known, problems);
                }
                continue;
            }
            FinishedBody body = finished.computeIfAbsent(document.outputPath(),
                    k -> finisher.finish(document.conversion().html()));
            if (page.state() != TranslationState.MISSING) {
                checkLinks(document, page.outputPath(), body, known, problems);
                // The page shows its own text: the search indexes it (a page showing untranslated text it leaves
                // to that text's own language).
                texts.put(page.outputPath(), new PageText(TextSections.asShown(document.title()),
                        TextSections.asShown(document.attribute("description").orElse("")),
                        body.textIn(messages.of(page.language()))));
            }
            writeDocumentPage(page, catalog, models, writer, fingerprint, body,
                    encoded.computeIfAbsent(document.outputPath(), k -> body.encoded()));
        }
    }

    private void writeDocumentPage(SitePage page, Catalog catalog, PageModels models, PageWriter writer,
            String fingerprint, FinishedBody body, FinishedBody.EncodedBody encoded) {
        Language language = page.language();
        MessageBundle bundle = messages.of(language);
        CatalogDocument document = page.shown();
        Map<String, Object> model = models.common(language, page.outputPath(), document.title(),
                l -> l.id() + "/" + page.path() + ".html",
                l -> catalog.page(l, page.path()).map(p -> p.state() != TranslationState.MISSING).orElse(false));
        Map<String, Object> view = models.documentView(page);
        model.put("doc", view);
        model.put("breadcrumbs", List.of(
                PageModels.link(bundle.get("nav.home"), (String) model.get("home")),
                PageModels.link(bundle.get("type." + document.type().id() + ".plural"),
                        SiteLinks.between(page.outputPath(), PageModels.typePath(language, document.type())))));
        PageModels.addBody(view, body);
        String template = document.type().template();
        writer.writeWithBody(page.outputPath(), template, language.locale(), model,
                settings.templateFolder().resolve(template), fingerprint, body.relativeLinks(), encoded, bundle,
                html -> {
                    view.put("body", html);
                    model.put("content", jbakeDocument(document, page, html));
                }, () -> body.in(bundle).html());
    }

    /**
     * The generated pages that show documents of {@code type} with their titles and descriptions, in every
     * language: the home page, the list of all documents, the type's listing and the downloads page (brochure
     * titles). The preview re-renders them when such a fact of one document changes.
     */
    public Set<String> pagesListing(DocumentType type) {
        Set<String> paths = new java.util.LinkedHashSet<>();
        for (Language language : settings.languages()) {
            paths.add(PageModels.homePath(language));
            paths.add(PageModels.allDocumentsPath(language));
            paths.add(PageModels.typePath(language, type));
            paths.add(PageModels.downloadsPath(language));
        }
        return paths;
    }

    private void writeHome(PageModels models, PageWriter writer, PageInputs inputs, SitemapWriter sitemap,
            Language language, MessageBundle bundle, List<DocumentType> types, List<Runnable> work) {
        String path = PageModels.homePath(language);
        if (!writer.wants(path)) {
            return;
        }
        sitemap.addInterface(path, PageModels::homePath);
        work.add(() -> writeListing(writer, inputs, path, HOME_TEMPLATE, language, types, () -> {
            Map<String, Object> model = models.common(language, path, bundle.get("site.name"), PageModels::homePath);
            model.put("groups", models.groups(language, path, types));
            model.put("breadcrumbs", List.of());
            return model;
        }));
    }

    private void writeListings(PageModels models, PageWriter writer, PageInputs inputs, SitemapWriter sitemap,
            Language language, MessageBundle bundle, List<DocumentType> types, List<Runnable> work) {
        String allPath = PageModels.allDocumentsPath(language);
        sitemap.addInterface(allPath, PageModels::allDocumentsPath);
        if (writer.wants(allPath)) {
            work.add(() -> writeListing(writer, inputs, allPath, LISTING_TEMPLATE, language, types, () -> {
                Map<String, Object> all = models.common(language, allPath, bundle.get("listing.all.title"),
                        PageModels::allDocumentsPath);
                all.put("listingTitle", bundle.get("listing.all.title"));
                all.put("listingIntro", bundle.get("listing.all.intro"));
                all.put("groups", models.groups(language, allPath, types));
                all.put("breadcrumbs", List.of(PageModels.link(bundle.get("nav.home"), (String) all.get("home"))));
                return all;
            }));
        }
        for (DocumentType type : types) {
            String path = PageModels.typePath(language, type);
            if (!writer.wants(path)) {
                continue;
            }
            sitemap.addInterface(path, l -> PageModels.typePath(l, type));
            work.add(() -> writeListing(writer, inputs, path, LISTING_TEMPLATE, language, List.of(type), () -> {
                String title = bundle.get("type." + type.id() + ".plural");
                Map<String, Object> model = models.common(language, path, title, l -> PageModels.typePath(l, type));
                model.put("listingTitle", title);
                model.put("listingIntro", bundle.get("type." + type.id() + ".description"));
                model.put("groups", models.groups(language, path, List.of(type)));
                model.put("breadcrumbs", List.of(
                        PageModels.link(bundle.get("nav.home"), (String) model.get("home")),
                        PageModels.link(bundle.get("listing.all.title"), (String) model.get("allDocuments"))));
                return model;
            }));
        }
    }

    /** A page listing documents; its model (long on a large site) is only built if the page must be rendered. */
    private void writeListing(PageWriter writer, PageInputs inputs, String path, String template, Language language,
            List<DocumentType> shown, java.util.function.Supplier<Map<String, Object>> model) {
        String fingerprint = inputs == null ? null : inputs.listingPage(template, path, language, shown);
        if (writer.reuse(path, fingerprint) != null) {
            return;
        }
        writer.write(path, template, language.locale(), model.get(), settings.templateFolder().resolve(template),
                fingerprint, List.of());
    }

    /** The search page; its index is written by the search stage into the language's search/ folder. */
    private void writeSearchPage(PageModels models, PageWriter writer, Language language, MessageBundle bundle) {
        String path = PageModels.searchPath(language);
        if (!writer.wants(path)) {
            return;
        }
        Map<String, Object> model = models.common(language, path, bundle.get("search.title"), PageModels::searchPath);
        model.put("searchIndex", "search/");
        model.put("breadcrumbs", List.of(PageModels.link(bundle.get("nav.home"), (String) model.get("home"))));
        writer.write(path, SEARCH_TEMPLATE, language.locale(), model,
                settings.templateFolder().resolve(SEARCH_TEMPLATE));
    }

    /** The brochures as PDFs in every language they exist in, and the print PDFs for print shops. */
    private void writeDownloadsPage(PageModels models, PageWriter writer, Language language, MessageBundle bundle) {
        String path = PageModels.downloadsPath(language);
        if (!writer.wants(path)) {
            return;
        }
        Map<String, Object> model = models.common(language, path, bundle.get("pdf.downloads"),
                PageModels::downloadsPath);
        model.put("brochures", models.downloads(language, path));
        model.put("breadcrumbs", List.of(PageModels.link(bundle.get("nav.home"), (String) model.get("home"))));
        writer.write(path, DOWNLOADS_TEMPLATE, language.locale(), model,
                settings.templateFolder().resolve(DOWNLOADS_TEMPLATE));
    }

    private Map<String, Object> languageChooserModel(PageModels models) {
        Language source = settings.sourceLanguage();
        Map<String, Object> model = models.common(source, "index.html", messages.of(source).get("site.name"),
                l -> "index.html", l -> false);
        model.put("languages", models.languages("index.html"));
        model.put("breadcrumbs", List.of());
        return model;
    }

    private static DocumentModel jbakeDocument(CatalogDocument document, SitePage page, String body) {
        DocumentModel model = new DocumentModel();
        model.setTitle(document.title());
        model.setBody(body);
        model.setType(document.type().id());
        model.setUri(page.outputPath());
        model.setStatus("published");
        return model;
    }

    private Set<String> reservedPaths() {
        Set<String> reserved = new HashSet<>();
        reserved.add("index.html");
        for (Language language : settings.languages()) {
            reserved.add(PageModels.homePath(language));
            reserved.add(PageModels.allDocumentsPath(language));
            reserved.add(PageModels.searchPath(language));
            reserved.add(PageModels.downloadsPath(language));
            settings.documentTypes().values().forEach(t -> reserved.add(PageModels.typePath(language, t)));
        }
        return reserved;
    }

    private Set<String> knownPaths(Catalog catalog) {
        Set<String> known = reservedPaths();
        for (Language language : settings.languages()) {
            catalog.pages(language).forEach(p -> known.add(p.outputPath()));
        }
        catalog.staticFiles().forEach(f -> known.add(f.outputPath()));
        return known;
    }

    private static void checkLinks(CatalogDocument document, String outputPath, FinishedBody body,
            Set<String> known, ProblemCollector problems) {
        if (body.brokenAnchors().isEmpty() && body.unsafeMarkup().isEmpty() && body.foreignResources().isEmpty()) {
            checkLinkTargets(document, outputPath, body.relativeLinks(), known, problems);
            return;
        }
        List<String> sourceLines = sourceLines(document.source());
        for (String anchor : body.brokenAnchors()) {
            problems.add(new Problem(document.source(), lineMentioning(sourceLines, anchor),
                    "the cross reference to '#" + anchor + "' has no target in this document: correct the id or "
                            + "give the target section the id [#" + anchor + "]"));
        }
        checkLinkTargets(document, outputPath, body.relativeLinks(), known, problems);
        // The second net behind the source scan of the content stage: raw HTML from included files and the like.
        for (UnsafeMarkupScanner.Finding unsafe : body.unsafeMarkup()) {
            problems.add(new Problem(document.source(), lineMentioning(sourceLines, unsafe.token()), unsafe.message()));
        }
        for (String src : body.foreignResources()) {
            problems.add(new Problem(document.source(), lineMentioning(sourceLines, src), "'" + src
                    + "' would be loaded from another host, which the site never does (privacy): store the file "
                    + "next to the document and refer to it by a relative path"));
        }
    }

    private static void checkLinkTargets(CatalogDocument document, String outputPath, List<String> links,
            Set<String> known, ProblemCollector problems) {
        List<String> sourceLines = null;
        for (String href : links) {
            String target = SiteLinks.resolve(outputPath, href);
            if (target == null || !known.contains(target)) {
                if (sourceLines == null) {
                    sourceLines = sourceLines(document.source());
                }
                String shown = href.replaceFirst("#.*$", "");
                problems.add(new Problem(document.source(), lineMentioning(sourceLines,
                        shown.replaceFirst("\\.html$", "")),
                        "the link target '" + href + "' does not exist in the site: correct the path (relative to "
                                + "this file, e.g. xref:other.adoc[]) or add the missing document"));
            }
        }
    }

    private static List<String> sourceLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int lineMentioning(List<String> lines, String needle) {
        String bare = needle.contains("/") ? needle.substring(needle.lastIndexOf('/') + 1) : needle;
        for (int i = 0; i < lines.size(); i++) {
            if (!bare.isEmpty() && lines.get(i).contains(bare)) {
                return i + 1;
            }
        }
        return 1;
    }

    private void copyAssets(Path staging, ProblemCollector problems) {
        Path assets = settings.assetFolder();
        if (!Files.isDirectory(assets)) {
            return;
        }
        Path target = staging.resolve(settings.jbake().getAssetFolderName());
        try (Stream<Path> walk = Files.walk(assets)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = assets.relativize(file);
                if (relative.toString().startsWith(".") || relative.getFileName().toString().startsWith(".")
                        || relative.startsWith(Path.of("fonts", "pdf"))) {
                    // The TrueType fonts of the PDFs are embedded in the PDFs; the site does not serve them.
                    continue;
                }
                Path out = target.resolve(relative.toString());
                Files.createDirectories(out.getParent());
                Files.copy(file, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            problems.add(new Problem(assets, 1, "the assets cannot be copied (" + e.getMessage() + ")"));
        }
    }

    private static void copyStaticFiles(Catalog catalog, Path staging, ProblemCollector problems) {
        for (StaticFile file : catalog.staticFiles()) {
            try {
                Path out = staging.resolve(file.outputPath());
                Files.createDirectories(out.getParent());
                Files.copy(file.source(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                problems.add(new Problem(file.source(), 1, "cannot be copied into the site (" + e.getMessage() + ")"));
            }
        }
    }

    /** Renders templates into files and turns template errors into problems that name the template line. */
    private static final class PageWriter {
        // A private-use character, which finished bodies never contain, around a word no page shows.
        private static final String BODY_STAND_IN = "\uE003document-body\uE003";
        private final Path staging;
        private final SiteTemplateEngine templates;
        private final ProblemCollector problems;
        private final java.util.function.Predicate<String> selected;
        private final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());

        private final OutputMemory memory;
        private final PageFingerprint fingerprints;
        private final boolean atomic;
        private final Map<Path, Boolean> folders = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean skippedAny;

        PageWriter(Path staging, SiteTemplateEngine templates, ProblemCollector problems,
                java.util.function.Predicate<String> selected, OutputMemory memory, PageFingerprint fingerprints,
                boolean atomic) {
            this.atomic = atomic;
            this.memory = memory;
            this.fingerprints = fingerprints;
            this.staging = staging;
            this.templates = templates;
            this.problems = problems;
            this.selected = selected;
        }

        /** The fingerprint of a page's model, or {@code null} when pages are not remembered between builds. */
        String fingerprint(String template, Locale locale, Map<String, Object> values) {
            return memory.remembers() ? fingerprints.of(template, locale, values) : null;
        }

        /** Takes a page over from the published site if it was made from the same; its links, else null. */
        List<String> reuse(String outputPath, String fingerprint) {
            List<String> links = memory.reuse(outputPath, fingerprint, staging);
            if (links != null) {
                written.add(outputPath);
            }
            return links;
        }

        /** Whether the page is to be written; a page left out keeps its file from an earlier bake. */
        boolean wants(String outputPath) {
            boolean wanted = selected.test(outputPath);
            if (!wanted) {
                skippedAny = true;
            }
            return wanted;
        }

        boolean skippedAny() {
            return skippedAny;
        }

        void write(String outputPath, String template, Locale locale, Map<String, Object> values, Path templateFile) {
            if (!wants(outputPath)) {
                return;
            }
            String fingerprint = fingerprint(template, locale, values);
            if (reuse(outputPath, fingerprint) != null) {
                return;
            }
            write(outputPath, template, locale, values, templateFile, fingerprint, List.of());
        }

        void write(String outputPath, String template, Locale locale, Map<String, Object> values, Path templateFile,
                String fingerprint, List<String> links) {
            StringWriter out = new StringWriter(16384);
            try {
                templates.render(model(values), template, locale, out);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.getBuffer().length() + 1024);
                bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
                store(outputPath, bytes, fingerprint, links);
            } catch (RenderingException e) {
                problems.add(templateProblem(e, templateFile, outputPath));
            } catch (IOException e) {
                problems.add(new Problem(templateFile, 1, "cannot write " + outputPath + " (" + e.getMessage() + ")"));
            }
        }

        /**
         * Renders a document page around a stand-in for its body, then puts in the body, encoded once for all
         * languages, with the labels of {@code messages}: the long body is neither copied by the template nor
         * encoded again for each language. The page is rendered with the body itself if the stand-in does not
         * appear exactly once.
         */
        void writeWithBody(String outputPath, String template, Locale locale, Map<String, Object> values,
                Path templateFile, String fingerprint, List<String> links, FinishedBody.EncodedBody body,
                MessageBundle messages, java.util.function.Consumer<String> setBody,
                java.util.function.Supplier<String> fullBody) {
            try {
                setBody.accept(BODY_STAND_IN);
                StringWriter out = new StringWriter(16384);
                templates.render(model(values), template, locale, out);
                StringBuffer page = out.getBuffer();
                int at = page.indexOf(BODY_STAND_IN);
                if (at < 0 || page.indexOf(BODY_STAND_IN, at + 1) >= 0) {
                    setBody.accept(fullBody.get());
                    write(outputPath, template, locale, values, templateFile, fingerprint, links);
                    return;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(page.length() + body.size() + 1024);
                bytes.writeBytes(page.substring(0, at).getBytes(StandardCharsets.UTF_8));
                body.writeTo(bytes, messages);
                bytes.writeBytes(page.substring(at + BODY_STAND_IN.length()).getBytes(StandardCharsets.UTF_8));
                store(outputPath, bytes, fingerprint, links);
            } catch (RenderingException e) {
                problems.add(templateProblem(e, templateFile, outputPath));
            } catch (IOException e) {
                problems.add(new Problem(templateFile, 1, "cannot write " + outputPath + " (" + e.getMessage() + ")"));
            }
        }

        private static TemplateModel model(Map<String, Object> values) {
            TemplateModel model = new TemplateModel();
            model.putAll(values);
            return model;
        }

        private void store(String outputPath, ByteArrayOutputStream bytes, String fingerprint, List<String> links)
                throws IOException {
            Path file = staging.resolve(outputPath);
            Path folder = file.getParent();
            if (folders.get(folder) == null) {
                try {
                    folders.computeIfAbsent(folder, f -> {
                        try {
                            Files.createDirectories(f);
                            return Boolean.TRUE;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            boolean inPlace = !atomic;
            if (inPlace) {
                // A fresh staging folder: nothing to replace, least of all a page linked from the published site.
                try (OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    bytes.writeTo(stream);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    inPlace = false;
                }
            }
            if (!inPlace) {
                // Written beside and renamed, so that a preview reader never sees half a page.
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    bytes.writeTo(stream);
                }
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            written.add(outputPath);
            memory.record(outputPath, fingerprint, bytes.size(), links);
        }

        List<String> written() {
            return written.stream().sorted().toList();
        }

        private Problem templateProblem(RenderingException e, Path templateFile, String outputPath) {
            Throwable cause = e.getCause();
            if (cause instanceof TemplateException te) {
                Path file = te.getTemplateSourceName() == null ? templateFile
                        : templateFile.getParent().resolve(te.getTemplateSourceName());
                int line = te.getLineNumber() == null ? 1 : te.getLineNumber();
                String detail = te.getMessageWithoutStackTop().lines().findFirst().orElse("");
                return new Problem(file, line, "the template failed while writing " + outputPath + ": " + detail);
            }
            String detail = cause == null ? e.getMessage() : cause.getMessage();
            return new Problem(templateFile, 1, "the template failed while writing " + outputPath + ": " + detail);
        }
    }
}
