package de.leitbild.publisher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.SiteFixture;

/**
 * {@code build --daemon}: builds are handed to one warm process per root, which prints through the command line
 * and exits with the build's code, gives the same site as a build in a process of its own, and is replaced when
 * the code changed.
 */
class BuildDaemonTest {

    private static final Pattern PROCESS = Pattern.compile("runs as process (\\d+)");

    @Test
    void buildsHandedToTheDaemonAreServedByOneWarmProcessAndGiveTheSameSiteAsABuildInThisProcess(
            @TempDir Path folder) throws IOException {
        SiteFixture site = site(folder);
        try {
            Run first = run("build", "--daemon", "--root", site.root().toString(), "--output", folder + "/a");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("Starting the build daemon").contains("Built ");
            site.write("content/de/hallo.adoc", "= Hallo\n:jbake-type: page\n:jbake-status: published\n\n"
                    + "Ein geändertes Dokument.\n");
            Run second = run("build", "--daemon", "--root", site.root().toString(), "--output", folder + "/a");
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.out()).doesNotContain("Starting the build daemon")
                    .contains("asciidoctor already running in the build daemon");
            assertThat(run("daemon", "--root", site.root().toString(), "--status").out())
                    .contains("has built 2 time(s)");

            Run here = run("build", "--root", site.root().toString(), "--output", folder + "/b");
            assertThat(here.exit()).isZero();
            assertThat(SiteFixture.fingerprint(folder.resolve("a")))
                    .isEqualTo(SiteFixture.fingerprint(folder.resolve("b")));
            assertThat(Files.readString(folder.resolve("a/de/hallo.html"))).contains("Ein geändertes Dokument.");
        } finally {
            assertThat(run("daemon", "--root", site.root().toString(), "--stop").out()).contains("has ended");
        }
        assertThat(run("daemon", "--root", site.root().toString(), "--status").out())
                .contains("No build daemon runs for");
    }

    @Test
    void aBrokenDocumentBuiltByTheDaemonExitsWithOneNamesFileAndLineAndLeavesTheLastSite(@TempDir Path folder) {
        SiteFixture site = site(folder);
        try {
            assertThat(run("build", "--daemon", "--root", site.root().toString()).exit()).isZero();
            var before = SiteFixture.fingerprint(site.output());
            site.write("content/de/kaputt.adoc", "= Kaputt\n:jbake-type: page\n:jbake-status: published\n\n"
                    + "include::fehlt.adoc[]\n");
            Run broken = run("build", "--daemon", "--root", site.root().toString());
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.err()).contains("content/de/kaputt.adoc:5: the include target does not exist")
                    .contains("Build stopped: 1 problem(s). Nothing was published")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(SiteFixture.fingerprint(site.output())).isEqualTo(before);
        } finally {
            run("daemon", "--root", site.root().toString(), "--stop");
        }
    }

    @Test
    void aDaemonRunningOtherCodeEndsAndTheNextBuildStartsANewOne(@TempDir Path folder) throws Exception {
        SiteFixture site = site(folder);
        try {
            assertThat(run("build", "--daemon", "--root", site.root().toString()).exit()).isZero();
            long before = process(run("daemon", "--root", site.root().toString(), "--status").out());
            // A new build of the code: the stamp of a folder of classes is its newest class file.
            Path classFile = Path.of(BuildDaemon.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(BuildDaemon.class.getName().replace('.', '/') + ".class");
            Files.setLastModifiedTime(classFile, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
            Run rebuilt = run("build", "--daemon", "--root", site.root().toString());
            assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
            assertThat(rebuilt.out()).contains("Starting the build daemon");
            long after = process(run("daemon", "--root", site.root().toString(), "--status").out());
            assertThat(after).isNotEqualTo(before);
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            run("daemon", "--root", site.root().toString(), "--stop");
        }
    }

    private static SiteFixture site(Path folder) {
        try {
            return SiteFixture.create(Files.createDirectories(folder.resolve("site")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long process(String status) {
        Matcher matcher = PROCESS.matcher(status);
        assertThat(matcher.find()).as(status).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = LeitbildPublisher.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
