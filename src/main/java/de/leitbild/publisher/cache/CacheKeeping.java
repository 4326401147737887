package de.leitbild.publisher.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * When the parts of the build cache a build keeps for the next are written, each on a thread of its own: at once,
 * while the build goes on (a command line build, which ends with the build), or held until the build has
 * answered (the build daemon: on a machine with two cores, writing tens of megabytes of cache while the build
 * runs takes the processor from the build the user is waiting for).
 */
public final class CacheKeeping implements Executor {

    private final boolean held;
    private final boolean dropped;
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean released;

    private CacheKeeping(boolean held) {
        this(held, false);
    }

    private CacheKeeping(boolean held, boolean dropped) {
        this.held = held;
        this.dropped = dropped;
    }

    /** Nothing is written: for a build whose results are not to be kept (a rehearsal). */
    public static CacheKeeping never() {
        return new CacheKeeping(false, true);
    }

    /** Each part is written as soon as it is handed over. */
    public static CacheKeeping atOnce() {
        return new CacheKeeping(false);
    }

    /** The parts are written when {@link #release} is called; those handed over later at once. */
    public static CacheKeeping untilReleased() {
        return new CacheKeeping(true);
    }

    /** Writes {@code write} on a thread of its own, now or when released; a failure is only noted. */
    public CompletableFuture<Void> keep(String what, CacheFile.Write write) {
        if (dropped) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> CacheFile.keep(what, write), this);
    }

    @Override
    public synchronized void execute(Runnable work) {
        if (held && !released) {
            waiting.add(work);
        } else {
            start(work);
        }
    }

    /** Starts writing what was held. */
    public synchronized void release() {
        released = true;
        waiting.forEach(CacheKeeping::start);
        waiting.clear();
    }

    private static void start(Runnable work) {
        Thread thread = new Thread(work, "keep-cache");
        thread.setDaemon(true);
        thread.start();
    }
}
