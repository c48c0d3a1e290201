package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a scale does when items are unanswered.
 *
 * @param minAnswered   the fewest answered items the scale can be scored from; {@code null} means all
 * @param prorate       for sums: when some items are missing but at least {@code minAnswered} are answered,
 *                      scale the sum up to the full item set ({@code sum × total weight / answered weight}).
 *                      Means always use the answered items only.
 * @param onInsufficient what happens with fewer than {@code minAnswered} answered items
 */
public record MissingDataRule(Integer minAnswered, boolean prorate, Insufficient onInsufficient) {

    @JsonCreator
    public MissingDataRule(@JsonProperty("minAnswered") Integer minAnswered, @JsonProperty("prorate") Boolean prorate,
            @JsonProperty("onInsufficient") Insufficient onInsufficient) {
        this(minAnswered, prorate == null || prorate, onInsufficient == null ? Insufficient.OMIT : onInsufficient);
    }

    /** The rule when a manifest says nothing: every item required, sums prorated, scale omitted. */
    public static MissingDataRule allItems() {
        return new MissingDataRule(null, true, Insufficient.OMIT);
    }

    /** What happens with fewer than {@code minAnswered} answered items. */
    public enum Insufficient {
        /** The scale is reported without a score, status {@code insufficient-data}, with a warning flag. */
        OMIT("omit"),
        /**
         * The scale is reported without a score, status {@code insufficient-data}, and no flag: for items that may
         * rightly be left out, such as a topic not discussed in an interview or an optional question.
         */
        SKIP("skip"),
        /** Scoring fails: the response set is rejected with a problem naming the scale. */
        FAIL("fail");

        private final String code;

        Insufficient(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
