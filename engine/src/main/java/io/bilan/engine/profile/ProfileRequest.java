package io.bilan.engine.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.report.ScoreReport;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a profile is built from: score reports already made, and response sets scored on the way.
 *
 * @param reports        score reports as the scoring endpoints return them
 * @param administrations response sets with the instrument that scores them
 * @param situation       what the person says of their situation, which the career options respect
 */
@Schema(description = "Score reports, and response sets to score, of one person, and their situation")
public record ProfileRequest(List<@NotNull ScoreReport> reports, List<@NotNull Administration> administrations,
        @jakarta.validation.Valid SituationRequest situation) {

    /** Reports and administrations alone. */
    public ProfileRequest(List<ScoreReport> reports, List<Administration> administrations) {
        this(reports, administrations, null);
    }

    /**
     * A response set for an instrument.
     *
     * @param instrument the instrument id
     * @param version    its version, or {@code latest}
     * @param responses  the response set, as the score endpoint takes it
     */
    public record Administration(@Schema(example = "riasec-interests") String instrument,
            @Schema(example = "latest") String version,
            @Schema(implementation = io.bilan.api.response.ResponseSet.class) JsonNode responses) {
    }
}
