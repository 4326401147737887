package de.leitbild.publisher.search;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.leitbild.publisher.bake.PageText;
import de.leitbild.publisher.cache.CacheKeeping;
import de.leitbild.publisher.cache.ContentDigest;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;
import de.leitbild.publisher.publish.OutputMemory;

/**
 * The {@code search} stage: analyses the baked pages of every language with Lucene and writes the static,
 * sharded index of docs/search-index-format.md into {@code <lang>/search/}.
 */
public final class SearchIndexWriter {

    public static final int FORMAT = 3;
    static final int SECTION_CHUNK_SIZE = 32;
    /** About how much JSON (before gzip) a key shard holds: some 10 kB to fetch, a few words typed per fetch. */
    static final int KEY_SHARD_BYTES = 40_000;
    /**
     * A key group of more JSON than this is split by the next character (see {@link KeyGroups}). At 2,000
     * documents a typed word then fetches about 100 kB (median; 160 kB at most) instead of 240 kB (530 kB at
     * most). Smaller groups would mean fewer bytes per word but more in all (a term is repeated in every shard
     * with a key that yields it), a larger manifest and a slower search stage: at 80,000 bytes a word fetched
     * 19 kB, the manifest grew to 72 kB and the German index from 17 to 56 MB.
     */
    static final int GROUP_SPLIT_BYTES = 10 * KEY_SHARD_BYTES;
    /**
     * A term lists at most this many sections, those where it scores highest. A term is repeated in every key
     * shard with a key that yields it, so without a bound a frequent word of a large site (Integration in 2,000
     * documents) would make every shard as large as the site; a reader looks at the first few results anyway.
     */
    static final int MAX_POSTINGS = 100;
    static final int MAX_QUERY_LENGTH = 200;
    /**
     * The code and format that make an index: where the fingerprint of each index file starts, and part of what a
     * build compares before it takes a language's index over whole.
     */
    public static final String CODE_STAMP = "search index format " + FORMAT + ", "
            + de.leitbild.publisher.content.ConversionStore.codeStamp(SearchIndexWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Word by word work of a language's last build (compound parts, spellings), kept in memory for the next build
     * of the same process, only in a process that builds again and again: see {@link #keepWordWorkBetweenBuilds}.
     */
    private static final Map<String, CompoundDictionary.Memory> COMPOUND_MEMORIES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, KeyVocabulary.Spellings> SPELLINGS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile boolean keepsWordWork;

    private final SiteSettings settings;
    private final Path memoryFolder;
    private final CacheKeeping keeping;
    private final long groupSplitBytes;

    public SearchIndexWriter(SiteSettings settings) {
        this(settings, null, CacheKeeping.atOnce(), GROUP_SPLIT_BYTES);
    }

    private SearchIndexWriter(SiteSettings settings, Path memoryFolder, CacheKeeping keeping, long groupSplitBytes) {
        this.settings = settings;
        this.memoryFolder = memoryFolder;
        this.keeping = keeping;
        this.groupSplitBytes = groupSplitBytes;
        if (memoryFolder != null) {
            // Tens of megabytes for a large site: read on their own threads while the earlier stages run.
            // One after another on one thread: the build's start (JRuby) needs the processor more urgently.
            String stamp = de.leitbild.publisher.content.ConversionStore.codeStamp(SearchIndexWriter.class);
            java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "search-memory");
                        thread.setDaemon(true);
                        return thread;
                    });
            for (Language language : settings.languages()) {
                sectionMemories.put(language.id(), java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> SectionMemory.load(memoryFolder.resolve("search-sections-" + language.id() + ".bin"),
                                stamp), reader));
                wordMemories.put(language.id(), java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> WordMemory.read(memoryFolder.resolve("search-words-" + language.id() + ".bin"),
                                stamp + ":" + language.analyzer()), reader));
                pageMemories.put(language.id(), java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> PageAnalysisMemory.load(memoryFolder.resolve("search-pages-" + language.id() + ".bin"),
                                stamp + ":" + language.analyzer()), reader));
            }
            if (settings.languages().stream().anyMatch(l -> LanguageAnalyzers.splitsCompounds(l.analyzer()))) {
                reader.execute(CompoundDictionary::germanWordList);
            }
            reader.shutdown();
        }
    }

    private final Map<String, java.util.concurrent.CompletableFuture<SectionMemory>> sectionMemories =
            new java.util.HashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<WordMemory.Stored>> wordMemories =
            new java.util.HashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<PageAnalysisMemory>> pageMemories =
            new java.util.HashMap<>();

    /** The memories this writer is saving for the next build, on threads of their own. */
    private final List<java.util.concurrent.CompletableFuture<Void>> saving =
            java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Done when the memories of the languages written so far are saved: a build that needs them on disk when it
     * ends waits for it. Each file is written whole and then renamed, so a build that starts meanwhile reads the
     * last complete one, which only makes it redo more.
     */
    public java.util.concurrent.CompletableFuture<Void> memoriesSaved() {
        synchronized (saving) {
            return java.util.concurrent.CompletableFuture.allOf(
                    saving.toArray(java.util.concurrent.CompletableFuture[]::new));
        }
    }

    /**
     * Keeps the sections of each language's pages in {@code folder} (the build's cache), so that a later build
     * reads only the pages that changed. What the last build kept there is read at once, on other threads:
     * make the writer early in a build.
     */
    public SearchIndexWriter withMemory(Path folder) {
        return withMemory(folder, CacheKeeping.atOnce());
    }

    /** The same, saving the memories for the next build when {@code keeping} says so. */
    public SearchIndexWriter withMemory(Path folder, CacheKeeping keeping) {
        return new SearchIndexWriter(settings, folder, keeping, groupSplitBytes);
    }

    /** The same, splitting key groups of more than {@code bytes} of JSON (tests split small sites' groups). */
    SearchIndexWriter splittingGroupsAbove(long bytes) {
        return new SearchIndexWriter(settings, memoryFolder, keeping, bytes);
    }

    /**
     * Keeps word by word work (compound parts, the spellings of the keys) in memory from one build to the next of
     * this process, so that a rebuild works out only the words of what changed: for the build daemon and the
     * preview, which build the same site again and again. Some tens of megabytes for a large site.
     */
    public static void keepWordWorkBetweenBuilds() {
        keepsWordWork = true;
    }

    /** The kept work of {@code language}, or a fresh one when the process does not keep work between builds. */
    private static <T> T kept(Map<String, T> kept, Language language, java.util.function.Supplier<T> fresh) {
        return keepsWordWork ? kept.computeIfAbsent(language.id() + " " + language.analyzer(), id -> fresh.get())
                : fresh.get();
    }

    /** What the index of one language holds and how large it is on disk. */
    public record LanguageIndex(String language, int sections, int terms, int keys, long bytes) {
    }

    /** Indexes the pages written into {@code staging}; pages showing untranslated text are left to their own language. */
    public List<LanguageIndex> write(Catalog catalog, Path staging) throws BuildFailure {
        return write(catalog, staging, Map.of(), language -> true, OutputMemory.none());
    }

    /**
     * Indexes the languages {@code which} accepts; the build takes the others' unchanged index over. A page whose
     * text the bake stage hands over in {@code texts} (by output path) is not read again. A file of the index
     * whose content the last build wrote already is taken over from the site {@code published} remembers.
     */
    public List<LanguageIndex> write(Catalog catalog, Path staging, Map<String, PageText> texts,
            java.util.function.Predicate<Language> which, OutputMemory published) throws BuildFailure {
        // Languages side by side: one language's steps that run on one core leave the other core to the next
        // language. Each writes its own folder; the list keeps the languages' order.
        List<Language> languages = settings.languages().stream().filter(which).toList();
        List<Object> results = languages.parallelStream().map(language -> {
            try {
                return (Object) writeLanguage(language, catalog, staging, texts, published);
            } catch (IOException e) {
                return new Problem(staging.resolve(language.id()), 1,
                        "the search index cannot be written (" + e.getMessage() + ")");
            } catch (java.io.UncheckedIOException e) {
                return new Problem(staging.resolve(language.id()), 1,
                        "the search index cannot be written (" + e.getCause().getMessage() + ")");
            }
        }).toList();
        List<LanguageIndex> indexes = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof Problem problem) {
                throw new BuildFailure(problem);
            }
            indexes.add((LanguageIndex) result);
        }
        return indexes;
    }

    private LanguageIndex writeLanguage(Language language, Catalog catalog, Path staging,
            Map<String, PageText> bakedTexts, OutputMemory published) throws IOException {
        SectionMemory memory = memoryFolder == null ? SectionMemory.none()
                : sectionMemories.get(language.id()).join();
        List<SectionMemory.Page> pages = pages(language, catalog, staging, bakedTexts, memory);
        List<SearchSection> sections = numbered(pages);
        // Kept for the next build while this one indexes; only a cache, so failing to keep it costs nothing.
        var keepingSections = keeping.keep("search sections", memory::save);
        String analyzerName = language.analyzer();
        boolean wordByWord = LanguageAnalyzers.analysesWordByWord(analyzerName);
        PageAnalysisMemory pageMemory = memoryFolder == null ? PageAnalysisMemory.none()
                : pageMemories.get(language.id()).join();
        // Each whitespace-separated text once: the compound dictionary and the keys are made of words, and
        // splitting at whitespace first changes no word (both split at whitespace too).
        String[][] pageWords = new String[pages.size()][];
        java.util.stream.IntStream.range(0, pages.size()).parallel().forEach(p -> {
            String[] known = pageMemory.words(pages.get(p));
            pageWords[p] = known != null ? known : distinctWords(pages.get(p).sections());
        });
        // One instance per distinct word, shared by the pages' lists: a large site's pages repeat their words a
        // million times, and the page analyses are kept until the build ends.
        java.util.concurrent.ConcurrentHashMap<String, String> distinct = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Arrays.stream(pageWords).parallel().forEach(words -> {
            for (int i = 0; i < words.length; i++) {
                String known = distinct.putIfAbsent(words[i], words[i]);
                if (known != null) {
                    words[i] = known;
                }
            }
        });
        Set<String> texts = distinct.keySet();
        CompoundDictionary.Parts compoundParts = LanguageAnalyzers.splitsCompounds(analyzerName)
                ? kept(COMPOUND_MEMORIES, language, CompoundDictionary.Memory::new).of(texts, language.locale(),
                        LanguageAnalyzers.stopWords(analyzerName))
                : new CompoundDictionary.Parts(new TreeSet<>(), new TreeSet<>());
        SortedMap<String, ScoredPostings.Postings> postings;
        KeyVocabulary vocabulary;
        java.util.concurrent.CompletableFuture<Void> keepingWords;
        java.util.concurrent.CompletableFuture<Void> keepingPages;
        try (Analyzer analyzer = LanguageAnalyzers.create(analyzerName, compoundParts.dictionary())) {
            WordMemory.Stored stored = memoryFolder == null ? null : wordMemories.get(language.id()).join();
            WordMemory words = stored == null ? WordMemory.none() : stored.validFor(compoundParts.dictionary());
            TermAnalysis analysis = new TermAnalysis(analyzer, wordByWord,
                    LanguageAnalyzers.lowercasesFirst(analyzerName), words.remembered());
            PageAnalysisMemory.Valid valid = stored == null ? page -> null
                    : pageMemory.validFor(compoundParts.dictionary(), wordByWord, stored, words);
            ScoredPostings.SectionTerms[] sectionTerms = analyse(pages, pageWords, sections.size(), analysis, valid,
                    pageMemory);
            SortedSet<String> dictionary = compoundParts.dictionary();
            keepingPages = keeping.keep("search pages", () -> pageMemory.save(dictionary));
            postings = ScoredPostings.compute(sectionTerms);
            Set<String> indexTerms = new java.util.HashSet<>(postings.keySet());
            CharArraySet stopWords = LanguageAnalyzers.stopWords(analyzerName);
            vocabulary = new KeyVocabulary(analysis, stopWords, language.locale(), analyzerName);
            vocabulary.addTexts(texts, indexTerms, kept(SPELLINGS, language, KeyVocabulary.Spellings::new));
            // Compound tails that never stand alone (mappe of Willkommensmappe) are words a reader types too.
            vocabulary.addTexts(compoundParts.tails(), indexTerms);
            Map<String, TermAnalysis.Analysed> analysed = analysis.words();
            Map<String, TermAnalysis.Analysed> remembered = words.remembered();
            keepingWords = keeping.keep("search words",
                    () -> words.save(dictionary, withTakenOver(analysed, texts, remembered)));
        }
        String folder = language.id() + "/search/";
        Files.createDirectories(staging.resolve(folder + "keys"));
        Files.createDirectories(staging.resolve(folder + "sections"));
        IndexFiles files = new IndexFiles(staging, published);

        // Term ids in term order; each term keeps the sections where it scores highest.
        List<Map.Entry<String, ScoredPostings.Postings>> all = new ArrayList<>(postings.entrySet());
        List<IndexTerm> terms = all.parallelStream()
                .map(entry -> new IndexTerm(entry.getKey(), strongest(entry.getValue()))).toList();
        Map<String, Integer> termIds = new java.util.HashMap<>(terms.size() * 2);
        for (int id = 0; id < terms.size(); id++) {
            termIds.put(terms.get(id).name(), id);
        }
        // Keys are grouped by their first two characters, a large group split by the next characters (KeyGroups),
        // and neighbouring groups are put together into shards of about KEY_SHARD_BYTES of JSON, so that the words
        // a reader types next are often in a shard already loaded. A shard holds its keys and every term they
        // yield, with the postings: one fetch per typed word. A term is repeated in each shard that has a key
        // yielding it (a compound part in the shard of each compound): at most once per key, so the index stays
        // linear in the text. The groups come in key order.
        List<Map.Entry<String, SortedSet<String>>> keyEntries = new ArrayList<>(vocabulary.keys().entrySet());
        int[][] idsByKey = new int[keyEntries.size()][];
        java.util.stream.IntStream.range(0, keyEntries.size()).parallel().forEach(k -> {
            int[] ids = new int[keyEntries.get(k).getValue().size()];
            int n = 0;
            for (String term : keyEntries.get(k).getValue()) {
                ids[n++] = termIds.get(term);
            }
            java.util.Arrays.sort(ids);
            idsByKey[k] = ids;
        });
        Map<String, int[]> keyIds = new java.util.HashMap<>(keyEntries.size() * 2);
        List<String> keyList = new ArrayList<>(keyEntries.size());
        for (int k = 0; k < idsByKey.length; k++) {
            keyIds.put(keyEntries.get(k).getKey(), idsByKey[k]);
            keyList.add(keyEntries.get(k).getKey());
        }
        List<KeyGroups.Group> groups = new KeyGroups(groupSplitBytes, KeyShard.estimator(keyIds, terms)).of(keyList);
        Map<String, Integer> keyShards = new LinkedHashMap<>();
        List<KeyShard> shards = new ArrayList<>();
        int[] lastShardOfTerm = new int[terms.size()];
        java.util.Arrays.fill(lastShardOfTerm, -1);
        for (KeyGroups.Group group : groups) {
            if (shards.isEmpty() || shards.get(shards.size() - 1).bytes >= KEY_SHARD_BYTES) {
                shards.add(new KeyShard(shards.size()));
            }
            keyShards.put(group.prefix(), shards.size() - 1);
            for (String key : group.keys()) {
                shards.get(shards.size() - 1).add(key, keyIds.get(key), terms, lastShardOfTerm);
            }
        }
        // Every file on its own: written on all cores, each file's bytes the same whatever the order.
        long bytes = java.util.stream.IntStream.range(0, shards.size()).parallel()
                .mapToLong(n -> files.write(folder + "keys/" + n + ".json.gz",
                        fingerprint -> shards.get(n).describe(fingerprint, terms),
                        out -> shards.get(n).write(out, terms)))
                .sum();
        bytes += java.util.stream.IntStream.range(0, (sections.size() + SECTION_CHUNK_SIZE - 1) / SECTION_CHUNK_SIZE)
                .parallel().mapToLong(chunk -> {
            List<SearchSection> chunkSections = sections.subList(chunk * SECTION_CHUNK_SIZE,
                    Math.min(sections.size(), (chunk + 1) * SECTION_CHUNK_SIZE));
            return files.write(folder + "sections/" + chunk + ".json.gz",
                    fingerprint -> describe(fingerprint, chunkSections, language.lang()),
                    out -> JSON.writeValue(out, sectionEntries(chunkSections, language.lang())));
        }).sum();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("language", language.id());
        manifest.put("lang", language.lang());
        manifest.put("dir", language.dir().attribute());
        manifest.put("keyShards", keyShards);
        manifest.put("sectionChunkSize", SECTION_CHUNK_SIZE);
        manifest.put("sections", sections.size());
        manifest.put("stopKeys", new ArrayList<>(vocabulary.stopKeys()));
        manifest.put("maxQueryLength", MAX_QUERY_LENGTH);
        bytes += writeGzip(staging.resolve(folder + "manifest.json.gz"), out -> JSON.writeValue(out, manifest));
        saving.addAll(List.of(keepingSections, keepingWords, keepingPages));
        return new LanguageIndex(language.id(), sections.size(), termIds.size(), vocabulary.keys().size(), bytes);
    }

    /** A chunk of sections as the client reads it. */
    private static List<Map<String, Object>> sectionEntries(List<SearchSection> sections, String lang) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SearchSection s : sections) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", s.id());
            e.put("url", s.url());
            e.put("page", s.page());
            e.put("heading", s.heading());
            e.put("text", s.text());
            e.put("lang", lang);
            entries.add(e);
        }
        return entries;
    }

    /** Adds everything {@link #sectionEntries} writes to {@code fingerprint}. */
    private static void describe(ContentDigest fingerprint, List<SearchSection> sections, String lang) {
        fingerprint.add(lang).add(sections.size());
        for (SearchSection s : sections) {
            fingerprint.add(s.id()).add(s.url()).add(s.page()).add(s.heading()).add(s.text());
        }
    }

    /**
     * Writes the files of an index into the staging folder, or takes one over from the published site when the
     * last build wrote it from the same content (a fingerprint, computed only where a published site is known).
     */
    private static final class IndexFiles {
        private final Path staging;
        private final OutputMemory published;

        IndexFiles(Path staging, OutputMemory published) {
            this.staging = staging;
            this.published = published;
        }

        /**
         * The file's size; it is in the staging folder, written or taken over. {@code describe} adds to the
         * fingerprint everything {@code content} writes.
         */
        long write(String path, java.util.function.Consumer<ContentDigest> describe, Content content) {
            if (!published.remembers()) {
                return writeGzip(staging.resolve(path), content);
            }
            ContentDigest fingerprint = new ContentDigest().add(CODE_STAMP);
            describe.accept(fingerprint);
            String known = fingerprint.hex();
            if (published.reuse(path, known, staging) != null) {
                try {
                    return Files.size(staging.resolve(path));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            long size = writeGzip(staging.resolve(path), content);
            published.record(path, known, size, List.of());
            return size;
        }
    }

    /** The {@link #MAX_POSTINGS} sections where a term scores highest (ties: the earlier section), by section. */
    static SortedMap<Integer, Float> strongest(SortedMap<Integer, Float> postings) {
        int[] sections = postings.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] scores = new float[sections.length];
        int i = 0;
        for (float score : postings.values()) {
            scores[i++] = score;
        }
        return strongest(new ScoredPostings.Postings(sections, scores)).asMap();
    }

    static ScoredPostings.Postings strongest(ScoredPostings.Postings postings) {
        int count = postings.sections().length;
        if (count <= MAX_POSTINGS) {
            return postings;
        }
        // One primitive sort: the high half orders by score, descending (the bitwise not of Lucene's sortable
        // bits, which order floats as Float.compare does), the low half by index, so among equal scores the lower
        // index, the earlier section, comes first.
        float[] scores = postings.scores();
        long[] order = new long[count];
        for (int i = 0; i < count; i++) {
            order[i] = (long) ~org.apache.lucene.util.NumericUtils.floatToSortableInt(scores[i]) << 32 | i;
        }
        java.util.Arrays.sort(order);
        int[] kept = new int[MAX_POSTINGS];
        for (int i = 0; i < MAX_POSTINGS; i++) {
            kept[i] = (int) order[i];
        }
        java.util.Arrays.sort(kept);
        int[] keptSections = new int[MAX_POSTINGS];
        float[] keptScores = new float[MAX_POSTINGS];
        for (int i = 0; i < MAX_POSTINGS; i++) {
            keptSections[i] = postings.sections()[kept[i]];
            keptScores[i] = scores[kept[i]];
        }
        return new ScoredPostings.Postings(keptSections, keptScores);
    }

    /**
     * A term of the index and its postings as the index lists them; the postings as the JSON array the key shards
     * write are made when a shard is first written with the term, and kept for the other shards that hold it.
     */
    private static final class IndexTerm {
        private final String name;
        private final ScoredPostings.Postings postings;
        /** Made at most once or twice (threads that race make the same text). */
        private volatile String postingsJson;

        IndexTerm(String name, ScoredPostings.Postings postings) {
            this.name = name;
            this.postings = postings;
        }

        String name() {
            return name;
        }

        ScoredPostings.Postings postings() {
            return postings;
        }

        String postingsJson() {
            String json = postingsJson;
            if (json == null) {
                json = toJson(postings);
                postingsJson = json;
            }
            return json;
        }

        private static String toJson(ScoredPostings.Postings postings) {
            java.io.StringWriter text = new java.io.StringWriter(postings.sections().length * 12 + 2);
            try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
                json.writeStartArray();
                for (int i = 0; i < postings.sections().length; i++) {
                    json.writeNumber(postings.sections()[i]);
                    int thousandths = Thousandths.of(postings.scores()[i]);
                    if (Thousandths.fits(thousandths)) {
                        json.writeNumber(Thousandths.text(thousandths));
                    } else {
                        json.writeNumber(thousandths / 1000.0);
                    }
                }
                json.writeEndArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return text.toString();
        }
    }

    /** The keys of a key shard and the terms they yield, by id; {@code bytes} estimates the JSON's size. */
    private static final class KeyShard {
        private final int number;
        private final List<String> keys = new ArrayList<>();
        private final Set<String> keySet = new java.util.HashSet<>();
        private final List<int[]> keyTerms = new ArrayList<>();
        private int[] terms = new int[64];
        private int termCount;
        private long bytes;

        KeyShard(int number) {
            this.number = number;
        }

        /**
         * Adds a key (after the keys added so far in key order) and the terms it yields; {@code lastShardOfTerm}
         * notes for each term the last shard that holds it, so that a term is counted once per shard.
         */
        void add(String key, int[] ids, List<IndexTerm> allTerms, int[] lastShardOfTerm) {
            // A split group's head repeats some keys of its parts, which may share its shard.
            if (!keySet.add(key)) {
                return;
            }
            keys.add(key);
            keyTerms.add(ids);
            bytes += keyBytes(key, ids);
            for (int id : ids) {
                if (lastShardOfTerm[id] != number) {
                    lastShardOfTerm[id] = number;
                    if (termCount == terms.length) {
                        terms = java.util.Arrays.copyOf(terms, termCount * 2);
                    }
                    terms[termCount++] = id;
                    bytes += termBytes(allTerms.get(id));
                }
            }
        }

        /**
         * What {@link #add} counts for keys in a shard of their own. For one thread: a term counted for the keys
         * asked about is marked with the number of the question, so nothing is allocated per question.
         */
        static java.util.function.ToLongFunction<List<String>> estimator(Map<String, int[]> keyIds,
                List<IndexTerm> allTerms) {
            long[] bytesOfTerm = new long[allTerms.size()];
            for (int id = 0; id < bytesOfTerm.length; id++) {
                bytesOfTerm[id] = termBytes(allTerms.get(id));
            }
            int[] countedIn = new int[allTerms.size()];
            int[] question = {0};
            return keys -> {
                int asked = ++question[0];
                long bytes = 0;
                for (String key : keys) {
                    int[] ids = keyIds.get(key);
                    bytes += keyBytes(key, ids);
                    for (int id : ids) {
                        if (countedIn[id] != asked) {
                            countedIn[id] = asked;
                            bytes += bytesOfTerm[id];
                        }
                    }
                }
                return bytes;
            };
        }

        /** About how much JSON a key and its term ids make. */
        private static long keyBytes(String key, int[] ids) {
            return key.length() * 2L + 4 + ids.length * 6L;
        }

        /** About how much JSON a term and its postings make. */
        private static long termBytes(IndexTerm term) {
            return term.name().length() * 2L + 12 + term.postings().sections().length * 12L;
        }

        /** The ids of the shard's terms, ascending; the shard is complete when it is described or written. */
        private int[] sortedTermIds() {
            java.util.Arrays.sort(terms, 0, termCount);
            return java.util.Arrays.copyOf(terms, termCount);
        }

        /** Adds everything {@link #write} writes to {@code fingerprint}. */
        void describe(ContentDigest fingerprint, List<IndexTerm> allTerms) {
            fingerprint.add(keys.size());
            for (int k = 0; k < keys.size(); k++) {
                fingerprint.add(keys.get(k)).add(keyTerms.get(k).length);
                for (int id : keyTerms.get(k)) {
                    fingerprint.add(id);
                }
            }
            int[] ids = sortedTermIds();
            fingerprint.add(ids.length);
            // From the numbers, not from the JSON: a build describes every shard but writes only those that changed.
            for (int id : ids) {
                IndexTerm term = allTerms.get(id);
                ScoredPostings.Postings postings = term.postings();
                fingerprint.add(id).add(term.name()).add(postings.sections().length);
                for (int i = 0; i < postings.sections().length; i++) {
                    fingerprint.add(postings.sections()[i]).add(Thousandths.of(postings.scores()[i]));
                }
            }
        }

        /** {"keys": {key: [term id, …]}, "terms": {"id": [term, [section, score, section, score, …]]}}. */
        void write(OutputStream out, List<IndexTerm> allTerms) throws IOException {
            int[] ids = sortedTermIds();
            try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeObjectFieldStart("keys");
                for (int k = 0; k < keys.size(); k++) {
                    json.writeArrayFieldStart(keys.get(k));
                    for (int id : keyTerms.get(k)) {
                        json.writeNumber(id);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
                json.writeObjectFieldStart("terms");
                for (int id : ids) {
                    IndexTerm term = allTerms.get(id);
                    json.writeArrayFieldStart(Integer.toString(id));
                    json.writeString(term.name());
                    json.writeRawValue(term.postingsJson());
                    json.writeEndArray();
                }
                json.writeEndObject();
                json.writeEndObject();
            }
        }
    }

    /** The key group of a key: its first two code points. */
    static String shardOf(String text) {
        int end = text.offsetByCodePoints(0, Math.min(2, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    /** What writes a file's content. */
    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static long writeGzip(Path file, Content content) {
        // GZIPOutputStream writes no file name and a zero time stamp: the bytes depend on the content only.
        try {
            try (OutputStream out = new FastGzip(Files.newOutputStream(file))) {
                content.write(out);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Gzip at zlib's fastest level: five times faster than the default level on a large site's index, for about
     * a fifth more bytes (a key shard of 10 kB becomes 12 kB); the bytes still depend on the content only.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** The language's pages in catalog order with their sections; pages are read on all cores. */
    private static List<SectionMemory.Page> pages(Language language, Catalog catalog, Path staging,
            Map<String, PageText> texts, SectionMemory memory) {
        List<SitePage> pages = catalog.pages(language).stream()
                .filter(page -> page.state() != TranslationState.MISSING).toList();
        return pages.parallelStream().map(page -> {
            try {
                return memory.page(staging.resolve(page.outputPath()), page.path() + ".html",
                        texts.get(page.outputPath()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    /** The sections of the pages in page order, numbered from 0. */
    private static List<SearchSection> numbered(List<SectionMemory.Page> pages) {
        List<SearchSection> sections = new ArrayList<>();
        for (SectionMemory.Page page : pages) {
            for (SearchSection s : page.sections()) {
                sections.add(new SearchSection(sections.size(), s.url(), s.page(), s.heading(), s.pageTitleField(),
                        s.text()));
            }
        }
        return sections;
    }

    /**
     * The terms of every section in section order: a page whose analysis the last build made and that still holds
     * is taken over, the others are analysed (on all cores) and remembered for the next build.
     */
    private static ScoredPostings.SectionTerms[] analyse(List<SectionMemory.Page> pages, String[][] pageWords,
            int sectionCount, TermAnalysis analysis, PageAnalysisMemory.Valid valid, PageAnalysisMemory memory) {
        int[] firstSection = new int[pages.size()];
        for (int p = 1; p < pages.size(); p++) {
            firstSection[p] = firstSection[p - 1] + pages.get(p - 1).sections().size();
        }
        ScoredPostings.SectionTerms[] terms = new ScoredPostings.SectionTerms[sectionCount];
        java.util.stream.IntStream.range(0, pages.size()).parallel().forEach(p -> {
            SectionMemory.Page page = pages.get(p);
            PageAnalysisMemory.PageAnalysis known = valid.of(page);
            if (known == null || known.sections().length != page.sections().size()) {
                ScoredPostings.SectionTerms[] analysed = new ScoredPostings.SectionTerms[page.sections().size()];
                for (int s = 0; s < analysed.length; s++) {
                    analysed[s] = ScoredPostings.analyse(analysis, page.sections().get(s));
                }
                known = new PageAnalysisMemory.PageAnalysis(pageWords[p], analysed);
            }
            memory.remember(page, known);
            System.arraycopy(known.sections(), 0, terms, firstSection[p], known.sections().length);
        });
        return terms;
    }

    /**
     * The words to keep for the next build: those looked up in this one, and the words of the pages taken over,
     * which were not looked up but whose remembered analysis still holds.
     */
    private static Map<String, TermAnalysis.Analysed> withTakenOver(Map<String, TermAnalysis.Analysed> analysed,
            Set<String> texts, Map<String, TermAnalysis.Analysed> remembered) {
        if (remembered.isEmpty()) {
            return analysed;
        }
        Map<String, TermAnalysis.Analysed> all = new java.util.HashMap<>(analysed);
        for (String word : texts) {
            if (!all.containsKey(word)) {
                TermAnalysis.Analysed known = remembered.get(word);
                if (known != null) {
                    all.put(word, known);
                }
            }
        }
        return all;
    }

    /** The distinct whitespace-separated words of the sections' page titles, headings and texts. */
    private static String[] distinctWords(List<SearchSection> sections) {
        Set<String> words = new java.util.HashSet<>();
        for (SearchSection section : sections) {
            addWords(section.page(), words);
            addWords(section.heading(), words);
            addWords(section.text(), words);
        }
        return words.toArray(String[]::new);
    }

    private static void addWords(String text, Set<String> words) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (space && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
    }
}
