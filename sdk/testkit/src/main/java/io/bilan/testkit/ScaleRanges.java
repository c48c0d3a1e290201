package io.bilan.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.Scale;
import io.bilan.api.instrument.ScaleItem;
import io.bilan.api.report.ScaleResult;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ScoreOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that every scale can reach the lowest and highest scores the runtime reports for it: a scale that cannot
 * (a key the wrong way round, a weight of zero, an option that scores nothing) is an author's mistake no fixture
 * may show. Starting from a valid response set, each item of the scale is set in turn to each value its response
 * schema allows at the ends of its range (the options of a choice, the bounds of a rating) and the one moving the
 * scale furthest is kept; since a scale adds its items up, this finds its extremes. Scales with items answered
 * otherwise (rankings, forced choices, texts) are left out.
 */
final class ScaleRanges {

    private static final double TOLERANCE = 1e-9;

    private ScaleRanges() {
    }

    /** What went wrong, one line per scale that misses an end; empty when every checked scale reaches both. */
    static List<String> check(Instrument instrument, JsonNode validResponses) {
        JsonNode itemSchemas = instrument.responseSchema().path("properties").path("answers").path("properties");
        List<String> failures = new ArrayList<>();
        for (Scale scale : instrument.manifest().scales()) {
            List<List<JsonNode>> candidates = new ArrayList<>();
            boolean checkable = true;
            for (ScaleItem item : scale.items()) {
                List<JsonNode> values = candidates(itemSchemas.path(item.item()));
                checkable &= !values.isEmpty();
                candidates.add(values);
            }
            if (!checkable || scale.items().isEmpty()) {
                continue;
            }
            ScaleResult bounds = result(instrument, validResponses, scale.id());
            if (bounds == null || bounds.min() == null || bounds.max() == null) {
                continue;
            }
            for (boolean highest : new boolean[] {false, true}) {
                ObjectNode responses = validResponses.deepCopy();
                ObjectNode answers = responses.with("answers");
                for (int i = 0; i < scale.items().size(); i++) {
                    String item = scale.items().get(i).item();
                    JsonNode best = null;
                    double bestRaw = highest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    for (JsonNode value : candidates.get(i)) {
                        answers.set(item, value);
                        Double score = score(result(instrument, responses, scale.id()), scale);
                        if (score != null && (highest ? score > bestRaw : score < bestRaw)) {
                            best = value;
                            bestRaw = score;
                        }
                    }
                    if (best != null) {
                        answers.set(item, best);
                    }
                }
                Double reached = score(result(instrument, responses, scale.id()), scale);
                double target = highest ? bounds.max() : bounds.min();
                if (reached == null || Math.abs(reached - target) > TOLERANCE) {
                    failures.add("scale " + scale.id() + " never reaches its " + (highest ? "highest" : "lowest")
                            + " score " + target + ": the best the answers give is "
                            + (reached == null ? "no score" : reached) + "; check its items' keys, weights and options");
                }
            }
        }
        return failures;
    }

    /** The non-null values at the ends of what the schema allows, or none when the answer is not a plain value. */
    private static List<JsonNode> candidates(JsonNode schema) {
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("enum")) {
            schema.get("enum").forEach(value -> {
                if (!value.isNull()) {
                    values.add(value);
                }
            });
        } else if (schema.has("minimum") && schema.has("maximum")) {
            values.add(schema.get("minimum"));
            values.add(schema.get("maximum"));
        }
        return values;
    }

    /** The score the range applies to: the mean for a scale that averages its items, else the raw sum. */
    private static Double score(ScaleResult result, Scale scale) {
        if (result == null) {
            return null;
        }
        return scale.aggregation() == Scale.Aggregation.MEAN ? result.mean() : result.raw();
    }

    private static ScaleResult result(Instrument instrument, JsonNode responses, String scale) {
        try {
            return instrument.score(responses, new ScoreOptions(null, null)).scales().get(scale);
        } catch (InvalidResponseException e) {
            return null;
        }
    }
}
