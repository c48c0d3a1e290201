package io.bilan.runtime.batch;

import io.bilan.api.report.Problem;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.problem.ValidationCode;
import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one batch row: a report, or the reason it was refused. */
sealed interface RowResult {

    record Scored(ScoreReport report) implements RowResult {
    }

    /**
     * @param code     {@code invalid-response}, {@code invalid-row}, or the {@link
     *                 io.bilan.runtime.scoring.ScoringException} code
     * @param problems for {@code invalid-response}, every problem of the response set; else empty
     */
    record Refused(String code, String message, List<Problem> problems) implements RowResult {

        public Refused {
            problems = List.copyOf(problems);
        }

        static Refused invalidRow(String message) {
            return new Refused(ValidationCode.INVALID_ROW.code(), message, List.of());
        }

        /** One line: each problem as {@code code at pointer: message} joined by {@code ; }, else {@code code: message}. */
        String oneLine() {
            String text = problems.isEmpty() ? code + ": " + message : problems.stream()
                    .map(problem -> problem.code()
                            + (problem.pointer() == null || problem.pointer().isEmpty() ? "" : " at " + problem.pointer())
                            + ": " + problem.message())
                    .collect(Collectors.joining("; "));
            return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        }
    }
}
