package de.leitbild.publisher.serve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How long the steps of one preview update took, in the order they ran (for the console and the benchmark): wall
 * time, and the processor time of the updating thread, which tells work from waiting on a busy computer.
 */
final class Phases {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Long> cpuNanos = new LinkedHashMap<>();
    private long last = System.nanoTime();
    private long lastCpu = cpu();

    private static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Ends the step {@code name} now; a step that runs twice adds up. */
    void lap(String name) {
        long now = System.nanoTime();
        long nowCpu = cpu();
        nanos.merge(name, now - last, Long::sum);
        cpuNanos.merge(name, nowCpu - lastCpu, Long::sum);
        last = now;
        lastCpu = nowCpu;
    }

    /** Adds a step that ended at {@code end} and began at {@code start} (waiting, not work), without moving the clock. */
    void add(String name, long start, long end) {
        nanos.merge(name, end - start, Long::sum);
    }

    Map<String, Long> millis() {
        return inMillis(nanos);
    }

    Map<String, Long> cpuMillis() {
        return inMillis(cpuNanos);
    }

    private static Map<String, Long> inMillis(Map<String, Long> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v / 1_000_000));
        return out;
    }

    @Override
    public String toString() {
        return nanos.entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue() / 1e6)
                + (cpuNanos.containsKey(e.getKey()) ? String.format(Locale.ROOT, " (cpu %.1f)",
                        cpuNanos.get(e.getKey()) / 1e6) : ""))
                .collect(Collectors.joining(", "));
    }
}
