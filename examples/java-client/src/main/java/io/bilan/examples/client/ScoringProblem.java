package io.bilan.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A refusal of the engine, read from its RFC 9457 problem ({@code application/problem+json}): the stable
 * {@code type} to act on, and for invalid answers each error with the JSON Pointer of the answer.
 */
public final class ScoringProblem extends IOException {

    /** One error of the request: {@code pointer} locates the answer, e.g. {@code /answers/p01}. */
    public record Error(String code, String pointer, String message) {
    }

    private final int status;
    private final String type;
    private final List<Error> errors;

    private ScoringProblem(int status, String type, String message, List<Error> errors) {
        super(message);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    static ScoringProblem of(int status, byte[] body) {
        JsonNode problem;
        try {
            problem = new ObjectMapper().readTree(body);
        } catch (IOException notJson) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            return new ScoringProblem(status, "about:blank", "HTTP " + status, List.of());
        }
        List<Error> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new Error(error.path("code").asText(null), error.path("pointer").asText(null),
                    error.path("message").asText(null)));
        }
        StringBuilder message = new StringBuilder("HTTP " + status + " " + problem.path("title").asText("")
                + ": " + problem.path("detail").asText(""));
        errors.forEach(error -> message.append(System.lineSeparator()).append("  ")
                .append(error.pointer() == null ? "" : error.pointer() + ": ").append(error.message())
                .append(error.code() == null ? "" : " [" + error.code() + "]"));
        return new ScoringProblem(status, problem.path("type").asText("about:blank"), message.toString(), errors);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The problem type, e.g. {@code urn:bilan:problem:invalid-response}. */
    public String type() {
        return type;
    }

    /** What was wrong with the request, each with its JSON Pointer where there is one. */
    public List<Error> errors() {
        return errors;
    }
}
