package io.bilan.runtime.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LikertFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A quick check that a response set surely satisfies the derived response schema, for the common case of a
 * well-formed set: the JSON Schema validator costs about twenty times the scoring itself. It may refuse what
 * the schema accepts (the full validator then decides and explains), but must never accept what the schema
 * refuses; a test compares both on many generated response sets.
 */
final class FastAcceptance {

    private static final Pattern OBSERVER = Pattern.compile("^[\\p{L}\\p{N}_.-]{1,64}$");

    private final Map<String, Predicate<JsonNode>> answers = new HashMap<>();
    private final Set<String> required = new HashSet<>();

    FastAcceptance(InstrumentManifest manifest) {
        for (Item item : manifest.items()) {
            answers.put(item.id(), checkOf(item, manifest.likertFormats()));
            if (item.required()) {
                required.add(item.id());
            }
        }
    }

    /** Whether {@code responseSet} is surely valid; {@code false} means "ask the full validator". */
    boolean accepts(JsonNode responseSet) {
        if (!responseSet.isObject()) {
            return false;
        }
        JsonNode answerSet = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = responseSet.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            boolean ok = switch (field.getKey()) {
                case "answers" -> {
                    answerSet = value;
                    yield value.isObject();
                }
                case "respondent" -> value.isTextual() && value.textValue().length() <= ResponseSchema.MAX_RESPONDENT_LENGTH;
                case "durationSeconds" -> value.isNumber() && value.doubleValue() >= 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        if (answerSet == null) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = answerSet.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> answer = fields.next();
            Predicate<JsonNode> check = answers.get(answer.getKey());
            JsonNode value = answer.getValue();
            if (check == null || (value.isNull() ? required.contains(answer.getKey()) : !check.test(value))) {
                return false;
            }
        }
        for (String item : required) {
            if (!answerSet.has(item)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<JsonNode> checkOf(Item item, Map<String, LikertFormat> formats) {
        return switch (item) {
            case Item.Likert likert -> {
                LikertFormat format = formats.get(likert.format());
                yield format == null ? value -> false : value -> isIntIn(value, format.min(), format.max());
            }
            case Item.Numeric numeric -> value -> value.isNumber()
                    && (!numeric.integer() || value.isIntegralNumber())
                    && (numeric.min() == null || value.doubleValue() >= numeric.min())
                    && (numeric.max() == null || value.doubleValue() <= numeric.max());
            case Item.SingleChoice choice -> oneOf(choice.options());
            case Item.Knowledge knowledge -> oneOf(knowledge.options());
            case Item.MultipleChoice multiple -> {
                int min = multiple.minPicks() == null ? 0 : multiple.minPicks();
                int max = multiple.maxPicks() == null ? multiple.options().size() : multiple.maxPicks();
                yield distinctOptions(multiple.options(), min, max);
            }
            case Item.Ranking ranking -> distinctOptions(ranking.options(), ranking.options().size(),
                    ranking.options().size());
            case Item.ForcedChoice forced -> {
                Predicate<JsonNode> option = oneOf(forced.options());
                yield value -> value.isObject() && value.size() == 2 && value.has("most") && value.has("least")
                        && option.test(value.get("most")) && option.test(value.get("least"));
            }
            case Item.FreeText text -> value -> value.isTextual() && value.textValue().length() <= text.maxLength();
            case Item.ObservationCriterion criterion -> value -> {
                if (value.isObject()) {
                    if (value.isEmpty() || value.size() > 20) {
                        return false;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> ratings = value.fields(); ratings.hasNext(); ) {
                        Map.Entry<String, JsonNode> rating = ratings.next();
                        if (!OBSERVER.matcher(rating.getKey()).matches()
                                || !isIntIn(rating.getValue(), criterion.min(), criterion.max())) {
                            return false;
                        }
                    }
                    return true;
                }
                return isIntIn(value, criterion.min(), criterion.max());
            };
            // Records with typed fields are rare and small: the full validator checks them.
            case Item.RepeatingGroup group -> value -> false;
        };
    }

    private static boolean isIntIn(JsonNode value, int min, int max) {
        return value.isIntegralNumber() && value.canConvertToLong()
                && value.longValue() >= min && value.longValue() <= max;
    }

    private static Predicate<JsonNode> oneOf(List<ChoiceOption> options) {
        Set<String> values = new HashSet<>();
        options.forEach(option -> values.add(option.value()));
        return value -> value.isTextual() && values.contains(value.textValue());
    }

    private static Predicate<JsonNode> distinctOptions(List<ChoiceOption> options, int min, int max) {
        Predicate<JsonNode> option = oneOf(options);
        return value -> {
            if (!value.isArray() || value.size() < min || value.size() > max) {
                return false;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode element : value) {
                if (!option.test(element) || !seen.add(element.textValue())) {
                    return false;
                }
            }
            return true;
        };
    }
}
