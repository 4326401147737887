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

    /**
     * Whether shard {@code n} holds a group of {@code key}: its own (the longest listed prefix), or the head of a
     * split group above it (a head lists the shortest keys of the whole group).
     */
    private static boolean groupsIn(JsonNode manifest, String key, int n) {
        String own = KeyGroups.groupOf(key, prefixes(manifest));
        int length = own.codePointCount(0, own.length());
        for (int end = length; end >= Math.min(2, length); end--) {
            JsonNode shard = manifest.get("keyShards").get(own.substring(0, own.offsetByCodePoints(0, end)));
            if (shard != null && shard.asInt() == n) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<String> prefixes(JsonNode manifest) {
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        manifest.get("keyShards").fieldNames().forEachRemaining(prefixes::add);
        return prefixes;
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
        Map<Integer, Double> scores = new HashMap<>();
        Map<Integer, Integer> matched = new HashMap<>();
        for (String word : words) {
            JsonNode shardNumber = manifest.get("keyShards").get(KeyGroups.groupOf(word, prefixes(manifest)));
            assertThat(shardNumber).as("key group of " + word + " in " + language).isNotNull();
            JsonNode shard = read(index.resolve("keys").resolve(shardNumber.asInt() + ".json.gz"));
            JsonNode ids = shard.get("keys").get(word);
            assertThat(ids).as("key " + word + " in " + language).isNotNull();
            Map<Integer, Double> wordScores = new HashMap<>();
            for (JsonNode id : ids) {
                JsonNode postings = shard.get("terms").get(id.asText()).get(1);
                for (int i = 0; i + 1 < postings.size(); i += 2) {
                    wordScores.merge(postings.get(i).asInt(), postings.get(i + 1).asDouble(), Double::sum);
                }
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
    void aTermKeepsOnlyTheSectionsWhereItScoresHighestSoShardsStaySmallOnLargeSites() {
        java.util.SortedMap<Integer, Float> postings = new java.util.TreeMap<>();
        for (int section = 0; section < 250; section++) {
            postings.put(section, (float) ((section * 37) % 250)); // every score once, in a scattered order
        }
        java.util.SortedMap<Integer, Float> kept = SearchIndexWriter.strongest(postings);
        assertThat(kept).hasSize(SearchIndexWriter.MAX_POSTINGS);
        assertThat(kept.values()).allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(150f));
        assertThat(new ArrayList<>(kept.keySet())).isSorted();
        java.util.SortedMap<Integer, Float> few = new java.util.TreeMap<>(Map.of(3, 1f, 9, 2f));
        assertThat(SearchIndexWriter.strongest(few)).isEqualTo(few);
    }

    @Test
    void everyLanguageHasAVersionedManifestWhoseShardsExistAndHoldTheTermsOfTheirKeys() throws IOException {
        for (String language : List.of("de", "leichte-sprache", "en", "uk", "ar", "tr", "ru", "fa")) {
            Path index = site.resolve(language).resolve("search");
            JsonNode manifest = read(index.resolve("manifest.json.gz"));
            assertThat(manifest.get("format").asInt()).isEqualTo(SearchIndexWriter.FORMAT);
            assertThat(manifest.get("sections").asInt()).as(language).isGreaterThan(5);
            java.util.Set<Integer> numbers = new java.util.TreeSet<>();
            manifest.get("keyShards").forEach(n -> numbers.add(n.asInt()));
            for (int n : numbers) {
                JsonNode shard = read(index.resolve("keys").resolve(n + ".json.gz"));
                shard.get("keys").fields().forEachRemaining(key -> {
                    assertThat(groupsIn(manifest, key.getKey(), n))
                            .as(language + " key " + key.getKey() + " in shard " + n).isTrue();
                    key.getValue().forEach(id -> assertThat(shard.get("terms").has(id.asText()))
                            .as(language + " key shard " + n + " holds term " + id).isTrue());
                });
            }
            assertThat(index.resolve("keys").resolve(numbers.size() + ".json.gz")).doesNotExist();
            if ("de".equals(language)) {
                assertThat(numbers).as("German key shards").hasSizeGreaterThan(1);
            }
            assertThat(index.resolve("terms")).doesNotExist();
        }
    }

    @Test
    void aLargeKeyGroupIsSplitIntoPartsThatHoldEveryKeyAsBeforeAndAHeadWithItsShortestCompletions(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        // The site's pages in a folder of their own, indexed again with groups of more than 2,000 bytes split.
        Path pages = folder.resolve("site");
        try (var walk = Files.walk(site)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                Files.createDirectories(pages.resolve(site.relativize(file).toString()).getParent());
                Files.copy(file, pages.resolve(site.relativize(file).toString()));
            }
        }
        var sources = new de.leitbild.publisher.SiteBuild(BuiltSites.engine()).read(BuiltSites.repositoryRoot(), pages);
        new SearchIndexWriter(sources.settings()).splittingGroupsAbove(2_000).write(sources.catalog(), pages);

        JsonNode wholeManifest = read(site.resolve("de/search/manifest.json.gz"));
        JsonNode splitManifest = read(pages.resolve("de/search/manifest.json.gz"));
        java.util.Set<String> splitPrefixes = prefixes(splitManifest);
        assertThat(splitPrefixes).as("groups split once and more").anyMatch(p -> p.length() == 3)
                .anyMatch(p -> p.length() >= 4);
        Map<String, JsonNode> wholeKeys = keys(site.resolve("de/search"), wholeManifest);
        java.util.SortedSet<String> allKeys = new java.util.TreeSet<>(wholeKeys.keySet());
        for (String key : allKeys) {
            // Every key is where a reader's browser looks for it: the shard of its longest listed prefix, with the
            // same terms and postings.
            String group = KeyGroups.groupOf(key, splitPrefixes);
            JsonNode shard = read(pages.resolve("de/search/keys/" + splitManifest.get("keyShards").get(group).asInt()
                    + ".json.gz"));
            assertThat(shard.get("keys").get(key)).as(key).isEqualTo(wholeKeys.get(key).get("keys").get(key));
            for (JsonNode id : shard.get("keys").get(key)) {
                assertThat(shard.get("terms").get(id.asText())).as(key + " term " + id)
                        .isEqualTo(wholeKeys.get(key).get("terms").get(id.asText()));
            }
        }
        for (String prefix : splitPrefixes) {
            // A one-letter group is a one-letter key; a group of two or more letters with longer ones below it is
            // split.
            if (prefix.codePointCount(0, prefix.length()) < 2
                    || splitPrefixes.stream().noneMatch(p -> p.length() > prefix.length() && p.startsWith(prefix))) {
                continue;
            }
            // A split group's head: completing its prefix finds the same 20 shortest keys as in the whole group.
            List<String> shortest = allKeys.tailSet(prefix).stream().takeWhile(k -> k.startsWith(prefix))
                    .filter(k -> !k.equals(prefix))
                    .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(k -> k))
                    .limit(KeyGroups.COMPLETIONS).toList();
            JsonNode head = read(pages.resolve("de/search/keys/" + splitManifest.get("keyShards").get(prefix).asInt()
                    + ".json.gz"));
            assertThat(head.get("keys").has(prefix)).as("head " + prefix).isEqualTo(allKeys.contains(prefix));
            for (String key : shortest) {
                assertThat(head.get("keys").get(key)).as("head " + prefix + " key " + key)
                        .isEqualTo(wholeKeys.get(key).get("keys").get(key));
            }
        }
    }

    /** Every key of an index, with the shard that holds it. */
    private static Map<String, JsonNode> keys(Path index, JsonNode manifest) throws IOException {
        Map<String, JsonNode> keys = new HashMap<>();
        java.util.Set<Integer> numbers = new java.util.TreeSet<>();
        manifest.get("keyShards").forEach(n -> numbers.add(n.asInt()));
        for (int n : numbers) {
            JsonNode shard = read(index.resolve("keys").resolve(n + ".json.gz"));
            shard.get("keys").fieldNames().forEachRemaining(key -> keys.putIfAbsent(key, shard));
        }
        return keys;
    }

    @Test
    void aCompoundPartFindsTheCompound() throws IOException {
        assertThat(topUrls("de", "konzept")).anySatisfy(u -> assertThat(u)
                .startsWith("dresden/handlungsplan-integrationskonzept-2009.html"));
        assertThat(topUrls("de", "beirat")).anySatisfy(u -> assertThat(u)
                .startsWith("rheinland-pfalz/beirat-und-beauftragte.html"));
    }

    @Test
    void aPartOfACompoundFindsItEvenWhenThePartNeverStandsAlone() throws IOException {
        // Willkommensmappe, Sprachcafé, Sprechstunde, Anforderungsprofil, Landesarbeitsgemeinschaft: the parts
        // occur in no German text on their own.
        assertThat(topUrls("de", "mappe")).anySatisfy(u -> assertThat(u).startsWith("musterstadt/jahresbericht-2025.html"));
        assertThat(topUrls("de", "café")).anySatisfy(u -> assertThat(u).startsWith("musterstadt/jahresbericht-2025.html"));
        assertThat(topUrls("de", "cafe")).isEqualTo(topUrls("de", "café"));
        assertThat(topUrls("de", "stunde")).anySatisfy(u -> assertThat(u).startsWith("musterstadt/jahresbericht-2025.html"));
        assertThat(topUrls("de", "profil")).anySatisfy(u -> assertThat(u).startsWith("brandenburg/anforderungsprofil.html"));
        assertThat(topUrls("de", "arbeitsgemeinschaft")).anySatisfy(u -> assertThat(u).startsWith("brandenburg/"));
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
