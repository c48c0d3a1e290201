package io.bilan.engine.problem;

import java.util.List;

/** A request body or parameter that breaks a rule of the API: a 400 problem, one error per rule broken. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(List<ProblemDetails.Error> errors) {
        super(ProblemType.INVALID_REQUEST, errors.getFirst().message(), errors);
    }

    /** One broken rule at a JSON Pointer into the body ({@code /roles/0}), or at a parameter's name. */
    public static InvalidRequestException at(String pointer, String code, String message) {
        return new InvalidRequestException(List.of(error(pointer, code, message)));
    }

    /**
     * The constraints of a body checked outside a resource method (a page's form read into the API's body), broken
     * as the API reports them: one error per constraint, at the JSON Pointer of the value.
     */
    public static InvalidRequestException of(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> broken) {
        return new InvalidRequestException(ConstraintViolations.errors(
                new jakarta.validation.ConstraintViolationException(broken)));
    }

    @Override
    public String detail() {
        return Texts.of("detail.invalid-request", errors().size());
    }
}
