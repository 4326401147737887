package de.leitbild.publisher.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.content.CatalogDocument;
import de.leitbild.publisher.content.SourceVersion;

/**
 * The preview's updates after an edit, without the server: an edit of a document reads only that document
 * again and writes only the pages that show it, and the pages come out as a full build writes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewBuilderTest {

    private static final String AUFGABEN = """
            = Aufgaben der Stelle
            :jbake-type: aufgaben
            :jbake-status: published
            :description: Was die Stelle tut.
            :original-title: Aufgaben der Stelle
            :publisher: Stadt Musterstadt
            :source-date: 2025-01-01

            Die Stelle berät.
            """;
    private static final String LEITBILD = """
            = Leitbild der Stadt
            :jbake-type: leitbild
            :jbake-status: published
            :description: Wie wir zusammen leben wollen.
            :original-title: Leitbild
            :publisher: Stadt Musterstadt
            :source-date: 2025-01-01

            Wir leben gut zusammen.
            """;

    @TempDir
    Path folder;
    private SiteFixture site;
    private AsciidocEngine engine;
    private PreviewBuilder builder;
    private final java.util.List<PreviewBuilder> builders = new java.util.ArrayList<>();

    @BeforeAll
    void startEngine() {
        engine = new AsciidocEngine(true);
    }

    @AfterAll
    void stopEngine() {
        builders.forEach(PreviewBuilder::close);
        engine.close();
    }

    private void buildSite(Path root) throws IOException {
        site = SiteFixture.create(Files.createDirectories(root));
        site.write("content/de/stadt/aufgaben.adoc", AUFGABEN);
        site.write("content/de/stadt/leitbild.adoc", LEITBILD);
        site.write("content/en/stadt/leitbild.adoc", """
                = Mission statement of the city
                :jbake-type: leitbild
                :jbake-status: published
                :description: How we want to live together.
                :original-title: Leitbild
                :publisher: Stadt Musterstadt
                :source-date: 2025-01-01
                :translation-of: %s

                We live well together.
                """.formatted(SourceVersion.of(LEITBILD)));
        builder = new PreviewBuilder(site.root(), site.root().resolve("target/preview"), engine);
        builders.add(builder);
        builder.buildAll();
        assertThat(builder.problems()).isEmpty();
    }

    /** Saves a file and updates the preview as the watcher would; returns the steps the update took. */
    private Set<String> edit(String relativePath, String text) {
        site.write(relativePath, text);
        Phases phases = new Phases();
        builder.update(Set.of(site.root().resolve(relativePath)), phases, Set.of(), () -> { });
        assertThat(builder.problems()).isEmpty();
        return phases.millis().keySet();
    }

    private String page(String path) throws IOException {
        return Files.readString(site.root().resolve("target/preview").resolve(path));
    }

    @Test
    void aNewTitleReadsOnlyThatDocumentAndReachesTheListings() throws IOException {
        buildSite(folder.resolve("titles"));
        Map<Path, CatalogDocument> before = documents();

        Set<String> steps = edit("content/de/stadt/aufgaben.adoc", AUFGABEN.replace("Aufgaben der Stelle",
                "Was die Stelle für Sie tut"));

        assertThat(steps).contains("read").doesNotContain("read all", "bake all");
        Map<Path, CatalogDocument> after = documents();
        after.forEach((file, document) -> {
            if (file.endsWith("aufgaben.adoc")) {
                assertThat(document).isNotSameAs(before.get(file));
            } else {
                assertThat(document).as("%s is not read again", file).isSameAs(before.get(file));
            }
        });
        assertThat(page("de/stadt/aufgaben.html")).contains("Was die Stelle für Sie tut");
        assertThat(page("de/dokumente/index.html")).contains("Was die Stelle für Sie tut")
                .doesNotContain("Aufgaben der Stelle");
        assertThat(page("de/dokumente/aufgaben.html")).contains("Was die Stelle für Sie tut");
        assertThat(page("de/index.html")).contains("Was die Stelle für Sie tut");
        assertThat(page("en/dokumente/index.html")).as("the listing of a language without translation")
                .contains("Was die Stelle für Sie tut");
    }

    @Test
    void anEditOfTheGermanSourceMarksItsTranslationOutdated() throws IOException {
        buildSite(folder.resolve("notice"));
        String notice = "The German original text was changed after this translation was made.";
        assertThat(page("en/stadt/leitbild.html")).doesNotContain(notice);

        Set<String> steps = edit("content/de/stadt/leitbild.adoc", LEITBILD + "\nUnd wir bleiben offen.\n");

        assertThat(steps).contains("read").doesNotContain("read all", "bake all");
        assertThat(page("de/stadt/leitbild.html")).contains("Und wir bleiben offen.");
        assertThat(page("en/stadt/leitbild.html")).contains(notice).contains("We live well together.");
        assertThat(page("en/stadt/aufgaben.html")).as("an unrelated page is left alone").doesNotContain(notice);
    }

    @Test
    void theOpenPageIsWrittenBeforeTheReloadAndTheOthersBeforeTheyAreSent() throws Exception {
        buildSite(folder.resolve("open"));
        String notice = "The German original text was changed after this translation was made.";
        site.write("content/de/stadt/leitbild.adoc", LEITBILD + "\nZuerst die offene Seite.\n");
        Phases phases = new Phases();
        java.util.List<String> atReload = new java.util.ArrayList<>();
        java.util.concurrent.CompletableFuture<String> translation = new java.util.concurrent.CompletableFuture<>();
        builder.update(Set.of(site.root().resolve("content/de/stadt/leitbild.adoc")), phases,
                Set.of("de/stadt/leitbild.html"), () -> {
                    try {
                        atReload.add(page("de/stadt/leitbild.html"));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    // A browser asks for the translation's page right after the reload event.
                    new Thread(() -> {
                        builder.awaitWritten("en/stadt/leitbild.html");
                        try {
                            translation.complete(page("en/stadt/leitbild.html"));
                        } catch (IOException e) {
                            translation.completeExceptionally(e);
                        }
                    }).start();
                });

        assertThat(builder.problems()).isEmpty();
        assertThat(atReload).singleElement().asString().contains("Zuerst die offene Seite.");
        assertThat(phases.millis()).containsKeys("bake 1 open pages", "bake 7 more pages");
        assertThat(translation.get(10, java.util.concurrent.TimeUnit.SECONDS)).contains(notice);
    }

    @Test
    void theReloadScriptNamesThePageItShows() {
        assertThat(PreviewServer.openPage("page=%2Fde%2Fstadt%2Fleitbild.html")).isEqualTo("de/stadt/leitbild.html");
        assertThat(PreviewServer.openPage("page=%2Fde%2F")).isEqualTo("de/index.html");
        assertThat(PreviewServer.openPage("page=%2F")).isEqualTo("index.html");
        assertThat(PreviewServer.openPage(null)).isEmpty();
    }

    @Test
    void editedPagesComeOutAsAFullBuildWritesThem() throws IOException {
        buildSite(folder.resolve("edited"));
        edit("content/de/stadt/leitbild.adoc", LEITBILD + "\nNeu.\n");
        edit("content/de/stadt/aufgaben.adoc", AUFGABEN.replace(":description: Was die Stelle tut.",
                ":description: Beratung und Begleitung."));
        edit("content/en/stadt/leitbild.adoc", Files.readString(site.root().resolve("content/en/stadt/leitbild.adoc"))
                .replace("Mission statement of the city", "Our mission statement"));
        Set<String> steps = edit("content/de/stadt/neu.adoc", AUFGABEN.replace("Aufgaben der Stelle", "Neu"));
        assertThat(steps).as("a new document bakes every page").contains("bake all");
        Files.delete(site.root().resolve("content/de/stadt/neu.adoc"));
        builder.update(Set.of(site.root().resolve("content/de/stadt/neu.adoc")), new Phases(), Set.of(), () -> { });
        assertThat(builder.problems()).isEmpty();
        assertThat(site.root().resolve("target/preview/de/stadt/neu.html")).doesNotExist();

        PreviewBuilder fresh = new PreviewBuilder(site.root(), site.root().resolve("target/fresh"), engine);
        builders.add(fresh);
        fresh.buildAll();
        assertThat(pages(site.root().resolve("target/preview"))).isEqualTo(pages(site.root().resolve("target/fresh")));
    }

    /** The HTML pages and the sitemap of a preview folder with their fingerprints (the search index aside). */
    private static Map<String, String> pages(Path folder) {
        Map<String, String> pages = new TreeMap<>(SiteFixture.fingerprint(folder));
        pages.keySet().removeIf(p -> !p.endsWith(".html") && !p.equals("sitemap.xml"));
        return pages;
    }

    private Map<Path, CatalogDocument> documents() {
        Map<Path, CatalogDocument> documents = new TreeMap<>();
        builder.catalog().documents().forEach(d -> documents.put(d.source(), d));
        return documents;
    }
}
