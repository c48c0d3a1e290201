package io.bilan.runtime.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A quick check that a script's or Java scorer's result surely satisfies the additions schema
 * ({@code urn:bilan:schema:score-additions:1}), for the common case of a well-formed result: the JSON Schema
 * validator was about half of a scripted call's checking. It may refuse what the schema accepts (the validator then
 * decides and explains), but must never accept what the schema refuses; a test compares both on many generated
 * results. Lengths are counted in UTF-16 units, never fewer than the code points the schema counts, and ids and
 * codes are matched character by character, stricter than the schema's patterns.
 */
final class AdditionsAcceptance {

    private static final Set<String> SEVERITIES = Set.of("error", "warning", "info");
    private static final Set<String> OUTCOME_TYPES = Set.of("interest", "work-value", "competence");
    private static final Set<String> SOURCES = Set.of("self-assessment", "test", "observation", "experience");
    private static final Set<String> MEASURES = Set.of("mastery", "documentation");

    private AdditionsAcceptance() {
    }

    /** Whether {@code result} surely satisfies the additions schema; {@code false} means "ask the validator". */
    static boolean accepts(JsonNode result) {
        if (!result.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "scales" -> scales(value);
                case "flags" -> eachOf(value, 200, AdditionsAcceptance::flag);
                case "interpretation" -> eachOf(value, 200, AdditionsAcceptance::text);
                case "outcomes" -> eachOf(value, 500, AdditionsAcceptance::outcome);
                case "results" -> value.isObject() && value.size() <= 200;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean eachOf(JsonNode array, int maxItems, java.util.function.Predicate<JsonNode> check) {
        if (!array.isArray() || array.size() > maxItems) {
            return false;
        }
        for (JsonNode element : array) {
            if (!check.test(element)) {
                return false;
            }
        }
        return true;
    }

    private static boolean scales(JsonNode scales) {
        if (!scales.isObject() || scales.size() > 500) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = scales.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!id(field.getKey()) || !scale(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean scale(JsonNode scale) {
        if (!scale.isObject() || !scale.has("label")) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = scale.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "label" -> text(value);
                case "raw", "mean" -> number(value) || value.isNull();
                case "min", "max" -> number(value);
                case "band" -> band(value);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean band(JsonNode band) {
        if (!band.isObject() || !band.has("id") || !band.has("label")) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = band.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "id" -> value.isTextual() && id(value.textValue());
                case "label", "text" -> text(value);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean flag(JsonNode flag) {
        if (!flag.isObject() || flag.size() != 3) {
            return false;
        }
        JsonNode code = flag.get("code");
        JsonNode severity = flag.get("severity");
        JsonNode message = flag.get("message");
        return code != null && code.isTextual() && flagCode(code.textValue())
                && severity != null && severity.isTextual() && SEVERITIES.contains(severity.textValue())
                && message != null && text(message);
    }

    private static boolean outcome(JsonNode outcome) {
        if (!outcome.isObject() || !outcome.has("type") || !outcome.has("target") || !outcome.has("level")) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = outcome.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "type" -> value.isTextual() && OUTCOME_TYPES.contains(value.textValue());
                case "target" -> value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() <= 300;
                case "scale" -> value.isTextual() && id(value.textValue());
                case "level" -> number(value) && value.doubleValue() >= 0 && value.doubleValue() <= 1;
                case "source" -> value.isTextual() && SOURCES.contains(value.textValue());
                case "measures" -> value.isTextual() && MEASURES.contains(value.textValue());
                case "evidence" -> value.isTextual() && value.textValue().length() <= 500;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A text: one to twenty two-letter language codes, each with a string of 1 to 20,000 characters. */
    private static boolean text(JsonNode text) {
        if (!text.isObject() || text.isEmpty() || text.size() > 20) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = text.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String language = field.getKey();
            JsonNode value = field.getValue();
            if (language.length() != 2 || !lowerCase(language.charAt(0)) || !lowerCase(language.charAt(1))
                    || !value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > 20_000) {
                return false;
            }
        }
        return true;
    }

    /** The numbers Jackson reads from JSON text into doubles and integers, whose values the schema compares alike. */
    private static boolean number(JsonNode value) {
        return value.isDouble() || value.isInt() || value.isLong();
    }

    /** {@code ^[A-Za-z][A-Za-z0-9_.-]{0,63}$}. */
    private static boolean id(String id) {
        int length = id.length();
        if (length == 0 || length > 64 || !letter(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = id.charAt(i);
            if (!letter(c) && !digit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$}, at most 100 characters. */
    private static boolean flagCode(String code) {
        int length = code.length();
        if (length == 0 || length > 100 || !lowerCase(code.charAt(0)) || code.charAt(length - 1) == '-') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = code.charAt(i);
            if (c == '-') {
                if (code.charAt(i - 1) == '-') {
                    return false;
                }
            } else if (!lowerCase(c) && !digit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean letter(char c) {
        return lowerCase(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean lowerCase(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
