package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import java.util.List;

/** A step of the bilan refused because its preconditions are not met: each error says what is missing. */
public class CaseRuleException extends ProblemException {

    public CaseRuleException(String message, List<ProblemDetails.Error> missing) {
        super(ProblemType.CASE_RULE, message, missing);
    }

    public static CaseRuleException of(String code, String message) {
        return new CaseRuleException(message, List.of(error(null, code, message)));
    }

    /** What is missing, one error each. */
    public List<ProblemDetails.Error> missing() {
        return errors();
    }
}
