package io.bilan.runtime.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

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
        return everyField(result, (key, value) -> switch (key) {
            case "scales" -> scales(value);
            case "flags" -> eachOf(value, 200, AdditionsAcceptance::flag);
            case "interpretation" -> eachOf(value, 200, AdditionsAcceptance::text);
            case "outcomes" -> eachOf(value, 500, AdditionsAcceptance::outcome);
            case "results" -> value.isObject() && value.size() <= 200;
            default -> false;
        });
    }

    private static boolean eachOf(JsonNode array, int maxItems, Predicate<JsonNode> check) {
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
        return everyField(scales, (name, value) -> id(name) && scale(value));
    }

    private static boolean scale(JsonNode scale) {
        if (!scale.isObject() || !scale.has("label")) {
            return false;
        }
        return everyField(scale, (key, value) -> switch (key) {
            case "label" -> text(value);
            case "raw", "mean" -> number(value) || value.isNull();
            case "min", "max" -> number(value);
            case "band" -> band(value);
            default -> false;
        });
    }

    private static boolean band(JsonNode band) {
        if (!band.isObject() || !band.has("id") || !band.has("label")) {
            return false;
        }
        return everyField(band, (key, value) -> switch (key) {
            case "id" -> value.isTextual() && id(value.textValue());
            case "label", "text" -> text(value);
            default -> false;
        });
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
        return everyField(outcome, (key, value) -> switch (key) {
            case "type" -> value.isTextual() && OUTCOME_TYPES.contains(value.textValue());
            case "target" -> value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() <= 300;
            case "scale" -> value.isTextual() && id(value.textValue());
            case "level" -> number(value) && value.doubleValue() >= 0 && value.doubleValue() <= 1;
            case "source" -> value.isTextual() && SOURCES.contains(value.textValue());
            case "measures" -> value.isTextual() && MEASURES.contains(value.textValue());
            case "evidence" -> value.isTextual() && value.textValue().length() <= 500;
            default -> false;
        });
    }

    /** A text: one to twenty two-letter language codes, each with a string of 1 to 20,000 characters. */
    private static boolean text(JsonNode text) {
        if (!text.isObject() || text.isEmpty() || text.size() > 20) {
            return false;
        }
        return everyField(text, (language, value) -> language.length() == 2 && lowerCase(language.charAt(0))
                && lowerCase(language.charAt(1)) && value.isTextual() && !value.textValue().isEmpty()
                && value.textValue().length() <= 20_000);
    }

    /** Whether every field of {@code object} passes {@code check}, given its name and value. */
    private static boolean everyField(JsonNode object, BiPredicate<String, JsonNode> check) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!check.test(field.getKey(), field.getValue())) {
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
