package io.bilan.engine.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An instrument in the catalogue listing: its latest version, in the requested language. */
@Schema(description = "An instrument of the catalogue, described by its latest version.")
// Alphabetical, as the API has always written it, whether serialised by the REST layer or ahead of time.
@JsonPropertyOrder(alphabetic = true)
public record InstrumentSummary(
        @Schema(example = "teamwork-styles") String id,
        @Schema(example = "1.0.0") String latestVersion,
        @Schema(example = "questionnaire") String kind,
        @Schema(example = "[\"investigation\"]") List<String> phases,
        @Schema(example = "[\"fr\", \"en\"]") List<String> languages,
        @Schema(example = "Teamwork styles") String title,
        String description,
        int estimatedMinutes,
        boolean deprecated) {
}
