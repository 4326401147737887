package de.leitbild.publisher.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code publish} stage: a build writes into a staging folder next to the output folder; only a build that
 * succeeded replaces the output, by renaming, so readers and previews never see a half-written site and a failed
 * build leaves the last good site as it was.
 */
public final class SitePublisher {

    private static final String DISCARDED = ".discarded-";

    private final Path output;
    private Thread clearing;

    public SitePublisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /**
     * A fresh, empty staging folder on the same file system as the output folder. What earlier builds left beside
     * the output (the site the last publish replaced, the staging folder of a build that was killed) is renamed out
     * of the way at once and deleted on a background thread while this build works: deleting the thousands of
     * files of a large site is then off the build's path.
     */
    public Path prepareStaging() throws IOException {
        Path staging = sibling(".staging");
        List<Path> leftovers = new ArrayList<>();
        for (Path leftover : List.of(staging, sibling(".previous"))) {
            if (Files.exists(leftover, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Path discarded = leftover.resolveSibling(leftover.getFileName() + DISCARDED + System.nanoTime());
                move(leftover, discarded);
            }
        }
        // Also those a killed build did not finish deleting.
        String prefix = "." + output.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().contains(DISCARDED)).sorted().forEach(leftovers::add);
        } catch (java.nio.file.NoSuchFileException e) {
            // No output folder's parent yet: nothing was left.
        }
        if (!leftovers.isEmpty()) {
            clearing = new Thread(() -> leftovers.forEach(SitePublisher::deleteQuietly), "clear-leftovers");
            clearing.setDaemon(true);
            // Behind the build's own work: its processor time is what is left over.
            clearing.setPriority(Thread.MIN_PRIORITY);
            clearing.start();
        }
        Files.createDirectories(staging);
        return staging;
    }

    /**
     * An empty folder {@code folder} for a build that publishes nothing (a rehearsal), made anew: what a killed one
     * left there is deleted first. Nothing beside the output is touched, so a build that runs meanwhile keeps its
     * staging folder. Thrown away with {@link #discard}.
     */
    public Path prepareScratch(Path folder) throws IOException {
        deleteTree(folder);
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * Replaces the output folder with the staging folder; the replaced site stays beside it as
     * {@code .<output>.previous} until the next build deletes it. The deletion of older leftovers is not waited
     * for: what it has not finished when the program ends, the next build goes on with.
     */
    public void publish(Path staging) throws IOException {
        Path previous = sibling(".previous");
        deleteTree(previous);
        if (Files.exists(output)) {
            move(output, previous);
        }
        move(staging, output);
    }

    /** Throws away a staging folder after a failed build. */
    public void discard(Path staging) {
        try {
            awaitClearing();
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until what earlier builds left beside the output is deleted (for callers that need the space). */
    public void awaitLeftovers() {
        awaitClearing();
    }

    private void awaitClearing() {
        if (clearing != null) {
            try {
                clearing.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // What cannot be deleted now is tried again by the next build.
        }
    }

    private Path sibling(String suffix) {
        return output.resolveSibling("." + output.getFileName() + suffix);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
