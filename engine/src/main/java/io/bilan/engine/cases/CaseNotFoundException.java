package io.bilan.engine.cases;

/**
 * No case with this id that the caller may see. Said the same way whether the case does not exist or belongs to
 * someone else, so that a refusal tells nothing.
 */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String id) {
        super("no case " + id + " among yours");
    }
}
