package de.leitbild.publisher.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import de.leitbild.publisher.config.DocumentType;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.i18n.MessageBundles;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.problem.ProblemCollector;

/** The {@code content} stage: reads {@code content/<language>/…}, parses every document and validates it. */
public final class ContentCatalogReader {

    static final Set<String> OTHER_ASCIIDOC_EXTENSIONS = Set.of(".asciidoc", ".asc", ".ad");

    private final SiteSettings settings;
    private final MessageBundles messages;
    private final AsciidocEngine engine;

    private final boolean lookUpHistory;
    private ConversionStore store = ConversionStore.none();
    private boolean rehearsal;

    public ContentCatalogReader(SiteSettings settings, MessageBundles messages, AsciidocEngine engine) {
        this(settings, messages, engine, true);
    }

    /**
     * A reader that, without {@code lookUpHistory}, does not ask Git since which change a translation is
     * outdated: the preview reads the sources after every edit and shows no such warnings.
     */
    public ContentCatalogReader(SiteSettings settings, MessageBundles messages, AsciidocEngine engine,
            boolean lookUpHistory) {
        this.lookUpHistory = lookUpHistory;
        this.settings = settings;
        this.messages = messages;
        this.engine = engine;
    }

    /** The same reader, taking unchanged documents' conversions from {@code store} (the last build's). */
    public ContentCatalogReader withStore(ConversionStore conversions) {
        ContentCatalogReader reader = new ContentCatalogReader(settings, messages, engine, lookUpHistory);
        reader.store = conversions;
        return reader;
    }

    /**
     * The same reader, reading as if the first document of the source language that is no part of a brochure (or
     * else the first) had been edited (a sentence added to its text, the file left as it is): a rehearsal of an
     * edit's build (see {@code SiteBuild#rehearsing}),
     * which converts, renders and indexes that document anew. What the files gave is not kept for the next
     * reading, except for the files read as they are.
     */
    public ContentCatalogReader rehearsingAnEdit() {
        ContentCatalogReader reader = withStore(store);
        reader.rehearsal = true;
        return reader;
    }

    /** Reads and validates the whole content folder; every problem found is reported together. */
    public Catalog read() throws BuildFailure {
        Reading reading = readAll();
        if (!reading.problems().isEmpty()) {
            throw new BuildFailure(reading.problems());
        }
        return reading.catalog();
    }

    /** A catalog of every document that could be read, and the problems found; for checks that look further. */
    public record Reading(Catalog catalog, List<Problem> problems) {
    }

