package de.leitbild.publisher.publish;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A process of its own that takes the lock of an output folder ({@code args[0]}, lock file in {@code args[1]}),
 * says "held" and keeps it until its standard input ends: the other build, for {@link OutputLockTest}.
 */
public final class OutputLockHolder {

    private OutputLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputLock lock = OutputLock.take(Path.of(args[0]), Path.of(args[1]), Duration.ofSeconds(30),
                notice -> { })) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Held until the test closes the pipe.
            }
        }
    }
}
