package io.bilan.runtime.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.Severity;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.ScoreAdditions.AddedBand;
import io.bilan.api.spi.ScoreAdditions.AddedFlag;
import io.bilan.api.spi.ScoreAdditions.AddedScale;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a result that {@link AdditionsAcceptance} accepted to {@link ScoreAdditions}, member by member, as Jackson's
 * data binding would: once accepted, the shape of every member is known, and Jackson's binding from the tree was a
 * twentieth of a scripted request's CPU. The values under {@code results} take the types Jackson's untyped binding
 * gives ({@link PlainValues}). {@code AdditionsAcceptanceTest} compares both bindings on thousands of results.
 */
final class AcceptedAdditions {

    private AcceptedAdditions() {
    }

    /** The additions of {@code result}, which {@link AdditionsAcceptance#accepts} accepted. */
    static ScoreAdditions bind(JsonNode result, ObjectMapper json) {
        Map<String, AddedScale> scales = null;
        List<AddedFlag> flags = null;
        List<LocalizedText> interpretation = null;
        List<OutcomeResult> outcomes = null;
        Map<String, Object> results = null;
        for (Map.Entry<String, JsonNode> field : result.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "scales" -> scales = scales(value);
                case "flags" -> {
                    flags = new ArrayList<>(value.size());
                    for (JsonNode flag : value) {
                        flags.add(new AddedFlag(flag.get("code").textValue(),
                                severity(flag.get("severity").textValue()), text(flag.get("message"))));
                    }
                }
                case "interpretation" -> {
                    interpretation = new ArrayList<>(value.size());
                    for (JsonNode paragraph : value) {
                        interpretation.add(text(paragraph));
                    }
                }
                case "outcomes" -> {
                    outcomes = new ArrayList<>(value.size());
                    for (JsonNode outcome : value) {
                        outcomes.add(outcome(outcome));
                    }
                }
                case "results" -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = (Map<String, Object>) PlainValues.of(value, json);
                    results = object;
                }
                default -> throw new IllegalArgumentException("not an accepted result: it has " + field.getKey());
            }
        }
        return new ScoreAdditions(scales, flags, interpretation, outcomes, results);
    }

    private static Map<String, AddedScale> scales(JsonNode scales) {
        Map<String, AddedScale> bound = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : scales.properties()) {
            JsonNode scale = field.getValue();
            JsonNode band = scale.get("band");
            bound.put(field.getKey(), new AddedScale(text(scale.get("label")), number(scale.get("raw")),
                    number(scale.get("mean")), number(scale.get("min")), number(scale.get("max")),
                    band == null ? null : new AddedBand(band.get("id").textValue(), text(band.get("label")),
                            band.has("text") ? text(band.get("text")) : null)));
        }
        return bound;
    }

    private static OutcomeResult outcome(JsonNode outcome) {
        JsonNode scale = outcome.get("scale");
        JsonNode source = outcome.get("source");
        JsonNode evidence = outcome.get("evidence");
        JsonNode measures = outcome.get("measures");
        return new OutcomeResult(outcome.get("type").textValue(), outcome.get("target").textValue(),
                scale == null ? null : scale.textValue(), outcome.get("level").doubleValue(),
                source == null ? null : source(source.textValue()), evidence == null ? null : evidence.textValue(),
                measures == null ? null : EvidenceMeasure.of(measures.textValue()));
    }

    private static LocalizedText text(JsonNode text) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : text.properties()) {
            texts.put(field.getKey(), field.getValue().textValue());
        }
        return new LocalizedText(texts);
    }

    /** A number of a scale, or null where the member is absent or null. */
    private static Double number(JsonNode value) {
        return value == null || value.isNull() ? null : value.doubleValue();
    }

    private static Severity severity(String code) {
        for (Severity severity : Severity.values()) {
            if (severity.code().equals(code)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("not an accepted severity: " + code);
    }

    private static EvidenceSource source(String code) {
        for (EvidenceSource source : EvidenceSource.values()) {
            if (source.code().equals(code)) {
                return source;
            }
        }
        throw new IllegalArgumentException("not an accepted evidence source: " + code);
    }
}
