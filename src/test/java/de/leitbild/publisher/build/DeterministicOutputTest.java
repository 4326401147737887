package de.leitbild.publisher.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.BuiltSites;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.problem.BuildFailure;

/** The same sources give byte-identical output. */
class DeterministicOutputTest {

    @Test
    void twoBuildsOfTheRepositoryContentAreByteIdentical(@TempDir Path folder) throws BuildFailure {
        Map<String, String> first = SiteFixture.fingerprint(BuiltSites.repositorySite());
        Path second = folder.resolve("site");
        BuiltSites.build(BuiltSites.repositoryRoot(), second);
        assertThat(first).hasSizeGreaterThan(15);
        assertThat(SiteFixture.fingerprint(second)).isEqualTo(first);
    }
}
