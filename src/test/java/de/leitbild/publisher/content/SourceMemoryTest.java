package de.leitbild.publisher.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.config.Language;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.config.SiteSettingsLoader;
import de.leitbild.publisher.i18n.MessageBundles;

/**
 * A process that keeps the sources between builds (the build daemon, the preview) takes over the document of
 * every file whose bytes are unchanged, and reads anew what changed: a file, the configuration, the attributes.
 */
class SourceMemoryTest {

    @AfterEach
    void stopKeeping() {
        ContentCatalogReader.keepSourcesBetweenBuilds(false);
    }

    @Test
    void anUnchangedFileGivesTheSameDocumentAndAChangedFileOrAttributeIsReadAgain(@TempDir Path folder)
            throws Exception {
        ContentCatalogReader.keepSourcesBetweenBuilds(true);
        SiteFixture site = SiteFixture.create(Files.createDirectories(folder.resolve("site")));
        site.write("content/de/musterstadt/hinweis.adoc", """
                = Hinweis zur Beratung
                :jbake-type: page
                :jbake-status: published

                NOTE: Die Beratung ist kostenlos.
                """);
        site.write("content/de/musterstadt/kurse.adoc", """
                = Sprachkurse
                :jbake-type: page
                :jbake-status: published

                Die Kurse beginnen im Mai.
                """);
        Path cache = folder.resolve("cache");
        Function<String, CatalogDocument> first = documents(read(site.root(), cache));

        Catalog unchanged = read(site.root(), cache);
        assertThat(documents(unchanged).apply("musterstadt/kurse").conversion())
                .isSameAs(first.apply("musterstadt/kurse").conversion());

        Path courses = site.root().resolve("content/de/musterstadt/kurse.adoc");
        Files.writeString(courses, Files.readString(courses).replace("im Mai", "im Juni"));
        Function<String, CatalogDocument> edited = documents(read(site.root(), cache));
        assertThat(edited.apply("musterstadt/kurse").conversion().html()).contains("im Juni");
        assertThat(edited.apply("musterstadt/hinweis").conversion())
                .isSameAs(first.apply("musterstadt/hinweis").conversion());

        // The label of a note is an attribute from the message bundle: the unchanged file reads differently now.
        Path bundle = site.root().resolve("templates/i18n/de.properties");
        Files.writeString(bundle, Files.readString(bundle).replace("asciidoc.note-caption=Hinweis",
                "asciidoc.note-caption=Beachten Sie"));
        Function<String, CatalogDocument> relabelled = documents(read(site.root(), cache));
        assertThat(relabelled.apply("musterstadt/hinweis").conversion().html()).contains("Beachten Sie");

        // Without keeping, every file is read and converted again.
        ContentCatalogReader.keepSourcesBetweenBuilds(false);
        Function<String, CatalogDocument> again = documents(read(site.root(), cache));
        assertThat(again.apply("musterstadt/hinweis").conversion())
                .isNotSameAs(relabelled.apply("musterstadt/hinweis").conversion());
        assertThat(again.apply("musterstadt/hinweis").conversion().html())
                .isEqualTo(relabelled.apply("musterstadt/hinweis").conversion().html());
    }

    @Test
    void aSourceReadWithoutAVersionIsReadAgainWhenATranslationOfItComes(@TempDir Path folder) throws Exception {
        ContentCatalogReader.keepSourcesBetweenBuilds(true);
        SiteFixture site = SiteFixture.create(Files.createDirectories(folder.resolve("site")));
        String source = """
                = Sprachkurse
                :jbake-type: page
                :jbake-status: published

                Die Kurse beginnen im Mai.
                """;
        site.write("content/de/musterstadt/kurse.adoc", source);
        Path cache = folder.resolve("cache");
        // Nobody translates it yet: its version is not worked out.
        assertThat(documents(read(site.root(), cache)).apply("musterstadt/kurse").version()).isEmpty();

        site.write("content/en/musterstadt/kurse.adoc", """
                = Language courses
                :jbake-type: page
                :jbake-status: published
                :translation-of: %s

                The courses start in May.
                """.formatted(SourceVersion.of(source)));
        Catalog translated = read(site.root(), cache);
        assertThat(documents(translated).apply("musterstadt/kurse").version()).isEqualTo(SourceVersion.of(source));
        Language english = translated.documents().stream().map(CatalogDocument::language)
                .filter(l -> l.id().equals("en")).findFirst().orElseThrow();
        assertThat(translated.page(english, "musterstadt/kurse")).get().extracting(SitePage::state)
                .isEqualTo(TranslationState.CURRENT);
        assertThat(translated.warnings()).isEmpty();
    }

    /** Reads the content as a build does, with a conversion store that is never saved (so it gives nothing). */
    private static Catalog read(Path root, Path cache) throws Exception {
        SiteSettings settings = new SiteSettingsLoader().load(root, root.resolve("out"));
        return new ContentCatalogReader(settings, MessageBundles.load(settings), BuiltSites.engine())
                .withStore(ConversionStore.load(cache, "test")).read();
    }

    private static Function<String, CatalogDocument> documents(Catalog catalog) {
        return path -> catalog.documents().stream()
                .filter(d -> d.language().id().equals("de") && d.path().equals(path)).findFirst().orElse(null);
    }
}
