package de.leitbild.publisher.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.leitbild.publisher.SiteBuild;
import de.leitbild.publisher.content.AsciidocEngine;

/**
 * The build daemon: a process that builds one root's site on request, one build at a time, with one Asciidoctor
 * (JRuby) that stays started and code the JVM has compiled already. A rebuild then costs what changed, not the
 * start of JRuby and of the compiler. Each build is an ordinary {@link de.leitbild.publisher.SiteBuild}: what it
 * reuses comes from the build cache on disk, as for a build in a process of its own, so both give the same site.
 * It ends after {@link #IDLE_MINUTES} minutes without a build, on {@code daemon --stop}, when a client of other
 * code asks, or when its socket is gone.
 */
public final class BuildDaemon {

    static final int IDLE_MINUTES = 30;
    /**
     * How often the daemon rehearses the build it was started after: the second round runs on code the first
     * had the JVM compile (JVM option {@code -Dleitbild.rehearsals=N} to change it, 0 for none).
     */
    static final int REHEARSALS = Integer.getInteger("leitbild.rehearsals", 2);
    /**
     * Seconds without a build after which the daemon gives unused heap back: not right after each build, since
     * the full collections take about as long as a small rebuild (0.6 s at 2,000 documents) and an edit that
     * follows at once would wait for them.
     */
    static final int COLLECT_AFTER_SECONDS = 10;

    private final Path socket;
    private final String identity;
    private final long idleMillis;
    private final AsciidocEngine engine = new AsciidocEngine();
    private final Instant started = Instant.now();
    private volatile long lastUsed = System.currentTimeMillis();
    private volatile boolean busy;
    /** A build ended since the daemon last gave unused heap back. */
    private volatile boolean collectWhenIdle;
    /** The root and output of the build to rehearse as soon as the socket is taken; null for none. */
    private Path rehearsedRoot;
    private Path rehearsedOutput;
    /** A client that asked while the daemon rehearsed, answered first; null if none. */
    private SocketChannel waiting;
    private int builds;
    /** The socket file this daemon made: a file of the same name made later by another daemon is not deleted. */
    private Object socketKey;

    private BuildDaemon(Path socket, String identity, long idleMillis) {
        this.socket = socket;
        this.identity = identity;
        this.idleMillis = idleMillis;
    }

    /**
     * Started by {@link BuildDaemonClient}: {@code <socket> <identity> <idle minutes> [<root> <output>]}, the
     * root and output of the build the command line just made, which the daemon rehearses first.
     */
    public static void main(String[] args) throws IOException {
        de.leitbild.publisher.search.SearchIndexWriter.keepWordWorkBetweenBuilds();
        de.leitbild.publisher.content.ContentCatalogReader.keepSourcesBetweenBuilds(true);
        BuildDaemon daemon = new BuildDaemon(Path.of(args[0]), args[1], Long.parseLong(args[2]) * 60_000);
        if (args.length == 5) {
            daemon.rehearsedRoot = Path.of(args[3]);
            daemon.rehearsedOutput = Path.of(args[4]);
        }
        daemon.serve();
        System.exit(0);
    }

    /**
     * Goes through an edit's build of the root into its output {@link #REHEARSALS} times, publishing nothing (see
     * {@link SiteBuild#rehearsing}): without it, the first edit after the daemon started took longer than a build
     * in a process of its own (6-7 s against 6 s at 2,000 documents in eight languages), as the JVM compiled its
     * code and the build read the cache from disk. A client that asks meanwhile waits for the round under way;
     * no further round starts then.
     */
    private void rehearseNow(ServerSocketChannel server) {
        if (rehearsedRoot == null || !Files.isDirectory(rehearsedOutput)) {
            return;
        }
        for (int round = 1; round <= REHEARSALS; round++) {
            if (round > 1 && (waiting = acceptWaiting(server)) != null) {
                // Someone asks already: the next round would only keep them waiting.
                return;
            }
            long start = System.nanoTime();
            try {
                new SiteBuild(engine).rehearsing().run(rehearsedRoot, rehearsedOutput);
                System.out.println(Instant.now() + " rehearsal " + round + " of a build of " + rehearsedRoot
                        + ": " + (System.nanoTime() - start) / 1_000_000 + " ms (nothing published)");
            } catch (de.leitbild.publisher.problem.BuildFailure | RuntimeException e) {
                // The sources have problems now: the first build requested names them.
                System.out.println(Instant.now() + " the rehearsal stopped: " + e);
                return;
            }
        }
    }

    /** A client that has connected already, or null; does not wait for one. */
    private static SocketChannel acceptWaiting(ServerSocketChannel server) {
        try {
            server.configureBlocking(false);
            try {
                return server.accept();
            } finally {
                server.configureBlocking(true);
            }
        } catch (IOException e) {
            return null;
        }
    }

