package de.leitbild.publisher.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing swaps whole sites; what a swap leaves behind is cleared by the next build, never the live site. */
class SitePublisherTest {

    @TempDir
    Path target;

    @Test
    void theReplacedSiteStaysBesideTheOutputUntilTheNextBuildClearsIt() throws IOException {
        Path output = target.resolve("site");
        publishSite(output, "first");
        publishSite(output, "second");
        assertThat(Files.readString(output.resolve("index.html"))).isEqualTo("second");
        assertThat(target.resolve(".site.previous").resolve("index.html")).hasContent("first");

        SitePublisher third = new SitePublisher(output);
        Path staging = third.prepareStaging();
        Files.writeString(staging.resolve("index.html"), "third");
        third.publish(staging);
        third.awaitLeftovers();

        assertThat(Files.readString(output.resolve("index.html"))).isEqualTo("third");
        assertThat(siblings()).containsExactlyInAnyOrder("site", ".site.previous");
        assertThat(target.resolve(".site.previous").resolve("index.html")).hasContent("second");
    }

    @Test
    void aFailedBuildLeavesThePublishedSiteAndNoStagingFolder() throws IOException {
        Path output = target.resolve("site");
        publishSite(output, "good");
        SitePublisher failing = new SitePublisher(output);
        Path staging = failing.prepareStaging();
        Files.writeString(staging.resolve("index.html"), "half");
        failing.discard(staging);

        assertThat(output.resolve("index.html")).hasContent("good");
        assertThat(siblings()).doesNotContain(".site.staging");
    }

    @Test
    void leftoversOfAKilledBuildAreDeletedByTheNextOne() throws IOException {
        Path output = target.resolve("site");
        Path crashed = target.resolve(".site.staging");
        Files.createDirectories(crashed.resolve("de"));
        Files.writeString(crashed.resolve("de/half.html"), "half");
        Path halfDeleted = target.resolve(".site.previous.discarded-1");
        Files.createDirectories(halfDeleted);
        Files.writeString(halfDeleted.resolve("old.html"), "old");

        publishSite(output, "new");

        assertThat(siblings()).containsExactly("site");
        assertThat(output.resolve("index.html")).hasContent("new");
    }

    private static void publishSite(Path output, String text) throws IOException {
        SitePublisher publisher = new SitePublisher(output);
        Path staging = publisher.prepareStaging();
        Files.writeString(staging.resolve("index.html"), text);
        publisher.publish(staging);
        publisher.awaitLeftovers();
    }

    private java.util.List<String> siblings() throws IOException {
        try (Stream<Path> list = Files.list(target)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
