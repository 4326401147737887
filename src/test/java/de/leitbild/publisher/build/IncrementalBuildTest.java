package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.config.SiteSettingsLoader;
import de.leitbild.publisher.content.SourceVersion;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/**
 * A rebuild converts and renders only what changed since the last build, and its output is byte for byte the
 * output of a clean build of the same sources.
 */
class IncrementalBuildTest {

    private static final String PLAN = """
            = Handlungsplan Musterstadt
            :jbake-type: handlungsplan
            :jbake-status: published
            :description: Ein Plan.
            :publisher: Stadt Musterstadt
            :source-date: 2024-05
            :original-title: Handlungsplan Musterstadt

            Die Stadt plant Sprachkurse und Beratung.

            [#ziele]
            == Ziele

            Mehr Menschen finden Arbeit.
            """;

    private static SiteFixture fixture(Path folder) throws IOException {
        SiteFixture site = SiteFixture.create(Files.createDirectories(folder));
        for (int i = 1; i <= 6; i++) {
            site.write("content/de/musterstadt/plan-" + i + ".adoc", PLAN.replace("Musterstadt", "Musterstadt " + i));
        }
        site.write("content/de/musterstadt/uebersicht.adoc", """
                = Übersicht
                :jbake-type: page
                :jbake-status: published

                Siehe xref:plan-1.adoc#ziele[die Ziele des ersten Plans] und xref:plan-2.adoc[den zweiten Plan].
                """);
        String plan1 = read(site.root().resolve("content/de/musterstadt/plan-1.adoc"));
        site.write("content/en/musterstadt/plan-1.adoc", """
                = Action plan Musterstadt 1
                :jbake-type: handlungsplan
                :jbake-status: published
                :translation-of: %s
                :description: A plan.
                :publisher: City of Musterstadt 1
                :source-date: 2024-05
                :original-title: Handlungsplan Musterstadt 1

                The city plans language courses and counselling.

                [#ziele]
                == Goals

                More people find work.
                """.formatted(SourceVersion.of(plan1)));
        return site;
    }

    @Test
    void aRebuildAfterEditingOneDocumentConvertsOnlyItAndEqualsACleanBuild(@TempDir Path folder) throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        SiteBuild.Result first = BuiltSites.build(site.root(), site.output());
        assertThat(first.reusedConversions()).isZero();
        assertThat(first.reusedPages()).isZero();

        Path conversions = site.output().resolveSibling(".site-cache/conversions");
        Map<String, Object> stored = fileKeys(conversions);
        assertThat(stored).hasSizeGreaterThan(2);
        SiteBuild.Result unchanged = BuiltSites.build(site.root(), site.output());
        assertThat(unchanged.reusedConversions()).isEqualTo(first.documents());
        assertThat(unchanged.reusedPages()).isEqualTo(first.pages() + 8); // every page and every language's index
        assertThat(fileKeys(conversions)).as("nothing changed: no file of the conversion store is written")
                .isEqualTo(stored);

        // A new title: the page, its outdated translation's notice, the listings and the German index change.
        Path plan1 = site.root().resolve("content/de/musterstadt/plan-1.adoc");
        Files.writeString(plan1, read(plan1).replace("= Handlungsplan Musterstadt 1", "= Neuer Plan Musterstadt 1")
                .replace("Mehr Menschen finden Arbeit.", "Mehr Menschen finden Arbeit und Wohnung."));
        SiteBuild.Result edited = BuiltSites.build(site.root(), site.output());
        assertThat(edited.reusedConversions()).isEqualTo(first.documents() - 1);
        // The file that held the old conversion and the one that holds the new one (maybe the same) are written.
        Map<String, Object> restored = fileKeys(conversions);
        Set<String> rewritten = new java.util.TreeSet<>(stored.keySet());
        rewritten.addAll(restored.keySet());
        rewritten.removeIf(name -> java.util.Objects.equals(stored.get(name), restored.get(name)));
        assertThat(rewritten).hasSizeBetween(1, 2);
        assertThat(edited.reusedPages()).isBetween(1L, (long) first.pages());
        String englishPage = read(site.output().resolve("en/musterstadt/plan-1.html"));
        assertThat(englishPage).contains("notice--translation").contains("Action plan Musterstadt 1");
        assertThat(read(site.output().resolve("de/dokumente/handlungsplan.html"))).contains("Neuer Plan Musterstadt 1");

        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    @Test
    void aRebuildAfterAnEditThatBringsANewWordIntoTheCompoundDictionaryAnalysesTheCompoundsAgainAndEqualsACleanBuild(
            @TempDir Path folder) throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        site.write("content/de/musterstadt/beirat.adoc", """
                = Beirat
                :jbake-type: page
                :jbake-status: published

                Die Beiratssitzungen sind öffentlich.
                """);
        BuiltSites.build(site.root(), site.output());

