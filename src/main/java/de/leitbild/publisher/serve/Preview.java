package de.leitbild.publisher.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import de.leitbild.publisher.content.AsciidocEngine;

/**
 * The {@code serve} stage: builds the site into a preview folder, serves it on one address, watches the sources,
 * updates what an edit affects and reloads the open pages.
 */
public final class Preview implements AutoCloseable {

    /** {@code -Dleitbild.serve.timings=true} prints each update's steps with wall-clock times. */
    private static final boolean TIMINGS = Boolean.getBoolean("leitbild.serve.timings");

    private final AsciidocEngine engine;
    private final PreviewBuilder builder;
    private final LiveReload reload = new LiveReload();
    private final PreviewServer server;
    private final SourceWatcher watcher;
    private final String host;

    private Preview(Path root, Path folder, String host, int port) throws IOException {
        this.host = host;
        this.engine = new AsciidocEngine(true);
        this.builder = new PreviewBuilder(root, folder, engine);
        builder.buildAll();
        try {
            this.server = new PreviewServer(host, port, folder, reload, builder);
        } catch (IOException e) {
            builder.close();
            engine.close();
            throw e;
        }
        this.watcher = new SourceWatcher(root, List.of(root.resolve("content"), root.resolve("templates"),
                root.resolve("assets"), root.resolve("docs")), root.resolve("jbake.properties"), this::changed);
    }

    /** Builds and serves the site whose sources are in {@code root}; a taken port throws a BindException. */
    public static Preview start(Path root, Path folder, String host, int port) throws IOException {
        return new Preview(root.toAbsolutePath().normalize(), folder.toAbsolutePath().normalize(), host, port);
    }

    private void changed(SourceWatcher.Change change) {
        Phases phases = new Phases();
        long start = System.nanoTime();
        phases.add("quiet", change.firstEventNanos(), start);
        long[] announced = new long[2];
        builder.update(change.files(), phases, reload.openPages(), () -> {
            reload.announceNewBuild();
            announced[0] = System.nanoTime();
            announced[1] = System.currentTimeMillis();
        });
        long done = System.nanoTime();
        if (TIMINGS) {
            // For scripts/benchmark-serve: when (wall clock) the watcher heard the edit and the pages heard the build.
            System.out.printf("timings: event-at %d, announced-at %d, %s, cpu %s%n",
                    announced[1] - (announced[0] - change.firstEventNanos()) / 1_000_000, announced[1],
                    phases.millis(), phases.cpuMillis());
        }
        List<String> problems = problems();
        if (problems.isEmpty()) {
            System.out.printf("updated in %d ms, pages told to reload after %d ms (%s)%n",
                    (done - change.firstEventNanos()) / 1_000_000,
                    (announced[0] - change.firstEventNanos()) / 1_000_000, phases);
        } else {
            problems.forEach(System.err::println);
            System.err.printf("%d problem(s): the preview shows them until they are fixed%n", problems.size());
        }
    }

    public URI address() {
        return PreviewServer.address(host, server.port());
    }

    /** The problems the sources have now (empty when the preview is up to date). */
    public List<String> problems() {
        return builder.problems().stream().map(p -> p.format(builder.root())).toList();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        server.close();
        builder.close();
        engine.close();
    }
}
