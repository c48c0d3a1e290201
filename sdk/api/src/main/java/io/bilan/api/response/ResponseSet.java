package io.bilan.api.response;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One respondent's answers to one instrument.
 *
 * @param respondent      an optional pseudonymous id, echoed in the report and batch output
 * @param answers         item id to answer; JSON values (numbers, strings, lists, maps) as the item's type
 *                        requires. An unanswered item is absent or {@code null}.
 * @param durationSeconds for timed tests: how long the respondent took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseSet(String respondent, Map<String, Object> answers, Double durationSeconds) {

    public ResponseSet {
        answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** A response set with answers only. */
    public static ResponseSet of(Map<String, Object> answers) {
        return new ResponseSet(null, answers, null);
    }
}
