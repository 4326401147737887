package de.leitbild.publisher.problem;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/** A mistake in the sources that a user can fix: the file, the line and a sentence saying what to do. */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator
            .comparing((Problem p) -> p.file().toString())
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        line = Math.max(line, 1);
    }

    /** The problem as one line, {@code path:line: message}, with the path relative to {@code root}. */
    public String format(Path root) {
        Path shown = file.isAbsolute() && file.startsWith(root) ? root.relativize(file) : file;
        return shown.toString().replace('\\', '/') + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
