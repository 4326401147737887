package de.leitbild.publisher.problem;

import java.util.List;

/** The build stopped because the sources have problems the user must fix; nothing was published. */
public final class BuildFailure extends Exception {

    private final transient List<Problem> problems;

    public BuildFailure(List<Problem> problems) {
        super(problems.size() + " problem(s) in the sources");
        this.problems = problems.stream().sorted().distinct().toList();
    }

    public BuildFailure(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
