package de.leitbild.publisher.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.config.SiteSettings;
import de.leitbild.publisher.config.SiteSettingsLoader;
import de.leitbild.publisher.i18n.MessageBundles;

/** The build daemon's rehearsal edits a German document that is no part of a brochure: no PDF is rendered for it. */
class RehearsalReadingTest {

    private static final String REHEARSED = "Dieser Satz steht nur in der Probe des Build-Daemons.";

    @Test
    void theRehearsedDocumentIsTheFirstGermanDocumentOutsideABrochure() throws Exception {
        SiteSettings settings = new SiteSettingsLoader().load(BuiltSites.repositoryRoot(),
                BuiltSites.repositoryRoot().resolve("target/rehearsal-reading-test"));
        ContentCatalogReader.Reading reading = new ContentCatalogReader(settings, MessageBundles.load(settings),
                BuiltSites.engine()).rehearsingAnEdit().readAll();
        List<CatalogDocument> german = reading.catalog().documents().stream()
                .filter(d -> d.language().equals(settings.sourceLanguage()))
                .sorted(Comparator.comparing(CatalogDocument::source)).toList();
        // The repository's first German document is a brochure part: the choice matters here.
        assertThat(german.get(0).attribute("brochure")).isPresent();
        List<CatalogDocument> rehearsed = german.stream()
                .filter(d -> d.conversion().html().contains(REHEARSED)).toList();
        assertThat(rehearsed).hasSize(1);
        assertThat(rehearsed.get(0).attribute("brochure")).isEmpty();
        assertThat(rehearsed.get(0)).isEqualTo(german.stream().filter(d -> d.attribute("brochure").isEmpty())
                .findFirst().orElseThrow());
    }
}
