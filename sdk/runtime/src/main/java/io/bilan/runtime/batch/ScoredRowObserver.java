package io.bilan.runtime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.report.ScoreReport;

/** Sees each row of a batch that was scored, with the response set it was scored from; refused rows are not shown. */
@FunctionalInterface
public interface ScoredRowObserver {

    /** Called once per scored row, in row order; {@code responseSet} passed the response validator. */
    void scored(JsonNode responseSet, ScoreReport report);
}
