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

    /**
     * The JavaScript of {@code (function (parse) { return function unpack(input, values) {...}; })} for this layout:
     * one statement per answer and per scale field, each with its key as a literal. A single loop storing every key
     * at one site made GraalJS fall back to its slowest way of adding properties (the site sees a new object shape
     * at each key), which was half of a 60-item call; here every store sees one shape. Keys are written with every
     * character outside {@code [A-Za-z0-9_-]} as a Unicode escape, so no key can end its string literal.
     */
    String unpackScript() {
        StringBuilder js = new StringBuilder("(function (parse) {\n\"use strict\";\n");
        js.append("function scale(values, k) {\nconst scale = {};\nlet value;\n");
        for (int f = 0; f < scaleFields.size(); f++) {
            store(js, "scale", scaleFields.get(f), "values[k + " + f + "]", jsonScaleFields.contains(scaleFields.get(f)));
        }
        js.append("return scale;\n}\n");
        js.append("return function unpack(input, values) {\nconst answers = {};\nlet value;\n");
        for (int i = 0; i < answerKeys.size(); i++) {
            store(js, "answers", answerKeys.get(i), "values[" + i + "]", jsonAnswers.contains(answerKeys.get(i)));
        }
        js.append("const scales = {};\n");
        for (int j = 0; j < scaleKeys.size(); j++) {
            js.append("scales[").append(literal(scaleKeys.get(j))).append("] = scale(values, ")
                    .append(answerKeys.size() + j * scaleFields.size()).append(");\n");
        }
        return js.append("input.answers = answers;\ninput.scales = scales;\nreturn input;\n};\n})").toString();
    }

    /** Sets {@code key} of {@code target} to the value, parsed when it is JSON, unless it is null or undefined. */
    private static void store(StringBuilder js, String target, String key, String value, boolean json) {
        js.append("value = ").append(value).append(";\nif (value !== null && value !== undefined) ").append(target)
                .append('[').append(literal(key)).append("] = ").append(json ? "parse(value)" : "value").append(";\n");
    }

    /** A JavaScript string literal of {@code text} that only letters, digits, _ and - appear in unescaped. */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                literal.append(c);
            } else {
                literal.append(String.format("\\u%04x", (int) c));
            }
        }
        return literal.append('"').toString();
    }
}
