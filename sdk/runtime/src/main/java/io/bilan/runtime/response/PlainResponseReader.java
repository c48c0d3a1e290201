package io.bilan.runtime.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Reads a response set from its JSON bytes straight into the array an instrument's scales read, when it is plainly
 * valid: an object of {@code answers}, {@code respondent} and {@code durationSeconds} only, each answer a scalar that
 * the quick check surely accepts ({@link FastAcceptance}), no key twice, every required item answered, nothing after
 * the object. On a declarative request, the tree of the body, the parser's duplicate-key detection and two more walks
 * of the answers (the quick check, then the copy into that array) took as long as the scoring itself.
 *
 * <p>What it does not surely accept it leaves to the full path ({@code null}): the tree, the quick check or the
 * schema, and the refusal with every problem, as before. An instrument with answers made of parts (picks, a ranking,
 * a forced-choice block, ratings) has no such reader ({@link ResponseValidator#plainReader}), so the rule JSON Schema
 * cannot say, on forced-choice blocks, is never skipped. Thread-safe.
 */
public final class PlainResponseReader {

    /** A plainly valid response set: its answers by the scales' index, as {@code ScoringPlan.score} takes them. */
    public record PlainResponseSet(Object[] answersByIndex, String respondent, Double durationSeconds) {
    }

    /** An item as the reader finds it by id: its place among the items, where scoring reads its answer, its check. */
    private record Answer(String id, int ordinal, int answerIndex, boolean required, FastAcceptance.AnswerCheck check) {
    }

    private final Map<String, Answer> answers = new HashMap<>();
    /** The same, in the order of the instrument's items, which is the order most clients send them in. */
    private final Answer[] inOrder;
    private final int requiredCount;
    private final int answerCount;
    private final JsonFactory factory;

    PlainResponseReader(FastAcceptance fast, ToIntFunction<String> answerIndex, int answerCount,
            JsonFactory bodies) {
        List<String> items = fast.items();
        inOrder = new Answer[items.size()];
        for (String item : items) {
            // Interned as the parser interns the names it reads, so that the expected name is found by identity.
            Answer answer = new Answer(item.intern(), answers.size(), answerIndex.applyAsInt(item),
                    fast.required().contains(item), fast.checks().get(item));
            answers.put(answer.id(), answer);
            inOrder[answer.ordinal()] = answer;
        }
        this.requiredCount = fast.required().size();
        this.answerCount = answerCount;
        // A key seen twice is found by the reader itself, in an array rather than a set per object. Everything else
        // is JSON's strictest reading, with the bounds of the factory that reads the same bodies into trees: what
        // those bounds refuse is not read here either, and the full path refuses it.
        this.factory = JsonFactory.builder()
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(bodies.streamReadConstraints())
                .build();
    }

    /** The response set in {@code json} when it is plainly valid; {@code null} when the full path must decide. */
    public PlainResponseSet read(byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            return read(parser);
        } catch (IOException | RuntimeException e) {
            // Not JSON, or beyond a bound: the full path says which.
            return null;
        }
    }

    private PlainResponseSet read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Object[] byIndex = null;
        String respondent = null;
        Double duration = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "answers" -> {
                    if (byIndex != null || value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    byIndex = answers(parser);
                    if (byIndex == null) {
                        return null;
                    }
                }
                case "respondent" -> {
                    if (respondent != null || value != JsonToken.VALUE_STRING
                            || parser.getTextLength() > ResponseSchema.MAX_RESPONDENT_LENGTH) {
                        return null;
                    }
                    respondent = parser.getText();
                }
                case "durationSeconds" -> {
                    if (duration != null || !value.isNumeric() || !(parser.getDoubleValue() >= 0)) {
                        return null;
                    }
                    duration = parser.getDoubleValue();
                }
                default -> {
                    return null;
                }
            }
        }
        if (token != JsonToken.END_OBJECT || byIndex == null || parser.nextToken() != null) {
            return null;
        }
        return new PlainResponseSet(byIndex, respondent, duration);
    }

    /** The answers object the parser stands at the start of, by index, or {@code null} when not plain. */
    private Object[] answers(JsonParser parser) throws IOException {
        Object[] byIndex = new Object[answerCount];
        boolean[] seen = new boolean[answers.size()];
        int required = 0;
        int next = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            // The item after the last one read, when the name is that very string (the parser's interned name, as
            // Jackson canonicalizes field names by default); else looked up, which is always right.
            Answer answer = next < inOrder.length && inOrder[next].id() == name ? inOrder[next] : answers.get(name);
            if (answer == null || seen[answer.ordinal()]) {
                return null;
            }
            next = answer.ordinal() + 1;
            seen[answer.ordinal()] = true;
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                // Unanswered, as the tree path gives it to scoring; refused for a required item.
                if (answer.required()) {
                    return null;
                }
                continue;
            }
            Object value = answer.check().read(parser);
            if (value == FastAcceptance.NOT_PLAIN) {
                return null;
            }
            if (answer.required()) {
                required++;
            }
            if (answer.answerIndex() >= 0) {
                byIndex[answer.answerIndex()] = value;
            }
        }
        return token == JsonToken.END_OBJECT && required == requiredCount ? byIndex : null;
    }
}
