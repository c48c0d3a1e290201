package io.bilan.runtime.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LikertFormat;
import java.io.IOException;
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
 * refuses; a test compares both on many generated response sets. The same checks serve {@link PlainResponseReader},
 * which applies them to a body's tokens rather than to its tree.
 */
final class FastAcceptance {

    private static final Pattern OBSERVER = Pattern.compile("^[\\p{L}\\p{N}_.-]{1,64}$");

    /** What {@link AnswerCheck#read} gives for a value it does not surely accept, or that is not a scalar. */
    static final Object NOT_PLAIN = new Object();

    private final Map<String, AnswerCheck> answers = new HashMap<>();
    private final Set<String> required = new HashSet<>();
    private final List<String> items;

    FastAcceptance(InstrumentManifest manifest) {
        this.items = manifest.items().stream().map(Item::id).toList();
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
            AnswerCheck check = answers.get(answer.getKey());
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

    /** The ids of the instrument's items, in its order. */
    List<String> items() {
        return items;
    }

    /** Each item's check, by item id. */
    Map<String, AnswerCheck> checks() {
        return answers;
    }

    /** The ids of the items that must be answered, with a value other than null. */
    Set<String> required() {
        return required;
    }

    /**
     * What a surely valid answer to one item is, as a node of a tree or as the token a parser stands on. Answers of
     * the common kinds (a Likert point, a number, an option, a text) are scalars and can be read from either.
     */
    sealed interface AnswerCheck {

        boolean test(JsonNode value);

        /**
         * The answer at the parser's current token, as scoring gets it from the tree of the same body (Integer, Long,
         * BigInteger, Double or String), when the token is a scalar this check surely accepts; else {@link #NOT_PLAIN}.
         */
        Object read(JsonParser parser) throws IOException;

        /** Whether {@link #read} may accept a token: false for answers made of parts, which only a tree shows. */
        default boolean readsTokens() {
            return true;
        }
    }

    /** A Likert point: a whole number from min to max. */
    private record WholeNumber(int min, int max) implements AnswerCheck {
        @Override
        public boolean test(JsonNode value) {
            return isIntIn(value, min, max);
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            // A number beyond a long is a BigInteger, which isIntIn refuses as canConvertToLong does.
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return NOT_PLAIN;
            }
            long number = parser.getLongValue();
            return number >= min && number <= max ? parser.getNumberValue() : NOT_PLAIN;
        }
    }

    /** A numeric item's answer: any number in its bounds, whole when it says so. */
    private record NumberIn(boolean integer, Double min, Double max) implements AnswerCheck {
        @Override
        public boolean test(JsonNode value) {
            return value.isNumber() && (!integer || value.isIntegralNumber()) && inBounds(value.doubleValue());
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                // Integer, Long or BigInteger, as the tree's IntNode, LongNode or BigIntegerNode; each node's
                // doubleValue() is its number's.
                Number number = parser.getNumberValue();
                return inBounds(number.doubleValue()) ? number : NOT_PLAIN;
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT && !integer) {
                // The tree holds a JSON text's fraction as a DoubleNode of the parser's double.
                double number = parser.getDoubleValue();
                return inBounds(number) ? (Object) number : NOT_PLAIN;
            }
            return NOT_PLAIN;
        }

        private boolean inBounds(double number) {
            return (min == null || number >= min) && (max == null || number <= max);
        }
    }

    /** One of a closed set of option values. */
    private record OneOf(Set<String> values) implements AnswerCheck {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && values.contains(value.textValue());
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return NOT_PLAIN;
            }
            String text = parser.getText();
            return values.contains(text) ? text : NOT_PLAIN;
        }
    }

    /** A free text of at most so many characters. */
    private record Text(int maxLength) implements AnswerCheck {
        @Override
        public boolean test(JsonNode value) {
            return value.isTextual() && value.textValue().length() <= maxLength;
        }

        @Override
        public Object read(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return NOT_PLAIN;
            }
            String text = parser.getText();
            return text.length() <= maxLength ? text : NOT_PLAIN;
        }
    }

    /** An answer made of parts (picks, a ranking, a block, ratings): checked on the tree only. */
    private record OnTree(Predicate<JsonNode> check) implements AnswerCheck {
        @Override
        public boolean test(JsonNode value) {
            return check.test(value);
        }

        @Override
        public Object read(JsonParser parser) {
            return NOT_PLAIN;
        }

        @Override
        public boolean readsTokens() {
            return false;
        }
    }

    private static AnswerCheck checkOf(Item item, Map<String, LikertFormat> formats) {
        return switch (item) {
            case Item.Likert likert -> {
                LikertFormat format = formats.get(likert.format());
                yield format == null ? new OnTree(value -> false) : new WholeNumber(format.min(), format.max());
            }
            case Item.Numeric numeric -> new NumberIn(numeric.integer(), numeric.min(), numeric.max());
            case Item.SingleChoice choice -> oneOf(choice.options());
            case Item.Knowledge knowledge -> oneOf(knowledge.options());
            case Item.MultipleChoice multiple -> {
                int min = multiple.minPicks() == null ? 0 : multiple.minPicks();
                int max = multiple.maxPicks() == null ? multiple.options().size() : multiple.maxPicks();
                yield new OnTree(distinctOptions(multiple.options(), min, max));
            }
            case Item.Ranking ranking -> new OnTree(distinctOptions(ranking.options(), ranking.options().size(),
                    ranking.options().size()));
            case Item.ForcedChoice forced -> {
                OneOf option = oneOf(forced.options());
                yield new OnTree(value -> value.isObject() && value.size() == 2 && value.has("most")
                        && value.has("least") && option.test(value.get("most")) && option.test(value.get("least")));
            }
            case Item.FreeText text -> new Text(text.maxLength());
            case Item.ObservationCriterion criterion -> new OnTree(value -> {
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
            });
            // Records with typed fields are rare and small: the full validator checks them.
            case Item.RepeatingGroup group -> new OnTree(value -> false);
        };
    }

    private static boolean isIntIn(JsonNode value, int min, int max) {
        return value.isIntegralNumber() && value.canConvertToLong()
                && value.longValue() >= min && value.longValue() <= max;
    }

    private static OneOf oneOf(List<ChoiceOption> options) {
        Set<String> values = new HashSet<>();
        options.forEach(option -> values.add(option.value()));
        return new OneOf(values);
    }

    private static Predicate<JsonNode> distinctOptions(List<ChoiceOption> options, int min, int max) {
        OneOf option = oneOf(options);
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
