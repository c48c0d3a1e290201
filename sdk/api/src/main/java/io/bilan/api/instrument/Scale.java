package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A declarative scale: items with keys and weights, aggregated by sum or mean, with a missing-data rule
 * and optional bands on its raw score or mean.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scale(String id, LocalizedText label, LocalizedText description, Aggregation aggregation,
        List<ScaleItem> items, MissingDataRule missing, Bands bands) {

    public Scale {
        aggregation = aggregation == null ? Aggregation.SUM : aggregation;
        items = List.copyOf(items);
        missing = missing == null ? MissingDataRule.allItems() : missing;
    }

    /** How item values are combined. */
    public enum Aggregation {
        /** Weighted sum of the item values; for tests, the number correct or the credit earned. */
        SUM("sum"),
        /** Weighted mean of the answered item values, on the items' own metric. */
        MEAN("mean");

        private final String code;

        Aggregation(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
