package de.leitbild.publisher.cli;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.leitbild.publisher.content.AsciidocEngine;

/**
 * The command line's side of the build daemon: hands a build to the daemon of the root (starting it if none
 * runs, or replacing one that runs other code) and prints what the build prints, exiting with its code. Where no
 * daemon can run, the build runs in this process, as without {@code --daemon}.
 */
final class BuildDaemonClient {

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * {@code build --daemon [--root R] [--output O] [--stacktrace]} without the option parser, whose start (with
     * the libraries it opens) would cost a daemon build about a quarter of a second: the launcher's way in. Any
     * other arguments go to the full command line.
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** What {@link #main} does, returning the exit code. */
    static int run(String... args) {
        Path root = Path.of(".");
        Path output = null;
        boolean stacktrace = false;
        boolean daemon = false;
        boolean plain = args.length > 0 && args[0].equals("build");
        for (int i = 1; plain && i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--daemon")) {
                daemon = true;
            } else if (arg.equals("--stacktrace")) {
                stacktrace = true;
            } else if ((arg.equals("--root") || arg.equals("--output")) && i + 1 < args.length
                    && !args[i + 1].startsWith("-")) {
                Path value = Path.of(args[++i]);
                if (arg.equals("--root")) {
                    root = value;
                } else {
                    output = value;
                }
            } else if (arg.startsWith("--root=") && arg.length() > 7) {
                root = Path.of(arg.substring(7));
            } else if (arg.startsWith("--output=") && arg.length() > 9) {
                output = Path.of(arg.substring(9));
            } else {
                plain = false;
            }
        }
        if (!plain || !daemon) {
            return LeitbildPublisher.run(args);
        }
        Path rootFolder = root.toAbsolutePath().normalize();
        Path outputFolder = BuildRun.outputFolder(rootFolder, output);
        return new BuildDaemonClient(rootFolder, System.out, System.err).build(outputFolder, stacktrace);
    }

    BuildDaemonClient(Path root, PrintStream out, PrintStream err) {
        this.root = root;
        this.out = out;
        this.err = err;
    }

    /**
     * Builds the root into {@code output} in its daemon and returns the build's exit code. When none runs (or one
     * of other code, which then ends), this build runs here, as fast as without {@code --daemon} (a new daemon's
     * first build would be slower: its optimising compiler has everything to do at once), and a daemon is started
     * for the next builds.
     */
    int build(Path output, boolean stacktrace) {
        DaemonAddress address;
        try {
            address = DaemonAddress.of(root);
        } catch (IOException | RuntimeException e) {
            err.println("note: no build daemon can run (" + e.getMessage() + "); building in this process.");
            return buildHere(output, stacktrace);
        }
        SocketChannel channel = connect(address.socket());
        if (channel != null) {
            try (channel) {
                Integer exit = ask(channel, new DaemonProtocol.Request(address.identity(), "build", root.toString(),
                        output.toString(), stacktrace));
                if (exit != null) {
                    return exit;
                }
            } catch (IOException e) {
                err.println("The build daemon ended during the build (" + e.getMessage() + "; its log: "
                        + address.log() + "). Build again; if it happens again, build without --daemon.");
                return 2;
            }
            // It ran other code or settings (a new version was built) and has ended.
            awaitGone(address.socket());
        }
        int exit = buildHere(output, stacktrace);
        if (!Files.isRegularFile(root.resolve("jbake.properties"))) {
            // Not a site's root (the build said so): nothing to keep warm.
            return exit;
        }
        if (start(address, output)) {
            out.println("The build daemon of " + root + " is starting for the next builds with --daemon (it ends "
                    + BuildDaemon.IDLE_MINUTES + " minutes after the last one, or with 'daemon --stop').");
        } else {
            err.println("note: the build daemon could not be started (its log: " + address.log() + ").");
        }
        return exit;
    }

    /** Asks the daemon of the root for its status or to stop; says so when none runs. */
    int tell(String command) {
        try {
            DaemonAddress address = DaemonAddress.of(root);
            SocketChannel channel = connect(address.socket());
            if (channel == null) {
                out.println("No build daemon runs for " + root + ".");
                return 0;
            }
            try (channel) {
                Integer exit = ask(channel, new DaemonProtocol.Request(address.identity(), command, root.toString(),
                        "", false));
                if (exit == null) {
                    out.println("The build daemon of " + root + " ran an older version and has ended.");
                    return 0;
                }
                if ("stop".equals(command)) {
                    awaitGone(address.socket());
                }
                return exit;
            }
        } catch (IOException e) {
            err.println("The build daemon cannot be reached: " + e.getMessage());
            return 2;
        }
    }

    /** Whether a daemon listens on {@code socket}. */
    static boolean answers(Path socket) {
        SocketChannel channel = connect(socket);
        if (channel == null) {
            return false;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Only asked whether anyone listens.
        }
        return true;
    }

    private static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return channel;
            } catch (IOException e) {
                channel.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends the request and relays the answer; the exit code, or null if the daemon runs other code. */
    private Integer ask(SocketChannel channel, DaemonProtocol.Request request) throws IOException {
        request.write(new DataOutputStream(Channels.newOutputStream(channel)));
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        while (true) {
            int kind;
            try {
                kind = in.readByte();
            } catch (EOFException e) {
                throw new IOException("it closed the connection before the build's end");
            }
            switch (kind) {
                case DaemonProtocol.OUT, DaemonProtocol.ERR -> {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    PrintStream target = kind == DaemonProtocol.OUT ? out : err;
                    target.write(bytes, 0, bytes.length);
                    target.flush();
                }
                case DaemonProtocol.EXIT -> {
                    return in.readInt();
                }
                case DaemonProtocol.STALE -> {
                    return null;
                }
                default -> throw new IOException("it sent what this version does not understand");
            }
        }
    }

    /**
     * Starts the root's daemon in the background and returns at once (it takes its socket within a second, and
     * rehearses a build of the root into {@code output} while nobody waits for it); false if the process could not
     * be started.
     */
    private boolean start(DaemonAddress address, Path output) {
        List<String> command = new ArrayList<>();
        // A session of its own: Ctrl+C in the terminal of the build that started it does not end it.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DaemonAddress.daemonOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BuildDaemon.class.getName());
        command.add(address.socket().toString());
        command.add(address.identity());
        command.add(Integer.toString(BuildDaemon.IDLE_MINUTES));
        command.add(root.toString());
        command.add(output.toAbsolutePath().toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(address.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitGone(Path socket) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (Files.exists(socket) && System.currentTimeMillis() < deadline) {
            pause(20);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int buildHere(Path output, boolean stacktrace) {
        try (AsciidocEngine engine = new AsciidocEngine()) {
            return BuildRun.build(root, output, stacktrace, engine, false, out, err);
        }
    }
}
