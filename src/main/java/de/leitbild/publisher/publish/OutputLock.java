package de.leitbild.publisher.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import de.leitbild.publisher.problem.BuildFailure;
import de.leitbild.publisher.problem.Problem;

/**
 * One build at a time per output folder. Two builds of the same output (the build daemon's and a plain
 * {@code build}, or two terminals) would share the staging folder beside it and write the same cache files; the
 * second one waits until the first has published and saved its cache, then builds on what it left.
 *
 * <p>The lock is the operating system's lock on a file in the cache folder: it ends with the process that holds
 * it, so a build that was killed never leaves a stale lock behind. The file itself stays (deleting it could let
 * two processes lock two different files of the same name); it holds the process id of the last build, for the
 * message of the one that waits.
 */
public final class OutputLock implements AutoCloseable {

    /**
     * The operating system's lock belongs to the whole process: builds within one process queue here first. A
     * permit, not a lock owned by a thread: the build daemon lets go when its cache is saved, on another thread.
     */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final String FILE = "build.lock";
    private static final long POLL_MILLIS = 100;

    private final Semaphore inProcess;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private OutputLock(Semaphore inProcess, FileChannel channel, FileLock lock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code output} (its file is in {@code cacheFolder}), waiting up to {@code patience} for a
     * build that holds it; {@code waiting} is told once, in a sentence for the user, that this build waits.
     *
     * @throws BuildFailure if the other build still runs after {@code patience}, or the lock file cannot be made
     */
    public static OutputLock take(Path output, Path cacheFolder, Duration patience, Consumer<String> waiting)
            throws BuildFailure {
        long deadline = System.nanoTime() + patience.toNanos();
        Path file = cacheFolder.resolve(FILE);
        Semaphore inProcess = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(),
                key -> new Semaphore(1, true));
        boolean told = false;
        try {
            if (!inProcess.tryAcquire()) {
                waiting.accept("Waiting for another build of " + output + " in this process to end.");
                told = true;
                if (!inProcess.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
                    throw stillRunning(output, "this process", patience);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stillRunning(output, "this process", patience);
        }
        // From here on the permit is this build's: given back below unless the lock is taken and handed out.
        FileChannel channel = null;
        OutputLock taken = null;
        try {
            Files.createDirectories(cacheFolder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            while (lock == null) {
                if (!told) {
                    waiting.accept("Waiting for another build of " + output + " to end (" + holder(channel) + ").");
                    told = true;
                }
                if (remaining(deadline) <= 0) {
                    throw stillRunning(output, holder(channel), patience);
                }
                Thread.sleep(POLL_MILLIS);
                lock = channel.tryLock();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            taken = new OutputLock(inProcess, channel, lock);
            return taken;
        } catch (IOException e) {
            throw new BuildFailure(new Problem(output, 1, "the output folder cannot be locked for this build ("
                    + e.getMessage() + "): check that the folder beside it, " + cacheFolder + ", is writable"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stillRunning(output, "another process", patience);
        } finally {
            if (taken == null) {
                closeQuietly(channel);
                inProcess.release();
            }
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Who holds the lock, as far as its file says: the process id the last build wrote into it. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate(32);
            int read = channel.read(bytes, 0);
            String pid = read <= 0 ? "" : new String(bytes.array(), 0, read, StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]+") ? "process " + pid : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    private static BuildFailure stillRunning(Path output, String holder, Duration patience) {
        return new BuildFailure(new Problem(output, 1, "another build of this output folder (" + holder
                + ") is still running after " + patience.toSeconds() + " s: wait for it to end, or stop it, and "
                + "build again"));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing releases the lock; a channel that cannot even be closed holds nothing worth reporting.
            }
        }
    }

    /** Lets the next build of the output in. Releasing twice does nothing. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
        inProcess.release();
    }
}
