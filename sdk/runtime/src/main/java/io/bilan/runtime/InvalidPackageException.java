package io.bilan.runtime;

import io.bilan.api.report.Problem;
import java.util.List;

/** A package has errors and cannot be loaded; {@link #problems()} lists all of them. */
public final class InvalidPackageException extends Exception {

    private final List<Problem> problems;

    public InvalidPackageException(String origin, List<Problem> problems) {
        super(summary(origin, problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(String origin, List<Problem> problems) {
        StringBuilder text = new StringBuilder(origin).append(" is not a valid instrument package:");
        problems.stream().filter(Problem::isError).forEach(problem -> text.append("\n  ").append(problem));
        return text.toString();
    }
}