    /** Reads the whole content folder and goes on past problems, so that {@code check} can also look at links. */
    public Reading readAll() throws BuildFailure {
        Path contentFolder = settings.contentFolder();
        if (!Files.isDirectory(contentFolder)) {
            throw new BuildFailure(new Problem(settings.configFile(), 1, "the content folder "
                    + contentFolder.getFileName() + "/ does not exist: create it with one folder per language"));
        }
        ProblemCollector problems = new ProblemCollector();
        List<Candidate> candidates = new ArrayList<>();
        List<StaticFile> staticFiles = new ArrayList<>();
        Set<String> reportedFolders = new LinkedHashSet<>();
        for (Path file : sourceFiles(contentFolder)) {
            Path relative = contentFolder.relativize(file);
            if (relative.getNameCount() < 2) {
                problems.add(new Problem(file, 1, "this file is outside a language folder: move it into "
                        + "content/" + settings.sourceLanguage().id() + "/ (or the folder of its language)"));
                continue;
            }
            String folder = relative.getName(0).toString();
            Optional<Language> language = settings.language(folder);
            if (language.isEmpty()) {
                if (reportedFolders.add(folder)) {
                    problems.add(new Problem(file, 1, "'" + folder + "' is not a configured language: add it to "
                            + "site.languages in jbake.properties, or move the files into a configured language "
                            + "folder (" + String.join(", ", settings.languages().stream().map(Language::id).toList())
                            + ")"));
                }
                continue;
            }
            String inside = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
            String name = file.getFileName().toString();
            if (name.endsWith(".adoc") && !inside.matches("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.adoc")) {
                problems.add(new Problem(file, 1, "the file name becomes the web address: use lowercase letters "
                        + "a-z, digits and hyphens only (no umlauts, spaces or capitals), e.g. "
                        + "jahresbericht-2025.adoc"));
            } else if (name.endsWith(".adoc")) {
                candidates.add(new Candidate(file, language.get(),
                        inside.substring(0, inside.length() - ".adoc".length())));
            } else if (OTHER_ASCIIDOC_EXTENSIONS.stream().anyMatch(name::endsWith)) {
                problems.add(new Problem(file, 1, "AsciiDoc sources must end in .adoc: rename the file"));
            } else {
                staticFiles.add(new StaticFile(file, folder + "/" + inside));
            }
        }
        Map<Language, Map<String, Object>> attributes = new java.util.HashMap<>();
        settings.languages().forEach(l -> attributes.put(l, asciidocAttributes(l)));
        SourceMemory memory = SourceMemory.forReading(memoryStamp(attributes));
        // Read on this thread alone while JRuby starts on another: the first conversion waits for JRuby, and
        // JRuby's start goes fastest with a processor core to itself. An engine that has started already (the
        // build daemon's, the preview's) leaves all cores to the reading.
        // Only a source that is translated needs its version (a SHA-256 of its whole text, which takes the client
        // compiler a build runs with a few percent of the build): the others are read without one.
        Set<String> translated = candidates.stream().filter(c -> !c.language().equals(settings.sourceLanguage()))
                .map(Candidate::path).collect(java.util.stream.Collectors.toSet());
        var reading = engine.isStarted() ? candidates.parallelStream() : candidates.stream();
        List<Read> reads = reading
                .map(c -> read(c, c.language().equals(settings.sourceLanguage()) && translated.contains(c.path()),
                        memory, problems))
                .flatMap(Optional::stream)
                .toList();
        List<CatalogDocument> documents = new ArrayList<>(reads.size());
        List<Read> sources = new ArrayList<>(reads.size());
        // The first document of the source language that is no part of a brochure: an edit of a brochure part
        // renders the brochure's PDFs too, seconds of work a rehearsal need not do (and that the first build asked
        // for meanwhile would wait for).
        Read edited = !rehearsal ? null : reads.stream()
                .filter(r -> r.language().equals(settings.sourceLanguage()))
                .min(Comparator.comparing(ContentCatalogReader::inBrochure)).orElse(null);
        for (Read read : reads) {
            if (read == edited) {
                Source source = read.source() != null ? read.source()
                        : readSource(read.known().document().source(), read.language(),
                                read.known().document().path(), problems).orElse(null);
                if (source != null) {
                    String text = source.text() + "\n\nDieser Satz steht nur in der Probe des Build-Daemons.\n";
                    sources.add(new Read(read.language(), null, null, new Source(source.file(), source.language(),
                            source.path(), text, source.header(), SourceVersion.of(text))));
                }
                continue;
            }
            if (read.known() == null) {
                sources.add(read);
            } else {
                // The same bytes as in the last reading, with the same settings: the same document.
                CatalogDocument known = read.known().document();
                store.taken(read.known().conversionKey(), known.conversion());
                memory.note(known.source(), read.known());
                documents.add(new CatalogDocument(known.source(), read.language(), known.path(),
                        settings.documentType(known.type().id()).orElse(known.type()), known.title(),
                        known.published(), known.attributes(), known.attributeLines(), known.version(),
                        known.conversion()));
            }
        }
        // Converting is nearly all of this stage's time and each document stands alone: all cores share it.
        java.util.function.Function<Read, Converted> convert = r -> {
            Source s = r.source();
            String key = store.keyFor(s.file(), s.text(), attributes.get(s.language()));
            return new Converted(store.convert(engine, s.file(), s.text(), attributes.get(s.language()), key), key);
        };
        List<Converted> conversions = new ArrayList<>();
        if (!sources.isEmpty()) {
            // The first on this thread alone: JRuby sets up some of its classes lazily, on first use.
            conversions.add(convert.apply(sources.get(0)));
            conversions.addAll(sources.subList(1, sources.size()).parallelStream().map(convert).toList());
        }
        List<Converted> converted = conversions;
        documents.addAll(java.util.stream.IntStream.range(0, sources.size())
                .parallel()
                .mapToObj(i -> {
                    Read read = sources.get(i);
                    Converted conversion = converted.get(i);
                    Optional<CatalogDocument> document = document(read.source(), conversion.conversion(), problems);
                    if (document.isPresent() && read.bytes() != null && conversion.key() != null) {
                        memory.note(read.source().file(), new SourceMemory.Known(read.bytes(), document.get(),
                                conversion.key()));
                    }
                    return document;
                })
                .flatMap(Optional::stream)
                .toList());
        documents.sort(Comparator.comparing(CatalogDocument::outputPath));
        List<Problem> warnings = new ArrayList<>();
        List<TranslationSet> sets = TranslationLinker.link(settings, documents, problems, warnings, lookUpHistory);
        List<Brochure> brochures = BrochureAssembler.assemble(documents.stream()
                .filter(d -> d.language().equals(settings.sourceLanguage())).toList(), problems);
        List<Problem> found = List.of();
        try {
            problems.throwIfAny();
            memory.keep();
        } catch (BuildFailure failure) {
            found = failure.problems();
        }
        return new Reading(new Catalog(List.copyOf(documents), sets, brochures, List.copyOf(staticFiles),
                warnings.stream().sorted().toList()), found);
    }

