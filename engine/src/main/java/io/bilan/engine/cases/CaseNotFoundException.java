package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;

/**
 * No case with this id that the caller may see. Said the same way whether the case does not exist or belongs to
 * someone else, so that a refusal tells nothing; the id is not echoed either.
 */
public class CaseNotFoundException extends ProblemException {

    public CaseNotFoundException(String id) {
        super(ProblemType.CASE_NOT_FOUND, "No such case among yours: it does not exist, or it is not one you work on.");
    }
}
