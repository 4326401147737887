package de.leitbild.publisher.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.leitbild.publisher.BuiltSites;

/** The static index the build writes: format, consistency, and answers that follow the reference behaviour. */
class SearchIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path site;

    @BeforeAll
    static void build() {
        site = BuiltSites.repositorySite();
    }

    private static JsonNode read(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readTree(in);
        }
    }

    /** The reference scoring of docs/search-index-format.md for exact keys: sum, times matched words. */
    private static List<String> topUrls(String language, String... words) throws IOException {
        Path index = site.resolve(language).resolve("search");
        JsonNode manifest = read(index.resolve("manifest.json.gz"));
        TreeMap<Integer, String> starts = new TreeMap<>();
        manifest.get("termShardStarts").fields().forEachRemaining(e -> starts.put(e.getValue().asInt(), e.getKey()));
        Map<Integer, Double> scores = new HashMap<>();
        Map<Integer, Integer> matched = new HashMap<>();
        for (String word : words) {
            JsonNode ids = read(index.resolve("keys").resolve(SearchIndexWriter.shardOf(word) + ".json.gz")).get(word);
            assertThat(ids).as("key " + word + " in " + language).isNotNull();
            Map<Integer, Double> wordScores = new HashMap<>();
            for (JsonNode id : ids) {
                String shard = starts.floorEntry(id.asInt()).getValue();
                JsonNode postings = read(index.resolve("terms").resolve(shard + ".json.gz")).get(id.asText()).get(1);
                postings.forEach(p -> wordScores.merge(p.get(0).asInt(), p.get(1).asDouble(), Double::sum));
            }
            wordScores.forEach((s, v) -> {
                scores.merge(s, v, Double::sum);
                matched.merge(s, 1, Integer::sum);
            });
        }
        List<Integer> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b) * matched.get(b), scores.get(a) * matched.get(a)));
        List<String> urls = new ArrayList<>();
        int chunkSize = manifest.get("sectionChunkSize").asInt();
        for (int section : ranked.subList(0, Math.min(5, ranked.size()))) {
            JsonNode chunk = read(index.resolve("sections").resolve(section / chunkSize + ".json.gz"));
            urls.add(chunk.get(section % chunkSize).get("url").asText());
        }
        return urls;
    }

    @Test
    void everyLanguageHasAVersionedManifestWhoseShardsExist() throws IOException {
        for (String language : List.of("de", "leichte-sprache", "en", "uk", "ar", "tr", "ru", "fa")) {
            Path index = site.resolve(language).resolve("search");
            JsonNode manifest = read(index.resolve("manifest.json.gz"));
            assertThat(manifest.get("format").asInt()).isEqualTo(SearchIndexWriter.FORMAT);
            assertThat(manifest.get("sections").asInt()).as(language).isGreaterThan(5);
            for (JsonNode shard : manifest.get("keyShards")) {
                assertThat(index.resolve("keys").resolve(shard.asText() + ".json.gz")).exists();
            }
            for (JsonNode shard : manifest.get("termShards")) {
                assertThat(index.resolve("terms").resolve(shard.asText() + ".json.gz")).exists();
            }
        }
    }

    @Test
    void aCompoundPartFindsTheCompound() throws IOException {
        assertThat(topUrls("de", "konzept")).anySatisfy(u -> assertThat(u)
                .startsWith("dresden/handlungsplan-integrationskonzept-2009.html"));
        assertThat(topUrls("de", "beirat")).anySatisfy(u -> assertThat(u)
                .startsWith("rheinland-pfalz/beirat-und-beauftragte.html"));
    }

    @Test
    void aWordTypedWithoutUmlautsFindsTheSameSectionsAsWithUmlauts() throws IOException {
        assertThat(topUrls("de", "auslaenderbeauftragte")).isEqualTo(topUrls("de", "ausländerbeauftragte"))
                .isNotEmpty();
    }

    @Test
    void titleAndHeadingMatchesRankFirst() throws IOException {
        assertThat(topUrls("de", "steuerungsgruppe").get(0)).contains("handlungsplan-integrationskonzept-2009");
        assertThat(topUrls("de", "arbeitsbedingungen").get(0))
                .isEqualTo("brandenburg/anforderungsprofil.html#arbeitsbedingungen");
    }

    @Test
    void leichteSpracheFindsHyphenatedCompoundsByTheJoinedWord() throws IOException {
        assertThat(topUrls("leichte-sprache", "integrationsbeauftragte")).isNotEmpty();
        assertThat(topUrls("leichte-sprache", "beauftragte")).isNotEmpty();
    }

    @Test
    void eachLanguageFindsItsOwnText() throws IOException {
        assertThat(topUrls("en", "commissioners")).isNotEmpty();
        assertThat(topUrls("tr", "gorevlileri")).isEqualTo(topUrls("tr", "görevlileri"));
        assertThat(topUrls("ru", "интеграции")).isNotEmpty();
        assertThat(topUrls("uk", "інтеграції")).isNotEmpty();
        assertThat(topUrls("ar", "الاندماج")).isNotEmpty();
        assertThat(topUrls("fa", "مهاجرت")).isNotEmpty();
    }
}