    /** A file of a language folder that names a document, waiting to be read. */
    private record Candidate(Path file, Language language, String path) {
    }

    /** A source file read and scanned, waiting to be converted. */
    private record Source(Path file, Language language, String path, String text, SourceHeader header,
            String version) {
    }

    /**
     * A file read: either the same bytes as in the last reading of this process ({@code known}) or a source to
     * convert; {@code bytes} is the digest of the file's bytes when the reading notes it, else null.
     */
    private record Read(Language language, String bytes, SourceMemory.Known known, Source source) {
    }

    /** A source converted, with its key in the conversion store (null if the store does not keep it). */
    private record Converted(AsciidocEngine.Conversion conversion, String key) {
    }

    private static boolean inBrochure(Read read) {
        return read.known() != null ? read.known().document().attribute("brochure").isPresent()
                : read.source().header().attributeLines().containsKey("brochure");
    }

    private Optional<Read> read(Candidate candidate, boolean versioned, SourceMemory memory,
            ProblemCollector problems) {
        Path file = candidate.file();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(file, 1, "the file cannot be read (" + e.getMessage() + ")"));
            return Optional.empty();
        }
        String digest = memory.notes() ? SourceMemory.digest(bytes) : null;
        SourceMemory.Known known = digest == null ? null : memory.recall(file, digest);
        // A source that was read without its version when it had no translation yet is read again.
        if (known != null && (!versioned || !known.document().version().isEmpty())) {
            return Optional.of(new Read(candidate.language(), digest, known, null));
        }
        return source(file, candidate.language(), candidate.path(), bytes, versioned, problems)
                .map(source -> new Read(candidate.language(), digest, null, source));
    }

    /** What the last build's memory of the sources holds for: the code, the configuration, the attributes. */
    private String memoryStamp(Map<Language, Map<String, Object>> attributes) {
        de.leitbild.publisher.cache.ContentDigest stamp = new de.leitbild.publisher.cache.ContentDigest()
                .add(ConversionStore.codeStamp(ContentCatalogReader.class))
                .add(settings.contentFolder().toString())
                .add(String.valueOf(lookUpHistory));
        try {
            stamp.add(Files.readAllBytes(settings.configFile()));
        } catch (IOException e) {
            stamp.add(System.nanoTime());
        }
        settings.languages().forEach(l -> stamp.add(l.toString()).add(new TreeMap<>(attributes.get(l)).toString()));
        return stamp.hex();
    }

    /**
     * Keeps what each source file gave between the builds of this process, so that a rebuild decodes and checks
     * only the files whose bytes changed: for the build daemon and the preview (see {@link SourceMemory}). With
     * false, forgets them and reads everything again.
     */
    public static void keepSourcesBetweenBuilds(boolean keep) {
        SourceMemory.keepBetweenBuilds(keep);
    }

    private Optional<Source> readSource(Path file, Language language, String path, ProblemCollector problems) {
        try {
            return source(file, language, path, Files.readAllBytes(file), true, problems);
        } catch (IOException e) {
            problems.add(new Problem(file, 1, "the file cannot be read (" + e.getMessage() + ")"));
            return Optional.empty();
        }
    }

    /** A source file decoded and scanned; with {@code versioned}, with its {@link SourceVersion}, else with "". */
    private Optional<Source> source(Path file, Language language, String path, byte[] bytes, boolean versioned,
            ProblemCollector problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, 1, "the file is not valid UTF-8 text: save it with the encoding UTF-8"));
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        problems.addAll(UnsafeMarkupScanner.scan(file, lines));
        SourceHeader header = SourceHeader.scan(lines);
        if (header.titleLine() == 0) {
            problems.add(new Problem(file, 1, "the document has no title: its header must start with a line "
                    + "'= Title of the document'"));
            return Optional.empty();
        }
        // Hashed here, on the reading threads: the version is a SHA-256 of the whole text.
        return Optional.of(new Source(file, language, path, text, header, versioned ? SourceVersion.of(text) : ""));
    }

    /** Reads, converts and validates one document (the preview, after an edit). */
    private Optional<CatalogDocument> readDocument(Path file, Language language, String path,
            ProblemCollector problems) {
        return readSource(file, language, path, problems).flatMap(source -> document(source,
                store.convert(engine, file, source.text(), asciidocAttributes(language)), problems));
    }

    private Optional<CatalogDocument> document(Source source, AsciidocEngine.Conversion conversion,
            ProblemCollector problems) {
        Path file = source.file();
        SourceHeader header = source.header();
        problems.addAll(conversion.problems());
        Map<String, Object> all = conversion.attributes();
        Map<String, String> attributes = new TreeMap<>();
        for (String name : header.attributeLines().keySet()) {
            Object value = all.get(name);
            if (value != null) {
                attributes.put(name, String.valueOf(value).trim());
            }
        }
        DocumentValidator validator = new DocumentValidator(settings, file, header);
        Optional<DocumentType> type = validator.validate(attributes, problems);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        boolean published = "published".equals(attributes.get("jbake-status"));
        Map<String, Integer> lineMap = new LinkedHashMap<>(header.attributeLines());
        lineMap.put("title", header.titleLine());
        return Optional.of(new CatalogDocument(file, source.language(), source.path(), type.get(), conversion.title(),
                published, Map.copyOf(attributes), Map.copyOf(lineMap), source.version(), conversion));
    }

    private Map<String, Object> asciidocAttributes(Language language) {
        return AsciidocAttributes.forLanguage(settings, messages.of(language), language);
    }

    private static List<Path> sourceFiles(Path folder) throws BuildFailure {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isIgnored(folder.relativize(p)))
                    .sorted(Comparator.comparing(p -> p.toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new BuildFailure(new Problem(folder, 1, "the content folder cannot be read (" + e.getMessage() + ")"));
        }
    }

    /**
     * Reads only the {@code changed} files again and keeps every other document of {@code previous}, a catalog
     * read before with the same settings: the preview, told by its file watcher what an edit touched, need not
     * read and check the whole folder again. Translations and brochures are linked anew over all documents.
     * Empty when a changed file is not simply a document of a language folder (a static file, a folder, a
     * misplaced or misnamed file): then {@link #read()} everything, which also names what is wrong. A document
     * that includes other files is only read again if it is among {@code changed}.
     */
    public Optional<Catalog> readChanged(Catalog previous, Set<Path> changed) throws BuildFailure {
        Path contentFolder = settings.contentFolder();
        Map<Path, CatalogDocument> documents = new LinkedHashMap<>();
        previous.documents().forEach(d -> documents.put(d.source(), d));
        Set<Path> staticSources = new java.util.HashSet<>();
        previous.staticFiles().forEach(f -> staticSources.add(f.source()));
        ProblemCollector problems = new ProblemCollector();
        for (Path file : changed) {
            if (!file.startsWith(contentFolder) || file.equals(contentFolder)) {
                return Optional.empty();
            }
            Path relative = contentFolder.relativize(file);
            if (isIgnored(relative)) {
                continue;
            }
            if (!Files.exists(file)) {
                if (staticSources.stream().anyMatch(f -> f.startsWith(file))
                        || documents.keySet().stream().anyMatch(d -> d.startsWith(file) && !d.equals(file))) {
                    // A static file or a whole folder went away.
                    return Optional.empty();
                }
                // A document that went away, or a file that came and went between two reads.
                documents.remove(file);
                continue;
            }
            if (!Files.isRegularFile(file) || relative.getNameCount() < 2) {
                return Optional.empty();
            }
            Optional<Language> language = settings.language(relative.getName(0).toString());
            String inside = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
            if (language.isEmpty() || !inside.matches("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.adoc")) {
                return Optional.empty();
            }
            documents.remove(file);
            readDocument(file, language.get(), inside.substring(0, inside.length() - ".adoc".length()), problems)
                    .ifPresent(d -> documents.put(file, d));
        }
        List<CatalogDocument> sorted = new ArrayList<>(documents.values());
        sorted.sort(Comparator.comparing(CatalogDocument::outputPath));
        List<Problem> warnings = new ArrayList<>();
        List<TranslationSet> sets = TranslationLinker.link(settings, sorted, problems, warnings, lookUpHistory);
        List<Brochure> brochures = BrochureAssembler.assemble(sorted.stream()
                .filter(d -> d.language().equals(settings.sourceLanguage())).toList(), problems);
        problems.throwIfAny();
        return Optional.of(new Catalog(List.copyOf(sorted), sets, brochures, previous.staticFiles(),
                warnings.stream().sorted().toList()));
    }

    /** Hidden files and the backup and lock files editors leave behind are not content. */
    public static boolean isIgnored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".tmp")
                    || (name.startsWith("#") && name.endsWith("#"))) {
                return true;
            }
        }
        return false;
    }
}
