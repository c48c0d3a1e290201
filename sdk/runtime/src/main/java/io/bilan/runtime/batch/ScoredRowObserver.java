package io.bilan.runtime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.scoring.NumericRowScorer;

/** Sees each row of a batch that was scored, with the response set it was scored from; refused rows are not shown. */
@FunctionalInterface
public interface ScoredRowObserver {

    /** Called once per scored row, in row order; {@code responseSet} passed the response validator. */
    void scored(JsonNode responseSet, ScoreReport report);

    /**
     * Called instead of {@link #scored(JsonNode, ScoreReport)} for a CSV row read straight into answers (item id to
     * Integer, unanswered items absent), which is surely valid. By default, builds the response set and calls it.
     */
    default void scored(Map<String, Object> answers, String respondent, ScoreReport report) {
        ObjectNode responseSet = JsonNodeFactory.instance.objectNode();
        if (respondent != null) {
            responseSet.put("respondent", respondent);
        }
        ObjectNode values = responseSet.putObject("answers");
        answers.forEach((item, value) -> values.put(item, ((Number) value).intValue()));
        scored(responseSet, report);
    }

    /**
     * Whether this observer takes rows scored without a report ({@link #scored(NumericRowScorer)}): a batch then
     * scores its plain rows that way when the instrument allows it. By default, no: every row comes with its report.
     */
    default boolean takesNumericRows() {
        return false;
    }

    /**
     * Called instead of the other methods for a row scored without a report, when {@link #takesNumericRows()}:
     * {@code scores} holds the row's scale scores and keyed item values until the next row.
     */
    default void scored(NumericRowScorer scores) {
        throw new UnsupportedOperationException("this observer takes rows with their reports");
    }
}
