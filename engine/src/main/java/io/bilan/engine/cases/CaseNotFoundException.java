package io.bilan.engine.cases;

import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;

/**
 * No case with this id that the caller may see. Said the same way whether the case does not exist or belongs to
 * someone else, so that a refusal tells nothing; the id is not echoed either.
 */
public class CaseNotFoundException extends ProblemException {

    public CaseNotFoundException(String id) {
        super(ProblemType.CASE_NOT_FOUND, Texts.of("detail.case-not-found"));
    }
}
