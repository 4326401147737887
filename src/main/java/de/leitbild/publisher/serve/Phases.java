package de.leitbild.publisher.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How long the steps of one preview update took, in the order they ran (for the console and the benchmark). */
final class Phases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the step {@code name} now; a step that runs twice adds up. */
    void lap(String name) {
        long now = System.nanoTime();
        nanos.merge(name, now - last, Long::sum);
        last = now;
    }

    /** Adds a step that ended at {@code end} and began at {@code start}, without moving the clock. */
    void add(String name, long start, long end) {
        nanos.merge(name, end - start, Long::sum);
    }

    Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.forEach((k, v) -> out.put(k, v / 1_000_000));
        return out;
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.1f",
                e.getValue() / 1e6)).collect(Collectors.joining(", "));
    }
}
