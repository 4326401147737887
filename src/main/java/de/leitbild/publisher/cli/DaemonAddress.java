package de.leitbild.publisher.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import de.leitbild.publisher.content.ConversionStore;
import de.leitbild.publisher.publish.OutputMemory;

/**
 * Where the build daemon of a site's root listens (a Unix socket) and writes its log, and which code and JVM
 * settings it runs: one daemon per root and user, in a folder only that user may open.
 */
record DaemonAddress(Path socket, Path log, String identity) {

    /** The daemon of {@code root} for the code and JVM settings of this process. */
    static DaemonAddress of(Path root) throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "leitbild-publisher-"
                + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Made by a build started at the same moment: checked below like any other.
            }
        }
        // Anyone who may open the socket may make the daemon build: the folder must be this user's alone.
        if (!Files.getOwner(folder).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(folder).equals(ownerOnly)) {
            throw new IOException(folder + " must belong to " + System.getProperty("user.name")
                    + " and be readable by nobody else (chmod 700)");
        }
        // A socket's path is limited to about 100 bytes: the root is named by a digest.
        String name = OutputMemory.sha256(root.toString()).substring(0, 16);
        Path socket = folder.resolve(name + ".socket");
        String identity = OutputMemory.sha256(ConversionStore.codeStamp(DaemonAddress.class) + "\n"
                + System.getProperty("java.home") + "\n" + String.join("\n", daemonOptions())).substring(0, 16);
        return new DaemonAddress(socket, logBeside(socket), identity);
    }

    /** The log of the daemon that listens on {@code socket}: beside it, with the same name. */
    static Path logBeside(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().replaceFirst("\\.socket$", "") + ".log");
    }

    /**
     * The JVM options the daemon runs with: those of this process (heap bound, added options), except that it
     * uses the optimising compiler, since it lives long enough for the compiled code to pay off (the launcher
     * stops at the quick compiler for one short build), no class-data archive (it would only shorten the daemon's
     * start, which nobody waits for; the command line hands a build over without one too), and a heap that grows
     * and shrinks with the serial collector instead of one reserved at its bound: an idle daemon gives unused heap
     * back (see {@link BuildDaemon}).
     */
    static List<String> daemonOptions() {
        List<String> options = new java.util.ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream()
                .filter(option -> !option.startsWith("-XX:TieredStopAtLevel")
                        && !option.startsWith("-XX:ArchiveClassesAtExit")
                        && !option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-Xlog:cds")
                        && !option.startsWith("-agentlib") && !option.startsWith("-javaagent")
                        && !option.startsWith("-Xms") && !option.startsWith("-XX:InitialHeapSize")
                        && !option.startsWith("-XX:NewRatio") && !(option.startsWith("-XX:+Use")
                                && option.endsWith("GC")))
                .toList());
        options.add("-XX:+UseSerialGC");
        return options;
    }
}
