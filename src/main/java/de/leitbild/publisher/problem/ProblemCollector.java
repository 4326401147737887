package de.leitbild.publisher.problem;

import java.util.ArrayList;
import java.util.List;

/** Gathers the problems of one stage so that the user sees all of them at once, not one per build. */
public final class ProblemCollector {

    private final List<Problem> problems = new ArrayList<>();

    public synchronized void add(Problem problem) {
        problems.add(problem);
    }

    public synchronized void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Ends the stage: throws if anything was reported, in the order of files and lines, each problem once. */
    public synchronized void throwIfAny() throws BuildFailure {
        if (!problems.isEmpty()) {
            // Stages work on several threads: sorting makes the report the same on every run.
            throw new BuildFailure(problems.stream().distinct().sorted().toList());
        }
    }
}
