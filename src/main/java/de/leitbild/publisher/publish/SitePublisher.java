package de.leitbild.publisher.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The {@code publish} stage: a build writes into a staging folder next to the output folder; only a build that
 * succeeded replaces the output, by renaming, so readers and previews never see a half-written site and a failed
 * build leaves the last good site as it was.
 */
public final class SitePublisher {

    private final Path output;

    public SitePublisher(Path output) {
        this.output = output.toAbsolutePath().normalize();
    }

    /** A fresh, empty staging folder on the same file system as the output folder. */
    public Path prepareStaging() throws IOException {
        Path staging = sibling(".staging");
        deleteTree(staging);
        Files.createDirectories(staging);
        return staging;
    }

    /** Replaces the output folder with the staging folder. */
    public void publish(Path staging) throws IOException {
        Path previous = sibling(".previous");
        deleteTree(previous);
        if (Files.exists(output)) {
            move(output, previous);
        }
        move(staging, output);
        deleteTree(previous);
    }

    /** Throws away a staging folder after a failed build. */
    public void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