        // Sitzung becomes a dictionary entry: the unchanged page's Beiratssitzungen now yields it as a part too.
        Path plan3 = site.root().resolve("content/de/musterstadt/plan-3.adoc");
        Files.writeString(plan3, read(plan3) + "\nDie nächste Sitzung ist im Mai.\n");
        BuiltSites.build(site.root(), site.output());

        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    @Test
    void aRebuildAfterChangingOneWordTakesTheIndexFilesItDoesNotTouchOverAndEqualsACleanBuild(@TempDir Path folder)
            throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        // A glossary of made-up words: enough sections and words for several section chunks and key shards.
        StringBuilder glossary = new StringBuilder("= Glossar\n:jbake-type: page\n:jbake-status: published\n");
        for (int section = 0; section < 40; section++) {
            glossary.append("\n[#teil-").append(section).append("]\n== Teil ").append(section).append("\n\n");
            for (int word = 0; word < 100; word++) {
                int n = section * 100 + word;
                glossary.append((char) ('b' + n % 20)).append((char) ('a' + n / 20 % 20))
                        .append((char) ('c' + n / 400 % 20)).append("ulo ");
            }
            glossary.append("\n");
        }
        site.write("content/de/musterstadt/glossar.adoc", glossary.toString());
        BuiltSites.build(site.root(), site.output());
        Path index = site.output().resolve("de/search");
        Map<String, Object> before = fileKeys(index);
        assertThat(before.keySet()).filteredOn(name -> name.startsWith("keys/")).hasSizeGreaterThan(3);
        assertThat(before.keySet()).filteredOn(name -> name.startsWith("sections/")).hasSizeGreaterThan(1);

        // One word for another of the same section: the German index is made again, most of its files are unchanged;
        // the shard of Menschen changes only in a score (twice in the section now), that of Arbeit in a section.
        Path plan4 = site.root().resolve("content/de/musterstadt/plan-4.adoc");
        Files.writeString(plan4, read(plan4).replace("Mehr Menschen finden Arbeit.", "Mehr Menschen finden Menschen."));
        BuiltSites.build(site.root(), site.output());
        Map<String, Object> after = fileKeys(index);

