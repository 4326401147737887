package de.leitbild.publisher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.CommandRun;
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
        String root = site.root().toString();
        try {
            // No daemon yet: this build runs here, then starts one.
            CommandRun first = run("build", "--daemon", "--root", root, "--output", folder + "/a");
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(first.out()).contains("Built ").contains("asciidoctor start")
                    .contains("is starting for the next builds");
            long daemon = awaitDaemon(root);
            site.write("content/de/hallo.adoc", "= Hallo\n:jbake-type: page\n:jbake-status: published\n\n"
                    + "Ein geändertes Dokument.\n");
            for (int build = 1; build <= 2; build++) {
                CommandRun served = run("build", "--daemon", "--root", root, "--output", folder + "/a");
                assertThat(served.exit()).as(served.err()).isZero();
                assertThat(served.out()).contains("asciidoctor kept by the build daemon")
                        .doesNotContain("is starting");
            }
            // A second edit, built on what the daemon kept in memory from its last build (the cache it saved, the
            // compound parts and spellings): Sitzung becomes a word of the texts, Beiratssitzung splits anew.
            site.write("content/de/hallo.adoc", "= Hallo\n:jbake-type: page\n:jbake-status: published\n\n"
                    + "Ein geändertes Dokument. Die Beiratssitzung ist öffentlich.\n\n== Termine\n\n"
                    + "Die nächste Sitzung ist im Mai.\n");
            CommandRun again = run("build", "--daemon", "--root", root, "--output", folder + "/a");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.out()).contains("asciidoctor kept by the build daemon");
            CommandRun status = run("daemon", "--root", root, "--status");
            assertThat(status.out()).contains("has built 3 time(s)");
            assertThat(process(status.out())).isEqualTo(daemon);

            CommandRun here = run("build", "--root", root, "--output", folder + "/b");
            assertThat(here.exit()).isZero();
            assertThat(SiteFixture.fingerprint(folder.resolve("a")))
                    .isEqualTo(SiteFixture.fingerprint(folder.resolve("b")));
            assertThat(Files.readString(folder.resolve("a/de/hallo.html"))).contains("Die nächste Sitzung");
        } finally {
            run("daemon", "--root", root, "--stop");
        }
        assertThat(run("daemon", "--root", root, "--status").out()).contains("No build daemon runs for");
    }

    @Test
    void argumentsTheDaemonClientDoesNotKnowGoToTheFullCommandLine(@TempDir Path folder) {
        assertThat(run("build", "--daemon", "--help").out()).contains("Usage: leitbild-publisher build")
                .contains("--daemon");
        CommandRun unknown = run("build", "--daemon", "--rot", folder.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown options: '--rot'").contains("Possible solutions: --root");
    }

    @Test
    void aBrokenDocumentBuiltByTheDaemonExitsWithOneNamesFileAndLineAndLeavesTheLastSite(@TempDir Path folder) {
        SiteFixture site = site(folder);
        String root = site.root().toString();
        try {
            assertThat(run("build", "--daemon", "--root", root).exit()).isZero();
            awaitDaemon(root);
            var before = SiteFixture.fingerprint(site.output());
            site.write("content/de/kaputt.adoc", "= Kaputt\n:jbake-type: page\n:jbake-status: published\n\n"
                    + "include::fehlt.adoc[]\n");
            CommandRun broken = run("build", "--daemon", "--root", root);
            assertThat(broken.exit()).isEqualTo(1);
            assertThat(broken.out()).doesNotContain("is starting");
            assertThat(broken.err()).contains("content/de/kaputt.adoc:5: the include target does not exist")
                    .contains("Build stopped: 1 problem(s). Nothing was published")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(SiteFixture.fingerprint(site.output())).isEqualTo(before);
        } finally {
            run("daemon", "--root", root, "--stop");
        }
    }

    @Test
    void aDaemonRunningOtherCodeEndsAndTheNextBuildRunsHereAndStartsANewOne(@TempDir Path folder)
            throws Exception {
        SiteFixture site = site(folder);
        String root = site.root().toString();
        try {
            assertThat(run("build", "--daemon", "--root", root).exit()).isZero();
            long before = awaitDaemon(root);
            // A new build of the code: the stamp of a folder of classes is its newest class file.
            Path classFile = Path.of(BuildDaemon.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(BuildDaemon.class.getName().replace('.', '/') + ".class");
            Files.setLastModifiedTime(classFile, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
            CommandRun rebuilt = run("build", "--daemon", "--root", root);
            assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
            assertThat(rebuilt.out()).contains("asciidoctor start").contains("is starting for the next builds");
            // It has given up its socket; its process ends a moment later.
            ProcessHandle.of(before).ifPresent(old -> old.onExit().completeOnTimeout(old, 10, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(awaitDaemon(root)).isNotEqualTo(before);
        } finally {
            run("daemon", "--root", root, "--stop");
        }
    }

    /** The process of the root's daemon, once it answers (it starts in the background). */
    private static long awaitDaemon(String root) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String status = run("daemon", "--root", root, "--status").out();
            if (PROCESS.matcher(status).find() || System.currentTimeMillis() > deadline) {
                return process(status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
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

    /** As the launcher runs it: {@code build --daemon} by the client's own entry, anything else by the full one. */
    private static CommandRun run(String... args) {
        return CommandRun.of(BuildDaemonClient::run, args);
    }
}
