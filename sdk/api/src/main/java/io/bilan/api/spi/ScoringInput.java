package io.bilan.api.spi;

import io.bilan.api.report.ScaleScore;
import java.util.Map;

/**
 * What a script or Java scorer receives. A script gets the same as JSON:
 * {@code {"instrument": {"id", "version"}, "answers": {...}, "scales": {...}, "durationSeconds": n}}.
 *
 * @param instrumentId    the instrument id
 * @param version         the instrument version
 * @param answers         the validated answers, item id to JSON value (Number, String, Boolean, List, Map)
 * @param scales          the declarative scale results, in manifest order
 * @param durationSeconds the time taken, if the response set gave it
 */
public record ScoringInput(String instrumentId, String version, Map<String, Object> answers,
        Map<String, ScaleScore> scales, Double durationSeconds) {
}
