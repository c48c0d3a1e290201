package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The named band a score falls in, with its label and text in the report's language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BandResult(String id, String label, String text) {
}