    private void serve() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            if (Files.exists(socket) && !BuildDaemonClient.answers(socket)) {
                // Left by a daemon that was killed: nobody listens there any more.
                Files.deleteIfExists(socket);
            }
            server.bind(UnixDomainSocketAddress.of(socket));
            socketKey = Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            // Another daemon for this root was started at the same moment and listens already.
            System.out.println(Instant.now() + " not started: " + socket + " is taken (" + e.getMessage() + ")");
            server.close();
            return;
        }
        System.out.println(Instant.now() + " listening on " + socket + " (pid " + ProcessHandle.current().pid()
                + ", code and settings " + identity + ": " + DaemonAddress.daemonOptions() + ")");
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "daemon-idle-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(() -> {
            long quiet = System.currentTimeMillis() - lastUsed;
            boolean idle = !busy && quiet > idleMillis;
            if (idle || !Files.exists(socket)) {
                System.out.println(Instant.now() + (idle ? " idle, ending" : " socket gone, ending"));
                close(server);
            } else if (collectWhenIdle && !busy && quiet >= COLLECT_AFTER_SECONDS * 1000L) {
                collectWhenIdle = false;
                giveUnusedHeapBack();
            }
        }, 1, 1, TimeUnit.SECONDS);
        busy = true;
        try {
            rehearseNow(server);
        } finally {
            busy = false;
            lastUsed = System.currentTimeMillis();
        }
        collectWhenIdle = true;
        try {
            while (server.isOpen()) {
                SocketChannel client;
                try {
                    client = waiting != null ? waiting : server.accept();
                } catch (IOException e) {
                    break;
                }
                waiting = null;
                busy = true;
                try (client) {
                    if (!answer(client)) {
                        break;
                    }
                } catch (IOException e) {
                    System.out.println(Instant.now() + " a client went away: " + e.getMessage());
                } finally {
                    busy = false;
                    lastUsed = System.currentTimeMillis();
                }
            }
        } finally {
            watch.shutdownNow();
            close(server);
            engine.close();
        }
        // Ended as planned: its log is of no more use (one that crashed keeps it, for the message that says where).
        Files.deleteIfExists(DaemonAddress.logBeside(socket));
    }

    /** Answers one client; false when the daemon should end. */
    private boolean answer(SocketChannel client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
        DaemonProtocol.Request request = DaemonProtocol.Request.read(in);
        if (!request.identity().equals(identity)) {
            out.writeByte(DaemonProtocol.STALE);
            out.flush();
            System.out.println(Instant.now() + " a client of other code or settings (" + request.identity()
                    + ") asked: ending");
            return false;
        }
        PrintStream printOut = new PrintStream(new DaemonProtocol.FrameStream(out, DaemonProtocol.OUT), true,
                StandardCharsets.UTF_8);
        PrintStream printErr = new PrintStream(new DaemonProtocol.FrameStream(out, DaemonProtocol.ERR), true,
                StandardCharsets.UTF_8);
        int exit = 0;
        boolean goOn = true;
        // Answers as soon as the site is published; saves the cache for the next build after that.
        SiteBuild build = new SiteBuild(engine).leavingLeftoversToTheNextBuild().savingTheCacheAfterwards();
        switch (request.command()) {
            case "build" -> {
                exit = BuildRun.build(Path.of(request.root()), Path.of(request.output()), request.stacktrace(),
                        engine, build, true, printOut, printErr);
                builds++;
                System.out.println(Instant.now() + " build " + builds + " of " + request.root() + ": exit " + exit);
            }
            case "status" -> printOut.printf("The build daemon of %s runs as process %d since %s and has built %d "
                    + "time(s); it ends %d minutes after the last build.%n", request.root(),
                    ProcessHandle.current().pid(), started, builds, idleMillis / 60_000);
            case "stop" -> {
                printOut.printf("The build daemon of %s (process %d) has ended.%n", request.root(),
                        ProcessHandle.current().pid());
                goOn = false;
            }
            default -> {
                printErr.println("unknown daemon command: " + request.command());
                exit = 2;
            }
        }
        printOut.flush();
        printErr.flush();
        synchronized (out) {
            out.writeByte(DaemonProtocol.EXIT);
            out.writeInt(exit);
            out.flush();
        }
        long answered = System.nanoTime();
        try {
            build.awaitCache();
        } catch (RuntimeException e) {
            // Only the next build's head start is lost.
            System.out.println(Instant.now() + " the build cache could not be saved: " + e);
        }
        if (goOn && "build".equals(request.command())) {
            System.out.println(Instant.now() + " cache saved in " + (System.nanoTime() - answered) / 1_000_000
                    + " ms after the answer");
            collectWhenIdle = true;
        }
        return goOn;
    }

    /**
     * An idle daemon should hold no more memory than it needs: the serial collector gives unused heap back over
     * consecutive full collections (2,000 documents in eight languages: about 830 MB resident after two
     * collections, with some 280 MB of the heap in use, most of it kept for the next build).
     */
    private static void giveUnusedHeapBack() {
        long start = System.nanoTime();
        System.gc();
        System.gc();
        System.out.println(Instant.now() + " idle: unused heap given back in " + (System.nanoTime() - start)
                / 1_000_000 + " ms");
    }

    private void close(ServerSocketChannel server) {
        try {
            server.close();
        } catch (IOException e) {
            // Closing only ends the accept loop.
        }
        try {
            if (socketKey != null && socketKey.equals(Files.readAttributes(socket,
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey())) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // Gone already, or a socket file left over: the next daemon finds that nobody answers there.
        }
    }
}
