package de.leitbild.publisher.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.SiteFixture;
import de.leitbild.publisher.content.AsciidocEngine;
import de.leitbild.publisher.problem.BuildFailure;

/**
 * One build at a time per output folder: a second build of the same output, in this process or in another one,
 * waits until the first has ended, and says so; one that cannot wait long enough stops with a sentence naming the
 * other build; a build that was killed leaves no lock behind.
 */
class OutputLockTest {

    @TempDir
    Path folder;

    @Test
    void aBuildWaitsForAnotherProcessThatBuildsTheSameOutputAndSaysSo() throws Exception {
        SiteFixture site = SiteFixture.create(Files.createDirectories(folder.resolve("site")));
        Path output = folder.resolve("out/site");
        Process holder = hold(output, folder.resolve("out/.site-cache"));
        List<String> notices = new CopyOnWriteArrayList<>();
        CompletableFuture<SiteBuild.Result> build;
        try (AsciidocEngine engine = new AsciidocEngine()) {
            build = CompletableFuture.supplyAsync(() -> {
                try {
                    return new SiteBuild(engine).run(site.root(), output, notices::add);
                } catch (BuildFailure e) {
                    throw new IllegalStateException(e.problems().toString(), e);
                }
            });
            awaitNotice(notices);
            assertThat(notices).singleElement().asString().startsWith("Waiting for another build of " + output)
                    .endsWith("(process " + holder.pid() + ").");
            // Long enough for JRuby to have started and for a build of the fixture to have ended, were it not waiting.
            Thread.sleep(1_000);
            assertThat(build).isNotDone();
            assertThat(output).doesNotExist();

            holder.getOutputStream().close();
            SiteBuild.Result result = build.get(120, TimeUnit.SECONDS);
            assertThat(result.stageMillis()).containsKey("waiting for the other build");
            assertThat(output.resolve("de/index.html")).isRegularFile();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void twoBuildsInOneProcessTakeTurns() throws Exception {
        Path output = folder.resolve("site");
        Path cache = folder.resolve(".site-cache");
        List<String> notices = new CopyOnWriteArrayList<>();
        OutputLock first = OutputLock.take(output, cache, Duration.ZERO, notices::add);
        CompletableFuture<OutputLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return OutputLock.take(output, cache, Duration.ofSeconds(60), notices::add);
            } catch (BuildFailure e) {
                throw new IllegalStateException(e);
            }
        });
        awaitNotice(notices);
        assertThat(notices).containsExactly("Waiting for another build of " + output + " in this process to end.");
        assertThat(second).isNotDone();
        // Let go on another thread, as the build daemon does when its cache is saved.
        CompletableFuture.runAsync(first::close).get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS).close();
        OutputLock.take(output, cache, Duration.ZERO, notices::add).close();
        assertThat(notices).hasSize(1);
    }

    @Test
    void aBuildThatCannotWaitLongerStopsWithASentenceNamingTheOtherBuild() throws Exception {
        Path output = folder.resolve("site");
        Path cache = folder.resolve(".site-cache");
        Process holder = hold(output, cache);
        try {
            assertThatThrownBy(() -> OutputLock.take(output, cache, Duration.ofMillis(300), notice -> { }))
                    .isInstanceOfSatisfying(BuildFailure.class, failure -> assertThat(failure.problems())
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.file()).isEqualTo(output);
                                assertThat(problem.message()).isEqualTo("another build of this output folder (process "
                                        + holder.pid() + ") is still running after 0 s: wait for it to end, or "
                                        + "stop it, and build again");
                            }));
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aKilledBuildLeavesNoLockBehind() throws Exception {
        Path output = folder.resolve("site");
        Path cache = folder.resolve(".site-cache");
        Process holder = hold(output, cache);
        holder.destroyForcibly().waitFor();
        List<String> notices = new CopyOnWriteArrayList<>();
        OutputLock.take(output, cache, Duration.ZERO, notices::add).close();
        assertThat(notices).isEmpty();
        assertThat(Files.readString(cache.resolve("build.lock")))
                .isEqualTo(Long.toString(ProcessHandle.current().pid()));
    }

    /** Another JVM that holds the lock of {@code output} until its standard input is closed. */
    private static Process hold(Path output, Path cache) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OutputLockHolder.class.getName(), output.toString(), cache.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("held");
        return holder;
    }

    private static void awaitNotice(List<String> notices) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(notices).as("a notice that the build waits").isNotEmpty();
    }
}
