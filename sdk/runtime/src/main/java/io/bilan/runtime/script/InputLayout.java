package io.bilan.runtime.script;

import java.util.List;
import java.util.Set;

/**
 * How a script's input is passed when it has many fields: {@link CompiledScript#call(String, Object...)} gets the
 * input's other members as JSON, then one value per answer key and, for each scale key, one value per scale field,
 * in this layout's order ({@code null} for absent). Values named in {@code jsonAnswers} and
 * {@code jsonScaleFields} are JSON text (nested answers such as rankings, norm conversions); the others are plain
 * numbers, strings or booleans. The sandbox rebuilds {@code input.answers} and {@code input.scales} before calling
 * {@code score(input)}: parsing a 60-item input with {@code JSON.parse} costs GraalJS several times more.
 */
public record InputLayout(List<String> answerKeys, Set<String> jsonAnswers, List<String> scaleKeys,
        List<String> scaleFields, Set<String> jsonScaleFields) {

    public InputLayout {
        answerKeys = List.copyOf(answerKeys);
        jsonAnswers = Set.copyOf(jsonAnswers);
        scaleKeys = List.copyOf(scaleKeys);
        scaleFields = List.copyOf(scaleFields);
        jsonScaleFields = Set.copyOf(jsonScaleFields);
    }

    /** How many values a call passes after the JSON: every answer, then every field of every scale. */
    public int valueCount() {
        return answerKeys.size() + scaleKeys.size() * scaleFields.size();
    }

    String toJson() {
        return "{\"answerKeys\":" + strings(answerKeys) + ",\"jsonAnswers\":" + flags(answerKeys, jsonAnswers)
                + ",\"scaleKeys\":" + strings(scaleKeys) + ",\"scaleFields\":" + strings(scaleFields)
                + ",\"jsonScaleFields\":" + flags(scaleFields, jsonScaleFields) + "}";
    }

    private static String flags(List<String> keys, Set<String> json) {
        StringBuilder text = new StringBuilder("[");
        for (String key : keys) {
            text.append(text.length() > 1 ? "," : "").append(json.contains(key));
        }
        return text.append(']').toString();
    }

    private static String strings(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
