package io.bilan.engine.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.report.Problem;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem: {@code type} is a stable {@code urn:bilan:problem:*} name a client can act on, and for
 * invalid input {@code errors} lists every problem with a JSON Pointer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json).")
public record ProblemDetails(
        @Schema(example = "urn:bilan:problem:invalid-response") String type,
        @Schema(example = "Invalid response set") String title,
        @Schema(example = "400") int status,
        @Schema(example = "The response set does not fit teamwork-styles@1.0.0: 1 problem.") String detail,
        @Schema(example = "/api/v1/instruments/teamwork-styles/1.0.0/score") String instance,
        List<Error> errors) {

    /** The problems of a package or response set, as errors of a problem. */
    public static List<Error> errors(List<Problem> problems) {
        return problems.stream().map(p -> new Error(p.code(), p.pointer(), p.message(), p.file(),
                p.severity().code())).toList();
    }

    /** One problem of the input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProblemError")
    public record Error(
            @Schema(example = "out-of-range") String code,
            @Schema(example = "/answers/coord1") String pointer,
            @Schema(example = "must have a maximum value of 5") String message,
            @Schema(description = "For package problems: the file in the package.", example = "manifest.json") String file,
            @Schema(description = "For package problems: error, warning or info.", example = "error") String severity) {
    }
}
