package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Norms of one population: for each normed scale, rows from a score to its percentile, T-score, stanine and
 * sten. A score takes the last row whose {@code score} is at or below it (rows ascend strictly, and the
 * derived scores never decrease).
 *
 * @param population  who the sample was, in every declared language
 * @param sampleSize  how many people the norms were computed from
 * @param collected   when the sample was collected, free text such as "2024"
 * @param scales      scale id to that scale's table
 * @param bands       bands over one of the derived scores, for every scale of the table
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NormTable(String id, LocalizedText population, int sampleSize, String collected,
        Map<String, ScaleNorms> scales, Bands bands) {

    /** The rows of one scale. {@code basis} says whether rows are looked up by raw score or mean. */
    public record ScaleNorms(Basis basis, List<Row> rows) {
        public ScaleNorms {
            basis = basis == null ? Basis.RAW : basis;
            rows = List.copyOf(rows);
        }
    }

    /** One row: from {@code score} upwards until the next row. */
    public record Row(double score, double percentile, double t, int stanine, int sten) {
    }

    /** Which scale score a table is keyed by. */
    public enum Basis {
        RAW("raw"),
        MEAN("mean");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
