package io.bilan.runtime.scoring;

import io.bilan.api.report.Problem;
import java.util.List;

/** The response set does not fit the instrument; every problem is listed with a JSON Pointer. */
public final class InvalidResponseException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidResponseException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder text = new StringBuilder("invalid response set");
        for (Problem problem : problems) {
            text.append("\n  ").append(problem.pointer()).append(": ").append(problem.message());
        }
        return text.toString();
    }
}
