package io.bilan.runtime.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.Field;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.vocabulary.Competence;
import java.util.List;

/**
 * Derives the JSON Schema (draft 2020-12) of an instrument's response sets: one property per item under
 * {@code answers}, typed by the item, {@code null} meaning unanswered for optional items.
 */
public final class ResponseSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longest respondent id; longer ones are refused rather than stored. */
    public static final int MAX_RESPONDENT_LENGTH = 200;
    /** Longest text in a repeating-group text field without its own maxLength. */
    static final int DEFAULT_FIELD_LENGTH = 2_000;

    private ResponseSchema() {
    }

    /** The response-set schema of {@code manifest}. */
    public static ObjectNode derive(InstrumentManifest manifest) {
        ObjectNode answers = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = answers.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Item item : manifest.items()) {
            ObjectNode schema = itemSchema(item, manifest);
            schema.put("description", item.text().resolve("en", "fr"));
            properties.set(item.id(), schema);
            if (item.required()) {
                required.add(item.id());
            }
        }
        if (!required.isEmpty()) {
            answers.set("required", required);
        }

        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:bilan:responses:" + manifest.id() + ":" + manifest.version());
        root.put("title", "Response set of " + manifest.coordinates());
        root.put("type", "object");
        root.put("additionalProperties", false);
        root.putArray("required").add("answers");
        ObjectNode top = root.putObject("properties");
        top.putObject("respondent").put("type", "string").put("maxLength", MAX_RESPONDENT_LENGTH)
                .put("description", "An optional pseudonymous respondent id, echoed in the report.");
        top.putObject("durationSeconds").put("type", "number").put("minimum", 0)
                .put("description", "How long the respondent took, for timed tests.");
        top.set("answers", answers);
        return root;
    }

    private static ObjectNode itemSchema(Item item, InstrumentManifest manifest) {
        boolean nullable = !item.required();
        return switch (item) {
            case Item.Likert likert -> {
                LikertFormat format = manifest.likertFormats().get(likert.format());
                ObjectNode schema = typed(nullable, "integer");
                if (format != null) {
                    schema.put("minimum", format.min()).put("maximum", format.max());
                }
                yield schema;
            }
            case Item.SingleChoice choice -> enumOf(choice.options(), nullable);
            case Item.Knowledge knowledge -> enumOf(knowledge.options(), nullable);
            case Item.MultipleChoice multiple -> {
                ObjectNode schema = typed(nullable, "array").put("uniqueItems", true);
                schema.set("items", enumOf(multiple.options(), false));
                schema.put("minItems", multiple.minPicks() == null ? 0 : multiple.minPicks());
                schema.put("maxItems", multiple.maxPicks() == null ? multiple.options().size() : multiple.maxPicks());
                yield schema;
            }
            case Item.Ranking ranking -> {
                ObjectNode schema = typed(nullable, "array").put("uniqueItems", true);
                schema.set("items", enumOf(ranking.options(), false));
                schema.put("minItems", ranking.options().size()).put("maxItems", ranking.options().size());
                yield schema;
            }
            case Item.ForcedChoice forced -> {
                ObjectNode schema = typed(nullable, "object").put("additionalProperties", false);
                schema.putArray("required").add("most").add("least");
                ObjectNode properties = schema.putObject("properties");
                properties.set("most", enumOf(forced.options(), false));
                properties.set("least", enumOf(forced.options(), false));
                yield schema;
            }
            case Item.Numeric numeric -> {
                ObjectNode schema = typed(nullable, numeric.integer() ? "integer" : "number");
                if (numeric.min() != null) {
                    schema.put("minimum", numeric.min());
                }
                if (numeric.max() != null) {
                    schema.put("maximum", numeric.max());
                }
                yield schema;
            }
            case Item.FreeText text -> typed(nullable, "string").put("maxLength", text.maxLength());
            case Item.RepeatingGroup group -> {
                ObjectNode schema = typed(nullable, "array").put("maxItems", group.maxEntries());
                if (group.minEntries() != null) {
                    schema.put("minItems", group.minEntries());
                }
                ObjectNode entry = schema.putObject("items").put("type", "object").put("additionalProperties", false);
                ObjectNode properties = entry.putObject("properties");
                ArrayNode required = NODES.arrayNode();
                for (Field field : group.fields()) {
                    properties.set(field.id(), fieldSchema(field));
                    if (field.required()) {
                        required.add(field.id());
                    }
                }
                if (!required.isEmpty()) {
                    entry.set("required", required);
                }
                yield schema;
            }
            case Item.ObservationCriterion criterion -> {
                // A single rating, or observer id -> rating.
                ObjectNode schema = typed(nullable, "integer", "object")
                        .put("minimum", criterion.min()).put("maximum", criterion.max())
                        .put("minProperties", 1).put("maxProperties", 20);
                schema.putObject("propertyNames").put("pattern", "^[\\p{L}\\p{N}_.-]{1,64}$");
                schema.putObject("additionalProperties").put("type", "integer")
                        .put("minimum", criterion.min()).put("maximum", criterion.max());
                yield schema;
            }
        };
    }

    private static ObjectNode fieldSchema(Field field) {
        return switch (field.type()) {
            case TEXT -> typed(!field.required(), "string")
                    .put("maxLength", field.maxLength() == null ? DEFAULT_FIELD_LENGTH : field.maxLength());
            case NUMBER -> {
                ObjectNode schema = typed(!field.required(), "number");
                if (field.min() != null) {
                    schema.put("minimum", field.min());
                }
                if (field.max() != null) {
                    schema.put("maximum", field.max());
                }
                yield schema;
            }
            case BOOLEAN -> typed(!field.required(), "boolean");
            case CHOICE -> enumOf(field.options(), !field.required());
            case CHOICES -> {
                ObjectNode schema = typed(!field.required(), "array").put("uniqueItems", true);
                schema.set("items", enumOf(field.options(), false));
                yield schema;
            }
            case COMPETENCES -> {
                ObjectNode schema = typed(!field.required(), "array").put("uniqueItems", true);
                ArrayNode ids = schema.putObject("items").putArray("enum");
                for (Competence competence : Competence.values()) {
                    ids.add(competence.id());
                }
                yield schema;
            }
            case DATE -> typed(!field.required(), "string")
                    .put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$");
        };
    }

    private static ObjectNode typed(boolean nullable, String... types) {
        ObjectNode schema = NODES.objectNode();
        if (types.length == 1 && !nullable) {
            schema.put("type", types[0]);
        } else {
            ArrayNode list = schema.putArray("type");
            for (String type : types) {
                list.add(type);
            }
            if (nullable) {
                list.add("null");
            }
        }
        return schema;
    }

    private static ObjectNode enumOf(List<ChoiceOption> options, boolean nullable) {
        ObjectNode schema = NODES.objectNode();
        ArrayNode values = schema.putArray("enum");
        options.forEach(option -> values.add(option.value()));
        if (nullable) {
            values.addNull();
        }
        return schema;
    }
}
