package de.leitbild.publisher.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/** The scale benchmark's corpus: valid for the project's conventions, deterministic, and broken only where asked. */
class CorpusGeneratorTest {

    private static final List<String> LANGUAGES = List.of("de", "leichte-sprache", "en", "uk", "ar", "tr", "ru", "fa");

    @TempDir
    Path folder;

    @Test
    void aGeneratedCorpusBuildsWithEveryDocumentInEveryLanguage() throws Exception {
        Path root = folder.resolve("corpus");
        CorpusGenerator.Summary summary = CorpusGenerator.generate(BuiltSites.repositoryRoot(),
                CorpusGenerator.Options.of(root, 30));

        assertThat(summary.documents()).isEqualTo(30);
        assertThat(summary.translations()).containsOnlyKeys("en", "uk", "ar");
        int translations = summary.translations().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(translations).isPositive();
        List<Path> german = adocFiles(root.resolve("content/de"));
        assertThat(german).hasSize(30);
        long germanBytes = german.stream().mapToLong(CorpusGeneratorTest::size).sum();
        assertThat(germanBytes / 30).as("average size of a German document").isBetween(10_500L, 13_000L);
        assertThat(root.resolve("jbake.properties")).exists();
        assertThat(Files.isSymbolicLink(root.resolve("templates"))).isFalse();

        SiteBuild.Result result = BuiltSites.build(root, folder.resolve("site"));

        assertThat(result.documents()).isEqualTo(30 + translations);
        assertThat(result.warnings()).as("no outdated translation").isEmpty();
        assertThat(result.pages()).isGreaterThanOrEqualTo(30 * LANGUAGES.size());
        for (Path source : german) {
            String page = root.resolve("content/de").relativize(source).toString().replace(".adoc", ".html");
            for (String language : LANGUAGES) {
                assertThat(folder.resolve("site").resolve(language).resolve(page)).exists();
            }
        }
        assertThat(folder.resolve("site/de/pdf")).doesNotExist();
    }

    @Test
    void theSameArgumentsWriteTheSameBytes() {
        CorpusGenerator.Options first = CorpusGenerator.Options.of(folder.resolve("a"), 40).withBroken(5);
        CorpusGenerator.Options second = CorpusGenerator.Options.of(folder.resolve("b"), 40).withBroken(5);
        CorpusGenerator.generate(BuiltSites.repositoryRoot(), first);
        CorpusGenerator.generate(BuiltSites.repositoryRoot(), second);
        // A second generation into the same folder replaces the first one exactly.
        CorpusGenerator.generate(BuiltSites.repositoryRoot(), first);

        assertThat(SiteFixture.fingerprint(folder.resolve("a")))
                .isEqualTo(SiteFixture.fingerprint(folder.resolve("b")))
                .isNotEqualTo(SiteFixture.fingerprint(generated(41)));
    }

    @Test
    void everyBrokenDocumentIsReportedInPathOrder() throws Exception {
        Path root = folder.resolve("broken");
        CorpusGenerator.Summary summary = CorpusGenerator.generate(BuiltSites.repositoryRoot(),
                CorpusGenerator.Options.of(root, 30).withBroken(20));
        assertThat(summary.brokenFiles()).hasSize(20).isSorted();

        // check (SiteBuild.inspect) looks at every stage: all 20 files, each with its problem, in path order.
        List<Problem> inspected = new SiteBuild(BuiltSites.engine()).inspect(root, folder.resolve("scratch"))
                .problems();
        assertThat(filesOf(root, inspected)).containsExactlyElementsOf(summary.brokenFiles());
        assertThat(inspected.stream().map(p -> p.format(root)).toList())
                .anySatisfy(p -> assertThat(p).contains("never closed"))
                .anySatisfy(p -> assertThat(p).contains("needs :publisher:"))
                .anySatisfy(p -> assertThat(p).contains("does not exist in the site"));

        // build stops after the content stage: the header and block mistakes, in path order, nothing published.
        BuildFailure failure = catchThrowableOfType(BuildFailure.class,
                () -> BuiltSites.build(root, folder.resolve("site")));
        assertThat(failure).isNotNull();
        List<String> reported = filesOf(root, failure.problems());
        assertThat(reported).isSorted().isNotEmpty();
        assertThat(summary.brokenFiles()).containsAll(reported);
        assertThat(folder.resolve("site")).doesNotExist();
    }

    private Path generated(int count) {
        Path root = folder.resolve("c" + count);
        CorpusGenerator.generate(BuiltSites.repositoryRoot(), CorpusGenerator.Options.of(root, count).withBroken(5));
        return root;
    }

    private static List<String> filesOf(Path root, List<Problem> problems) {
        return problems.stream().map(p -> root.relativize(p.file()).toString().replace('\\', '/')).distinct().toList();
    }

    private static List<Path> adocFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
