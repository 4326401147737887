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

    public static final int FORMAT = 1;
    static final int SECTION_CHUNK_SIZE = 32;
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
        List<LanguageIndex> indexes = new ArrayList<>();
        for (Language language : settings.languages()) {
            try {
                indexes.add(writeLanguage(language, catalog, staging));
            } catch (IOException e) {
                throw new BuildFailure(new Problem(staging.resolve(language.id()), 1,
                        "the search index cannot be written (" + e.getMessage() + ")"));
            }
        }
        return indexes;
    }

    private LanguageIndex writeLanguage(Language language, Catalog catalog, Path staging) throws IOException {
        List<SearchSection> sections = new ArrayList<>();
        for (SitePage page : catalog.pages(language)) {
            if (page.state() != TranslationState.MISSING) {
                sections.addAll(SectionExtractor.sections(staging.resolve(page.outputPath()), page.path() + ".html",
                        sections.size()));
            }
        }
        String analyzerName = language.analyzer();
        CompoundDictionary.Parts compoundParts = LanguageAnalyzers.splitsCompounds(analyzerName)
                ? CompoundDictionary.of(sections, language.locale(), LanguageAnalyzers.stopWords(analyzerName))
                : new CompoundDictionary.Parts(new TreeSet<>(), new TreeSet<>());
        SortedMap<String, SortedMap<Integer, Float>> postings;
        KeyVocabulary vocabulary;
        try (Analyzer analyzer = LanguageAnalyzers.create(analyzerName, compoundParts.dictionary())) {
            postings = ScoredPostings.compute(analyzer, sections);
            CharArraySet stopWords = LanguageAnalyzers.stopWords(analyzerName);
            vocabulary = new KeyVocabulary(analyzer, stopWords, language.locale(), analyzerName);
            for (SearchSection section : sections) {
                vocabulary.addText(section.page() + " " + section.heading() + " " + section.text(),
                        postings.keySet());
            }
            // Compound tails that never stand alone (mappe of Willkommensmappe) are words a reader types too.
            vocabulary.addText(String.join(" ", compoundParts.tails()), postings.keySet());
        }
        Path folder = staging.resolve(language.id()).resolve("search");
        Files.createDirectories(folder.resolve("keys"));
        Files.createDirectories(folder.resolve("terms"));
        Files.createDirectories(folder.resolve("sections"));

        Map<String, Integer> termIds = new TreeMap<>();
        SortedMap<String, Integer> termShardStarts = new TreeMap<>();
        Map<String, Map<String, Object>> termShards = new TreeMap<>();
        int id = 0;
        for (var entry : postings.entrySet()) {
            String term = entry.getKey();
            String shard = shardOf(term);
            termShardStarts.putIfAbsent(shard, id);
            List<List<Number>> list = new ArrayList<>();
            entry.getValue().forEach((section, score) -> list.add(List.of(section, Math.round(score * 1000) / 1000.0)));
            termShards.computeIfAbsent(shard, s -> new LinkedHashMap<>()).put(Integer.toString(id),
                    List.of(term, list));
            termIds.put(term, id++);
        }
        long bytes = 0;
        for (var shard : termShards.entrySet()) {
            bytes += writeGzipJson(folder.resolve("terms").resolve(shard.getKey() + ".json.gz"), shard.getValue());
        }
        Map<String, Map<String, List<Integer>>> keyShards = new TreeMap<>();
        for (var entry : vocabulary.keys().entrySet()) {
            List<Integer> ids = entry.getValue().stream().map(termIds::get).sorted().toList();
            keyShards.computeIfAbsent(shardOf(entry.getKey()), s -> new LinkedHashMap<>()).put(entry.getKey(), ids);
        }
        for (var shard : keyShards.entrySet()) {
            bytes += writeGzipJson(folder.resolve("keys").resolve(shard.getKey() + ".json.gz"), shard.getValue());
        }
        for (int chunk = 0; chunk * SECTION_CHUNK_SIZE < sections.size(); chunk++) {
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
            bytes += writeGzipJson(folder.resolve("sections").resolve(chunk + ".json.gz"), entries);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("language", language.id());
        manifest.put("lang", language.lang());
        manifest.put("dir", language.dir().attribute());
        manifest.put("keyShards", new ArrayList<>(keyShards.keySet()));
        manifest.put("termShards", new ArrayList<>(termShards.keySet()));
        manifest.put("termShardStarts", termShardStarts);
        manifest.put("sectionChunkSize", SECTION_CHUNK_SIZE);
        manifest.put("sections", sections.size());
        manifest.put("stopKeys", new ArrayList<>(vocabulary.stopKeys()));
        manifest.put("maxQueryLength", MAX_QUERY_LENGTH);
        bytes += writeGzipJson(folder.resolve("manifest.json.gz"), manifest);
        return new LanguageIndex(language.id(), sections.size(), termIds.size(), vocabulary.keys().size(), bytes);
    }

    /** The shard of a key or term: its first two code points. */
    static String shardOf(String text) {
        int end = text.offsetByCodePoints(0, Math.min(2, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }

    private static long writeGzipJson(Path file, Object value) throws IOException {
        // GZIPOutputStream writes no file name and a zero time stamp: the bytes depend on the content only.
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            JSON.writeValue(out, value);
        }
        return Files.size(file);
    }
}
