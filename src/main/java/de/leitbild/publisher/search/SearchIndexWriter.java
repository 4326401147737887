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

import com.fasterxml.jackson.databind.ObjectMapper;

import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.content.Catalog;
import de.leitbild.publisher.content.SitePage;
import de.leitbild.publisher.content.TranslationState;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/**
 * The {@code search} stage: analyses the baked pages of every language with Lucene and writes the static,
 * sharded index of docs/search-index-format.md into {@code <lang>/search/}.
 */
public final class SearchIndexWriter {

    public static final int FORMAT = 2;
    static final int SECTION_CHUNK_SIZE = 32;
    /** About how much JSON (before gzip) a key shard holds: some 10 kB to fetch, a few words typed per fetch. */
    static final int KEY_SHARD_BYTES = 40_000;
    /**
     * A term lists at most this many sections, those where it scores highest. A term is repeated in every key
     * shard with a key that yields it, so without a bound a frequent word of a large site (Integration in 2,000
     * documents) would make every shard as large as the site; a reader looks at the first few results anyway.
     */
    static final int MAX_POSTINGS = 100;
    static final int MAX_QUERY_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SiteSettings settings;

    public SearchIndexWriter(SiteSettings settings) {
        this.settings = settings;
    }

    /** What the index of one language holds and how large it is on disk. */
    public record LanguageIndex(String language, int sections, int terms, int keys, long bytes) {
    }

    /** Indexes the pages written into {@code staging}; pages showing untranslated text are left to their own language. */
    public List<LanguageIndex> write(Catalog catalog, Path staging) throws BuildFailure {
        return write(catalog, staging, language -> true);
    }

