package io.bilan.engine.problem;

import java.util.List;

/** A request body or parameter that breaks a rule of the API: a 400 problem, one error per rule broken. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ProblemDetails.Error> errors;

    public InvalidRequestException(List<ProblemDetails.Error> errors) {
        super(errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    /** One broken rule at a JSON Pointer into the body ({@code /roles/0}), or at a parameter's name. */
    public static InvalidRequestException at(String pointer, String code, String message) {
        return new InvalidRequestException(List.of(new ProblemDetails.Error(code, pointer, message, null, "error")));
    }

    public List<ProblemDetails.Error> errors() {
        return errors;
    }
}