        assertThat(after.keySet()).isEqualTo(before.keySet());
        long takenOver = after.entrySet().stream().filter(e -> e.getValue().equals(before.get(e.getKey()))).count();
        long rewritten = after.size() - takenOver;
        // The same file (a hard link to the published one), not a copy: the glossary's shards and sections.
        assertThat(takenOver).isPositive();
        // Written again: the manifest, the section chunk with the new text, the key shards of Arbeit and Menschen.
        assertThat(rewritten).isGreaterThanOrEqualTo(3);
        assertEqualsACleanBuild(site, folder.resolve("clean"));
        assertThat(gunzipAll(index.resolve("sections"))).contains("Mehr Menschen finden Menschen.");
    }

    @Test
    void anEditOfAGermanDocumentWithoutTranslationsLeavesTheOtherLanguagesIndexesAsTheyWere(@TempDir Path folder)
            throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        BuiltSites.build(site.root(), site.output());
        Map<String, Object> english = fileKeys(site.output().resolve("en/search"));
        Map<String, Object> german = fileKeys(site.output().resolve("de/search"));

        // Plan 4 has no English translation: its English page shows the German text and changes with it, but the
        // English index leaves such a page out, so the build takes that index over whole, manifest included.
        Path plan4 = site.root().resolve("content/de/musterstadt/plan-4.adoc");
        Files.writeString(plan4, read(plan4).replace("Mehr Menschen finden Arbeit.", "Mehr Menschen lernen Deutsch."));
        BuiltSites.build(site.root(), site.output());

        assertThat(read(site.output().resolve("en/musterstadt/plan-4.html"))).contains("Mehr Menschen lernen Deutsch.");
        assertThat(fileKeys(site.output().resolve("en/search"))).isEqualTo(english);
        assertThat(fileKeys(site.output().resolve("de/search")).get("manifest.json.gz"))
                .isNotEqualTo(german.get("manifest.json.gz"));
        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    /** The text of every gzip file in {@code folder}. */
    private static String gunzipAll(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }

    /** Each file below {@code folder} (by relative path) and the file system's key for it (its inode). */
    private static Map<String, Object> fileKeys(Path folder) throws IOException {
        Map<String, Object> keys = new java.util.TreeMap<>();
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                keys.put(folder.relativize(file).toString(),
                        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
            }
        }
        return keys;
    }

    @Test
    void aRebuildAfterEditingOnlyATranslationsTitleAndADescriptionEqualsACleanBuild(@TempDir Path folder)
            throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        BuiltSites.build(site.root(), site.output());

        // Facts other pages show: the English title (listings, English page), a German description (listings).
        Path english = site.root().resolve("content/en/musterstadt/plan-1.adoc");
        Files.writeString(english, read(english).replace("= Action plan Musterstadt 1", "= New action plan 1"));
        Path plan2 = site.root().resolve("content/de/musterstadt/plan-2.adoc");
        Files.writeString(plan2, read(plan2).replace(":description: Ein Plan.", ":description: Ein zweiter Plan."));
        SiteBuild.Result edited = BuiltSites.build(site.root(), site.output());
        assertThat(edited.reusedPages()).isPositive();
        assertThat(read(site.output().resolve("en/dokumente/handlungsplan.html"))).contains("New action plan 1");
        assertThat(read(site.output().resolve("fa/dokumente/index.html"))).contains("Ein zweiter Plan.");

        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    @Test
    void aRebuildAfterRetitlingOneBrochurePartRedoesTheOtherPartsPagesAndThePdfsLikeACleanBuild(
            @TempDir Path folder) throws Exception {
        SiteFixture site = SiteFixture.create(Files.createDirectories(folder.resolve("site")));
        for (int part = 1; part <= 2; part++) {
            site.write("content/de/heft/teil-" + part + ".adoc", """
                    = Teil %d
                    :jbake-type: page
                    :jbake-status: published
                    :brochure: heft
                    :brochure-order: %d
                    :brochure-title: Das Heft

                    Der Text des Teils %d.
                    """.formatted(part, part, part));
        }
        BuiltSites.build(site.root(), site.output());
        Map<String, String> before = SiteFixture.fingerprint(site.output());

        // The first part's page lists the second part's title; the PDFs (and their size on the pages) change.
        Path second = site.root().resolve("content/de/heft/teil-2.adoc");
        Files.writeString(second, read(second).replace("= Teil 2", "= Der zweite und längere Teil"));
        SiteBuild.Result edited = BuiltSites.build(site.root(), site.output());
        Map<String, String> after = SiteFixture.fingerprint(site.output());
        assertThat(edited.reusedPages()).isPositive();
        assertThat(read(site.output().resolve("de/heft/teil-1.html"))).contains("Der zweite und längere Teil");
        assertThat(after.get("de/heft/teil-1.html")).isNotEqualTo(before.get("de/heft/teil-1.html"));
        assertThat(after.get("de/pdf/heft.pdf")).isNotEqualTo(before.get("de/pdf/heft.pdf"));

        assertThat(after).isEqualTo(SiteFixture.fingerprint(site.output()));
        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    @Test
    void anUnchangedRepositorySiteIsTakenOverWholeWithItsPdfsAndEqualsACleanBuild(@TempDir Path folder)
            throws Exception {
        Map<String, String> clean = SiteFixture.fingerprint(BuiltSites.repositorySite());
        Path output = folder.resolve("site");
        SiteBuild.Result first = BuiltSites.build(BuiltSites.repositoryRoot(), output);
        SiteBuild.Result again = BuiltSites.build(BuiltSites.repositoryRoot(), output);
        long pdfs = clean.keySet().stream().filter(p -> p.endsWith(".pdf")).count();
        assertThat(pdfs).isGreaterThan(10);
        // The editor's guide shows include:: in its examples, so it is converted again every time, like any such file.
        assertThat(again.reusedConversions()).isEqualTo(first.documents());
        assertThat(again.reusedPages()).isEqualTo(first.pages() + 8 + pdfs);
        assertThat(SiteFixture.fingerprint(output)).isEqualTo(clean);
    }

    @Test
    void aTemplateChangeRendersEveryPageAgain(@TempDir Path folder) throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        BuiltSites.build(site.root(), site.output());
        Path layout = site.root().resolve("templates/partials/layout.ftl");
        Files.writeString(layout, read(layout) + "\n<#-- changed -->\n");
        SiteBuild.Result rebuilt = BuiltSites.build(site.root(), site.output());
        // Only the search indexes of the languages without a page of their own (German and English have pages):
        // nothing in them comes from a template.
        int withoutPages = new SiteSettingsLoader().load(site.root(), site.output()).languages().size() - 2;
        assertThat(withoutPages).isPositive();
        assertThat(rebuilt.reusedPages()).isEqualTo(withoutPages);
        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    @Test
    void aPageTakenOverUnchangedStillHasItsLinksChecked(@TempDir Path folder) throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        BuiltSites.build(site.root(), site.output());
        Map<String, String> published = SiteFixture.fingerprint(site.output());
        Files.delete(site.root().resolve("content/de/musterstadt/plan-2.adoc"));
        assertThatThrownBy(() -> BuiltSites.build(site.root(), site.output()))
                .isInstanceOfSatisfying(BuildFailure.class, failure -> assertThat(failure.problems())
                        .extracting(Problem::file, Problem::line)
                        .contains(org.assertj.core.api.Assertions.tuple(
                                site.root().resolve("content/de/musterstadt/uebersicht.adoc"), 5)));
        assertThat(SiteFixture.fingerprint(site.output())).isEqualTo(published);
    }

    @Test
    void aRehearsalConvertsRendersAndIndexesOneDocumentAnewButPublishesAndKeepsNothing(@TempDir Path folder)
            throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        SiteBuild.Result first = BuiltSites.build(site.root(), site.output());
        Path cache = site.output().resolveSibling(".site-cache");
        Map<String, Object> cacheFiles = fileKeys(cache);
        Map<String, Object> siteFiles = fileKeys(site.output());
        // A build started meanwhile by the user: its staging folder is its own.
        Path othersStaging = site.output().resolveSibling("." + site.output().getFileName() + ".staging");
        Files.createDirectories(othersStaging);
        Files.writeString(othersStaging.resolve("index.html"), "being built");

        SiteBuild.Result rehearsed = new SiteBuild(BuiltSites.engine()).rehearsing().run(site.root(), site.output());
        // The first German document, as if edited: converted anew, its pages and the German index made anew.
        assertThat(rehearsed.reusedConversions()).isEqualTo(first.documents() - 1);
        assertThat(rehearsed.reusedPages()).isLessThan(first.pages() + 7);
        assertThat(fileKeys(site.output())).as("nothing published").isEqualTo(siteFiles);
        assertThat(fileKeys(cache)).as("nothing written to the cache, nothing taken from it").isEqualTo(cacheFiles);
        assertThat(othersStaging.resolve("index.html")).hasContent("being built");
        try (var siblings = Files.list(site.output().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.contains("discarded") || name.contains("rehearsal"));
        }
        Files.delete(othersStaging.resolve("index.html"));
        Files.delete(othersStaging);

        SiteBuild.Result next = BuiltSites.build(site.root(), site.output());
        assertThat(next.reusedConversions()).isEqualTo(first.documents());
        assertThat(next.reusedPages()).isEqualTo(first.pages() + 8);
    }

    @Test
    void aDamagedCacheCountsAsEmpty(@TempDir Path folder) throws Exception {
        SiteFixture site = fixture(folder.resolve("site"));
        BuiltSites.build(site.root(), site.output());
        Path cache = site.output().resolveSibling(".site-cache");
        try (var files = Files.walk(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, new byte[] {0, 0, 0, 1, 7});
            }
        }
        SiteBuild.Result rebuilt = BuiltSites.build(site.root(), site.output());
        assertThat(rebuilt.reusedConversions()).isZero();
        assertThat(rebuilt.reusedPages()).isZero();
        assertEqualsACleanBuild(site, folder.resolve("clean"));
    }

    /** The site's output, byte for byte, is what a build into the empty folder {@code clean} writes. */
    private static void assertEqualsACleanBuild(SiteFixture site, Path clean) throws Exception {
        BuiltSites.build(site.root(), clean);
        assertThat(SiteFixture.fingerprint(site.output())).isEqualTo(SiteFixture.fingerprint(clean));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