    /** Indexes the languages {@code which} accepts; the build takes the others' unchanged index over. */
    public List<LanguageIndex> write(Catalog catalog, Path staging, java.util.function.Predicate<Language> which)
            throws BuildFailure {
        List<LanguageIndex> indexes = new ArrayList<>();
        for (Language language : settings.languages().stream().filter(which).toList()) {
            try {
                try {
                    indexes.add(writeLanguage(language, catalog, staging));
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            } catch (IOException e) {
                throw new BuildFailure(new Problem(staging.resolve(language.id()), 1,
                        "the search index cannot be written (" + e.getMessage() + ")"));
            }
        }
        return indexes;
    }

    private LanguageIndex writeLanguage(Language language, Catalog catalog, Path staging) throws IOException {
        List<SearchSection> sections = sections(language, catalog, staging);
        String analyzerName = language.analyzer();
        // Each whitespace-separated text once: the compound dictionary and the keys are made of words, and
        // splitting at whitespace first changes no word (both split at whitespace too).
        Set<String> texts = distinctWords(sections);
        CompoundDictionary.Parts compoundParts = LanguageAnalyzers.splitsCompounds(analyzerName)
                ? CompoundDictionary.of(texts, language.locale(), LanguageAnalyzers.stopWords(analyzerName))
                : new CompoundDictionary.Parts(new TreeSet<>(), new TreeSet<>());
        SortedMap<String, ScoredPostings.Postings> postings;
        KeyVocabulary vocabulary;
        try (Analyzer analyzer = LanguageAnalyzers.create(analyzerName, compoundParts.dictionary())) {
            TermAnalysis analysis = new TermAnalysis(analyzer, LanguageAnalyzers.analysesWordByWord(analyzerName));
            postings = ScoredPostings.compute(ScoredPostings.analyse(analysis, sections));
            Set<String> indexTerms = new java.util.HashSet<>(postings.keySet());
            CharArraySet stopWords = LanguageAnalyzers.stopWords(analyzerName);
            vocabulary = new KeyVocabulary(analysis, stopWords, language.locale(), analyzerName);
            vocabulary.addTexts(texts, indexTerms);
            // Compound tails that never stand alone (mappe of Willkommensmappe) are words a reader types too.
            vocabulary.addText(String.join(" ", compoundParts.tails()), indexTerms);
        }
        Path folder = staging.resolve(language.id()).resolve("search");
        Files.createDirectories(folder.resolve("keys"));
        Files.createDirectories(folder.resolve("sections"));

        // Term ids in term order; each term's postings as a flat list: section, score, section, score, …
        Map<String, Integer> termIds = new TreeMap<>();
        List<List<Object>> terms = new ArrayList<>();
        for (var entry : postings.entrySet()) {
            List<Number> flat = new ArrayList<>();
            ScoredPostings.Postings kept = strongest(entry.getValue());
            for (int i = 0; i < kept.sections().length; i++) {
                flat.add(kept.sections()[i]);
                flat.add(Math.round(kept.scores()[i] * 1000) / 1000.0);
            }
            termIds.put(entry.getKey(), terms.size());
            terms.add(List.of(entry.getKey(), flat));
        }
        // Keys are grouped by their first two characters (a group is never split: prefix completion and typo
        // correction look in one group), and neighbouring groups are put together into shards of about
        // KEY_SHARD_BYTES of JSON, so that the words a reader types next are often in a shard already loaded.
        // A shard holds its keys and every term they yield, with the postings: one fetch per typed word. A term
        // is repeated in each shard that has a key yielding it (a compound part in the shard of each compound):
        // at most once per key, so the index stays linear in the text.
        SortedMap<String, SortedMap<String, List<Integer>>> groups = new TreeMap<>();
        for (var entry : vocabulary.keys().entrySet()) {
            List<Integer> ids = entry.getValue().stream().map(termIds::get).sorted().toList();
            groups.computeIfAbsent(shardOf(entry.getKey()), s -> new TreeMap<>()).put(entry.getKey(), ids);
        }
        Map<String, Integer> keyShards = new LinkedHashMap<>();
        List<KeyShard> shards = new ArrayList<>();
        for (var group : groups.entrySet()) {
            if (shards.isEmpty() || shards.get(shards.size() - 1).bytes >= KEY_SHARD_BYTES) {
                shards.add(new KeyShard());
            }
            KeyShard shard = shards.get(shards.size() - 1);
            shard.add(group.getValue(), terms);
            keyShards.put(group.getKey(), shards.size() - 1);
        }
        // Every file on its own: written on all cores, each file's bytes the same whatever the order.
        long bytes = java.util.stream.IntStream.range(0, shards.size()).parallel()
                .mapToLong(n -> writeGzipJson(folder.resolve("keys").resolve(n + ".json.gz"), shards.get(n).file()))
                .sum();
        bytes += java.util.stream.IntStream.range(0, (sections.size() + SECTION_CHUNK_SIZE - 1) / SECTION_CHUNK_SIZE)
                .parallel().mapToLong(chunk -> {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (SearchSection s : sections.subList(chunk * SECTION_CHUNK_SIZE,
                    Math.min(sections.size(), (chunk + 1) * SECTION_CHUNK_SIZE))) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", s.id());
                e.put("url", s.url());
                e.put("page", s.page());
                e.put("heading", s.heading());
                e.put("text", s.text());
                e.put("lang", language.lang());
                entries.add(e);
            }
            return writeGzipJson(folder.resolve("sections").resolve(chunk + ".json.gz"), entries);
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
        bytes += writeGzipJson(folder.resolve("manifest.json.gz"), manifest);
        return new LanguageIndex(language.id(), sections.size(), termIds.size(), vocabulary.keys().size(), bytes);
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
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        // Sections are ascending, so among equal scores the lower index is the earlier section.
        float[] scores = postings.scores();
        java.util.Arrays.sort(order, (a, b) -> {
            int byScore = Float.compare(scores[b], scores[a]);
            return byScore != 0 ? byScore : Integer.compare(a, b);
        });
        int[] kept = new int[MAX_POSTINGS];
        for (int i = 0; i < MAX_POSTINGS; i++) {
            kept[i] = order[i];
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

    /** The keys of a key shard and the terms they yield, by id; {@code bytes} estimates the JSON's size. */
    private static final class KeyShard {
        private final SortedMap<String, List<Integer>> keys = new TreeMap<>();
        private final SortedMap<Integer, List<Object>> terms = new TreeMap<>();
        private long bytes;

        void add(SortedMap<String, List<Integer>> group, List<List<Object>> allTerms) {
            for (var key : group.entrySet()) {
                keys.put(key.getKey(), key.getValue());
                bytes += key.getKey().length() * 2L + 4 + key.getValue().size() * 6L;
                for (int id : key.getValue()) {
                    List<Object> term = allTerms.get(id);
                    if (terms.putIfAbsent(id, term) == null) {
                        bytes += ((String) term.get(0)).length() * 2L + 12 + ((List<?>) term.get(1)).size() * 6L;
                    }
                }
            }
        }

        Map<String, Object> file() {
            Map<String, Object> termsById = new LinkedHashMap<>();
            terms.forEach((id, term) -> termsById.put(Integer.toString(id), term));
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("keys", keys);
            file.put("terms", termsById);
            return file;
        }
    }

    /** The key group of a key: its first two code points. */
    static String shardOf(String text) {
        int end = text.offsetByCodePoints(0, Math.min(2, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    private static long writeGzipJson(Path file, Object value) {
        // GZIPOutputStream writes no file name and a zero time stamp: the bytes depend on the content only.
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
                JSON.writeValue(out, value);
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sections of the language's pages in catalog order, numbered from 0; pages are read on all cores. */
    private static List<SearchSection> sections(Language language, Catalog catalog, Path staging) {
        List<SitePage> pages = catalog.pages(language).stream()
                .filter(page -> page.state() != TranslationState.MISSING).toList();
        List<List<SearchSection>> perPage = pages.parallelStream().map(page -> {
            try {
                return SectionExtractor.sections(staging.resolve(page.outputPath()), page.path() + ".html", 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        List<SearchSection> sections = new ArrayList<>();
        for (List<SearchSection> page : perPage) {
            for (SearchSection s : page) {
                sections.add(new SearchSection(sections.size(), s.url(), s.page(), s.heading(), s.pageTitleField(),
                        s.text()));
            }
        }
        return sections;
    }

    /** The distinct whitespace-separated words of the sections' page titles, headings and texts. */
    private static Set<String> distinctWords(List<SearchSection> sections) {
        Set<String> words = java.util.concurrent.ConcurrentHashMap.newKeySet();
        sections.parallelStream().forEach(section -> {
            addWords(section.page(), words);
            addWords(section.heading(), words);
            addWords(section.text(), words);
        });
        return words;
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
