package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one response set, in one language.
 *
 * @param instrument      {@code id@version}
 * @param digest          {@code sha256:<hex>} of the package that scored it, so the result can be traced
 *                        and replayed
 * @param language        the language of every text in the report
 * @param respondent      the response set's respondent id, if it had one
 * @param scales          scale id to result, declared scales first in manifest order, then added ones
 * @param outcomes        results carried over to the shared vocabularies
 * @param flags           things to notice
 * @param interpretation  paragraphs of interpretation, from the script or scorer
 * @param results         further structured results from the script or scorer (e.g. a Holland code)
 * @param durationSeconds the time taken, for timed tests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreReport(String instrument, String digest, String language, String respondent,
        Map<String, ScaleResult> scales, List<OutcomeResult> outcomes, List<Flag> flags,
        List<String> interpretation, Map<String, Object> results, Double durationSeconds) {
}
