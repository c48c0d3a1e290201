package io.bilan.runtime.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.report.Problem;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.schema.JsonSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Checks response sets against the schema derived from their instrument, plus the one rule JSON Schema
 * cannot say (a forced-choice block's most and least must differ). Every problem carries a JSON Pointer
 * into the response set and a stable code. Thread-safe.
 */
public final class ResponseValidator {

    private final JsonNode schemaDocument;
    private final JsonSchemas.CompiledSchema schema;
    private final Map<String, Item> items = new HashMap<>();
    private final FastAcceptance fast;
    /** Whether an item is a forced-choice block, whose answers need the rule JSON Schema cannot say. */
    private final boolean forcedChoice;

    public ResponseValidator(InstrumentManifest manifest) {
        this.schemaDocument = ResponseSchema.derive(manifest);
        this.schema = JsonSchemas.compile(schemaDocument);
        manifest.items().forEach(item -> items.put(item.id(), item));
        this.fast = new FastAcceptance(manifest);
        this.forcedChoice = items.values().stream().anyMatch(Item.ForcedChoice.class::isInstance);
    }

    /** The derived JSON Schema of response sets. */
    public JsonNode schema() {
        return schemaDocument.deepCopy();
    }

    /** Every problem of {@code responseSet}; empty when it can be scored. */
    public List<Problem> validate(JsonNode responseSet) {
        List<Problem> problems = new ArrayList<>();
        if (!fast.accepts(responseSet)) {
            schemaProblems(responseSet, problems);
        }
        if (forcedChoice) {
            forcedChoiceProblems(responseSet, problems);
        }
        return problems;
    }

    /**
     * A reader of plainly valid response sets straight into scoring's array of answers, by the same quick checks:
     * {@code answerIndex} says where each item's answer goes (-1 when no scale reads it), {@code bodies} is the
     * factory whose bounds the bodies are read with. {@code null} when an item's answers are made of parts (picks, a
     * ranking, a block, ratings): a body answering it is never plain, and reading it first, then again into a tree,
     * would cost such an instrument's bodies more than the tree alone.
     */
    public PlainResponseReader plainReader(ToIntFunction<String> answerIndex, int answerCount, JsonFactory bodies) {
        boolean everyAnswerScalar = fast.checks().values().stream().allMatch(FastAcceptance.AnswerCheck::readsTokens);
        return everyAnswerScalar ? new PlainResponseReader(fast, answerIndex, answerCount, bodies) : null;
    }

    /** The schema validator's verdict alone, bypassing the quick check: for tests that compare the two. */
    List<Problem> schemaProblems(JsonNode responseSet) {
        List<Problem> problems = new ArrayList<>();
        schemaProblems(responseSet, problems);
        return problems;
    }

    /** Whether the quick check accepts {@code responseSet}: for tests that compare it with the schema. */
    boolean quicklyAccepted(JsonNode responseSet) {
        return fast.accepts(responseSet);
    }

    private void schemaProblems(JsonNode responseSet, List<Problem> problems) {
        for (JsonSchemas.Violation violation : schema.validate(responseSet)) {
            problems.add(Problem.inResponse(codeOf(violation).code(), violation.pointer(), messageOf(violation)));
        }
    }

    private void forcedChoiceProblems(JsonNode responseSet, List<Problem> problems) {
        JsonNode answers = responseSet.path("answers");
        if (answers.isObject()) {
            answers.properties().forEach(answer -> {
                if (items.get(answer.getKey()) instanceof Item.ForcedChoice) {
                    JsonNode most = answer.getValue().path("most");
                    if (most.isTextual() && most.equals(answer.getValue().path("least"))) {
                        problems.add(Problem.inResponse(ValidationCode.SAME_MOST_AND_LEAST.code(),
                                "/answers/" + escape(answer.getKey()) + "/least",
                                "the same statement cannot be both most and least like you"));
                    }
                }
            });
        }
    }

    private ValidationCode codeOf(JsonSchemas.Violation violation) {
        // Split keeping empty segments: an answer may have an empty name, whose pointer is "/answers/".
        String[] segments = violation.pointer().split("/", -1);
        boolean atAnswers = segments.length >= 3 && segments[1].equals("answers");
        Item item = atAnswers ? items.get(unescape(segments[2])) : null;
        boolean ranking = item instanceof Item.Ranking;
        return switch (violation.keyword()) {
            case "additionalProperties", "unevaluatedProperties" ->
                    atAnswers && segments.length == 3 ? ValidationCode.UNKNOWN_ITEM : ValidationCode.UNKNOWN_PROPERTY;
            case "required" -> atAnswers && segments.length == 3 ? ValidationCode.MISSING_ANSWER : ValidationCode.MISSING_PROPERTY;
            case "type" -> ValidationCode.WRONG_TYPE;
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> ValidationCode.OUT_OF_RANGE;
            case "enum", "const" -> ValidationCode.UNKNOWN_OPTION;
            case "maxItems" -> ranking ? ValidationCode.INCOMPLETE_RANKING : item instanceof Item.MultipleChoice
                    ? ValidationCode.TOO_MANY_PICKS : ValidationCode.TOO_MANY_ENTRIES;
            case "minItems" -> ranking ? ValidationCode.INCOMPLETE_RANKING : item instanceof Item.MultipleChoice
                    ? ValidationCode.TOO_FEW_PICKS : ValidationCode.TOO_FEW_ENTRIES;
            case "uniqueItems" -> ranking ? ValidationCode.DUPLICATE_RANK : ValidationCode.DUPLICATE_PICK;
            case "maxLength" -> ValidationCode.TOO_LONG;
            case "pattern", "propertyNames" -> ValidationCode.INVALID_FORMAT;
            case "maxProperties" -> ValidationCode.TOO_MANY_ENTRIES;
            case "minProperties" -> ValidationCode.TOO_FEW_ENTRIES;
            default -> ValidationCode.INVALID_ANSWER;
        };
    }

    private static String messageOf(JsonSchemas.Violation violation) {
        String message = violation.message();
        // networknt starts messages with the location, which the pointer already gives.
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") || message.startsWith(": ") ? message.substring(colon + 2) : message;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
