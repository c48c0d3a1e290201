package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemDetails;
import java.util.List;

/** A step of the bilan refused because its preconditions are not met: each error says what is missing. */
public class CaseRuleException extends RuntimeException {

    private final transient List<ProblemDetails.Error> missing;

    public CaseRuleException(String message, List<ProblemDetails.Error> missing) {
        super(message);
        this.missing = List.copyOf(missing);
    }

    public static CaseRuleException of(String code, String message) {
        return new CaseRuleException(message, List.of(new ProblemDetails.Error(code, null, message, null, "error")));
    }

    public List<ProblemDetails.Error> missing() {
        return missing;
    }
}
