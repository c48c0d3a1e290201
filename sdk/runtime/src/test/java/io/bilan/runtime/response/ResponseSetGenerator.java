package io.bilan.runtime.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import java.util.List;
import java.util.Random;

/**
 * Response sets for an instrument's items, valid and broken in every way the item types allow: half of them nearly
 * valid, so that acceptance is exercised as much as refusal.
 */
final class ResponseSetGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final InstrumentManifest manifest;
    private final Random random;

    ResponseSetGenerator(InstrumentManifest manifest, Random random) {
        this.manifest = manifest;
        this.random = random;
    }

    JsonNode generate() {
        ObjectNode set = NODES.objectNode();
        ObjectNode answers = NODES.objectNode();
        // Half the sets are nearly valid, so that acceptance is exercised as much as refusal.
        boolean nearlyValid = random.nextBoolean();
        for (Item item : manifest.items()) {
            if (random.nextInt(3) > 0) {
                int dice = random.nextInt(100);
                JsonNode value = nearlyValid
                        ? (dice < 97 ? valid(item) : dice < 99 ? plausible(item) : broken())
                        : (dice < 25 ? broken() : dice < 60 ? valid(item) : plausible(item));
                answers.set(item.id(), value);
            }
        }
        if (!nearlyValid && random.nextInt(10) == 0) {
            answers.put("unknown", 1);
        }
        switch (nearlyValid ? 99 : random.nextInt(12)) {
            case 0 -> set.put("respondent", "x".repeat(random.nextInt(2) == 0 ? 10 : 201));
            case 1 -> set.put("durationSeconds", random.nextInt(2) == 0 ? -1 : 12.5);
            case 2 -> set.put("extra", true);
            case 3 -> set.put("respondent", 7);
            default -> { }
        }
        if (nearlyValid || random.nextInt(30) != 0) {
            set.set("answers", answers);
        }
        return set;
    }

    /** A value of the item's own shape, sometimes just outside its bounds. */
    private JsonNode plausible(Item item) {
        return switch (item) {
            case Item.Likert likert -> NODES.numberNode(random.nextInt(8) - 1);
            case Item.Numeric numeric -> random.nextBoolean() ? NODES.numberNode(random.nextInt(13) - 1)
                    : NODES.numberNode(random.nextDouble() * 12 - 1);
            case Item.ObservationCriterion criterion -> random.nextBoolean() ? NODES.numberNode(random.nextInt(6))
                    : NODES.objectNode().put(random.nextBoolean() ? "A" : "bad name!", random.nextInt(6));
            case Item.ForcedChoice forced -> NODES.objectNode().put("most", option(forced.options()))
                    .put("least", option(forced.options()));
            case Item.MultipleChoice multiple -> options(multiple.options());
            case Item.Ranking ranking -> options(ranking.options());
            case Item.FreeText text -> NODES.textNode("y".repeat(random.nextInt(2) == 0 ? 5 : 201));
            case Item.RepeatingGroup group -> NODES.arrayNode().add(NODES.objectNode().put("title", "Cook"));
            default -> NODES.textNode(option(item.options()));
        };
    }

    /** A value the schema accepts. */
    private JsonNode valid(Item item) {
        return switch (item) {
            case Item.Likert likert -> NODES.numberNode(1 + random.nextInt(5));
            case Item.Numeric numeric -> NODES.numberNode(random.nextDouble() * 10);
            case Item.ObservationCriterion criterion -> random.nextBoolean() ? NODES.numberNode(1 + random.nextInt(4))
                    : NODES.objectNode().put("A", 1 + random.nextInt(4)).put("obs.2", 1 + random.nextInt(4));
            case Item.ForcedChoice forced -> NODES.objectNode().put("most", forced.options().get(0).value())
                    .put("least", forced.options().get(1 + random.nextInt(forced.options().size() - 1)).value());
            case Item.MultipleChoice multiple -> NODES.arrayNode().add(multiple.options().get(random.nextInt(2)).value());
            case Item.Ranking ranking -> {
                ArrayNode order = NODES.arrayNode();
                List<ChoiceOption> shuffled = new java.util.ArrayList<>(ranking.options());
                java.util.Collections.shuffle(shuffled, random);
                shuffled.forEach(option -> order.add(option.value()));
                yield order;
            }
            case Item.FreeText text -> NODES.textNode("fine");
            case Item.RepeatingGroup group -> NODES.arrayNode().add(NODES.objectNode().put("title", "Cook"));
            default -> NODES.textNode(item.options().get(random.nextInt(item.options().size())).value());
        };
    }

    private String option(List<ChoiceOption> options) {
        return random.nextInt(8) == 0 ? "zz" : options.get(random.nextInt(options.size())).value();
    }

    private ArrayNode options(List<ChoiceOption> options) {
        ArrayNode array = NODES.arrayNode();
        int count = random.nextInt(options.size() + 2);
        for (int i = 0; i < count; i++) {
            array.add(random.nextInt(3) == 0 ? option(options) : options.get(i % options.size()).value());
        }
        return array;
    }

    /** A value of the wrong shape for most items. */
    private JsonNode broken() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.textNode("4");
            case 1 -> NODES.numberNode(2.5);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.arrayNode().add(1);
            case 4 -> NODES.objectNode().put("most", "m");
            case 5 -> random.nextBoolean() ? NODES.numberNode(Long.MAX_VALUE) : NODES.numberNode((long) random.nextInt(7));
            case 6 -> NODES.nullNode();
            default -> NODES.numberNode(3.0);
        };
    }
}
