package io.bilan.runtime.validation;

import io.bilan.api.report.Problem;
import io.bilan.api.report.Severity;
import io.bilan.runtime.problem.ValidationCode;
import java.util.ArrayList;
import java.util.List;

/** Gathers the problems of one package, so all of them are reported together. */
final class ProblemCollector {

    private final List<Problem> problems = new ArrayList<>();

    void error(ValidationCode code, String file, String pointer, String message) {
        problems.add(new Problem(Severity.ERROR, code.code(), file, pointer, message));
    }

    void warning(ValidationCode code, String file, String pointer, String message) {
        problems.add(new Problem(Severity.WARNING, code.code(), file, pointer, message));
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }
}
