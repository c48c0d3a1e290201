package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * Named bands over one metric, e.g. low / average / high on the T-score. A value falls in the last band
 * whose {@code from} is at or below it; the first band also takes values below its {@code from}.
 *
 * @param on     the metric the bands cut
 * @param levels the bands, in increasing order of {@code from}
 */
public record Bands(Metric on, List<Band> levels) {

    public Bands {
        levels = List.copyOf(levels);
    }

    /** A band: where it starts, what it is called and what it means for the person. */
    public record Band(String id, double from, LocalizedText label, LocalizedText text) {
    }

    /** The metrics bands can be defined on. */
    public enum Metric {
        RAW("raw"),
        MEAN("mean"),
        PERCENTILE("percentile"),
        T("t"),
        STANINE("stanine"),
        STEN("sten");

        private final String code;

        Metric(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
