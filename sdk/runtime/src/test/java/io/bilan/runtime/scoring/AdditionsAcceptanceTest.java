package io.bilan.runtime.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.runtime.BilanRuntime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick check of a script's result must never accept what the additions schema refuses, and reading a result
 * must give the same additions, or the same refusal with the same message, whether the quick check accepted it or
 * the validator was asked. Thousands of generated results, valid and broken in every way the schema names, are given
 * to both.
 */
class AdditionsAcceptanceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = BilanRuntime.newObjectMapper();
    private final AdditionsReader reader = new AdditionsReader(JSON, List.of("fr", "en"), "script");
    private final Random random = new Random(20261207);
    /** Whether the result being generated is meant to be valid; broken ones break something in one place in three. */
    private boolean nearlyValid;

    @Test
    void neverAcceptsWhatTheSchemaRefusesAndReadsAlike() throws Exception {
        int accepted = 0;
        int refused = 0;
        int refusedAfterTheSchema = 0;
        for (int i = 0; i < 6_000; i++) {
            JsonNode result = generate();
            boolean quick = AdditionsAcceptance.accepts(result);
            List<String> problems = AdditionsReader.schemaProblems(result);
            if (quick) {
                accepted++;
                assertEquals(List.of(), problems, () -> "accepted quickly but refused by the schema: " + result);
                // Bound by hand as Jackson binds it, down to the type of each number of the results.
                assertEquals(JSON.readerFor(ScoreAdditions.class).readValue(result), AcceptedAdditions.bind(result, JSON),
                        () -> "bound differently: " + result);
            }
            if (!problems.isEmpty()) {
                refused++;
            }
            String viaQuickCheck = outcome(result, quick);
            String viaSchema = outcome(result, false);
            assertEquals(viaSchema, viaQuickCheck, () -> "read differently: " + result);
            if (problems.isEmpty() && viaSchema.startsWith("refused")) {
                refusedAfterTheSchema++;
            }
        }
        // Every kind occurs often enough for the comparison to mean something.
        assertTrue(accepted > 1_000, "quickly accepted: " + accepted);
        assertTrue(refused > 1_000, "refused by the schema: " + refused);
        assertTrue(refusedAfterTheSchema > 300, "refused by the text or outcome checks: " + refusedAfterTheSchema);
    }

    @Test
    void acceptsAWellFormedResultWithEveryMember() throws Exception {
        JsonNode result = JSON.readTree("""
                {"scales": {"holland": {"label": {"fr": "Code", "en": "Code"}, "raw": 3, "mean": null, "min": 0,
                  "max": 1.5, "band": {"id": "high", "label": {"fr": "Haut", "en": "High"}, "text": {"fr": "t", "en": "t"}}}},
                 "flags": [{"code": "flat-profile2", "severity": "warning", "message": {"fr": "Plat.", "en": "Flat."}}],
                 "interpretation": [{"fr": "Un.", "en": "One."}],
                 "outcomes": [{"type": "interest", "target": "R", "level": 1, "scale": "R", "source": "test",
                   "measures": "mastery", "evidence": "e"}],
                 "results": {"hollandCode": "RIA", "nested": {"a": [1, 2]}}}""");
        assertTrue(AdditionsAcceptance.accepts(result));
        assertEquals(List.of(), AdditionsReader.schemaProblems(result));
        assertEquals("RIA", reader.read(result).results().get("hollandCode"));
    }

    @Test
    void bindsTheNumbersNoJsonTextGivesAsJacksonDoes() throws Exception {
        ObjectNode result = NODES.objectNode();
        result.putObject("results").put("exact", new BigDecimal("0.1000"));
        assertTrue(AdditionsAcceptance.accepts(result));

        assertEquals(JSON.readerFor(ScoreAdditions.class).readValue(result), AcceptedAdditions.bind(result, JSON));
        assertEquals(new BigDecimal("0.1000"), reader.read(result).results().get("exact"));
    }

    @Test
    void leavesToTheSchemaWhatItCannotVouchFor() throws Exception {
        // A trailing line break passes the schema's pattern (Java's $), a surrogate pair counts as one character:
        // the quick check refuses both and the validator decides.
        for (String text : List.of("{\"flags\": [{\"code\": \"a\\n\", \"severity\": \"info\", \"message\": {\"fr\": \"x\"}}]}",
                "{\"outcomes\": [{\"type\": \"interest\", \"target\": \"R\", \"level\": 1, \"evidence\": \""
                        + "\uD83D\uDE00".repeat(300) + "\"}]}",
                "{\"outcomes\": [{\"type\": \"interest\", \"target\": \"R\", \"level\": 100000000000000000000}]}")) {
            assertFalse(AdditionsAcceptance.accepts(JSON.readTree(text)), text);
        }
    }

    /** What reading gives: the additions as JSON, or the refusal's code and message. */
    private String outcome(JsonNode result, boolean quicklyAccepted) throws Exception {
        try {
            ScoreAdditions additions = reader.read(result.deepCopy(), quicklyAccepted);
            return "read " + JSON.writeValueAsString(additions) + " " + additions.hashCode();
        } catch (ScoringException e) {
            return "refused " + e.code() + ": " + e.getMessage();
        }
    }

    private JsonNode generate() {
        nearlyValid = random.nextBoolean();
        if (!nearlyValid && random.nextInt(50) == 0) {
            return random.nextBoolean() ? NODES.arrayNode() : NODES.textNode("{}");
        }
        ObjectNode result = NODES.objectNode();
        if (random.nextInt(3) > 0) {
            ObjectNode scales = result.putObject("scales");
            int count = broken(30) ? 501 : random.nextInt(4);
            for (int i = 0; i < count; i++) {
                scales.set(i < 3 ? id() : "s" + i, scale());
            }
        }
        if (random.nextInt(3) > 0) {
            result.set("flags", array(200, this::flag));
        }
        if (random.nextInt(3) > 0) {
            result.set("interpretation", array(200, this::text));
        }
        if (random.nextInt(3) > 0) {
            result.set("outcomes", array(500, this::outcome));
        }
        if (random.nextInt(3) > 0) {
            if (broken(20)) {
                result.set("results", random.nextBoolean() ? NODES.arrayNode() : NODES.numberNode(1));
            } else {
                ObjectNode results = result.putObject("results");
                int count = broken(20) ? 201 : random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    results.set("r" + i, anything());
                }
            }
        }
        if (broken(20)) {
            result.put(random.nextBoolean() ? "extra" : "Scales", 1);
        }
        return result;
    }

    /** Whether to break something here: rarely in a nearly valid result, once in {@code odds / 3} otherwise. */
    private boolean broken(int odds) {
        return random.nextInt(nearlyValid ? odds * 20 : Math.max(1, odds / 3)) == 0;
    }

    private ArrayNode array(int maxItems, java.util.function.Supplier<JsonNode> element) {
        ArrayNode array = NODES.arrayNode();
        int count = broken(40) ? maxItems + 1 : random.nextInt(3);
        for (int i = 0; i < count; i++) {
            array.add(element.get());
        }
        return array;
    }

    private String id() {
        if (broken(10)) {
            return pick("", "1a", "a b", "a\n", "é", "_a", "a".repeat(65), "a/b", "a~b");
        }
        // Scales named like a text's place are taken for a text by the text check.
        return pick("R", "holland", "a.b-c_d", "Z9", "a".repeat(64), "label", "text", "message");
    }

    private JsonNode scale() {
        if (broken(30)) {
            return pick(NODES.textNode("s"), NODES.arrayNode(), NODES.objectNode());
        }
        ObjectNode scale = NODES.objectNode();
        if (!broken(15)) {
            scale.set("label", text());
        }
        for (String key : List.of("raw", "mean", "min", "max")) {
            if (random.nextBoolean()) {
                scale.set(key, broken(10) ? pick(NODES.textNode("1"), NODES.nullNode(), NODES.booleanNode(true))
                        : number());
            }
        }
        if (random.nextInt(3) == 0) {
            scale.set("mean", NODES.nullNode());
        }
        if (random.nextInt(3) == 0) {
            ObjectNode band = scale.putObject("band");
            if (!broken(15)) {
                band.put("id", id());
            }
            if (!broken(15)) {
                band.set("label", text());
            }
            if (random.nextBoolean()) {
                band.set("text", text());
            }
            if (broken(20)) {
                band.put("colour", "red");
            }
        }
        if (broken(20)) {
            scale.put("norm", 1);
        }
        return scale;
    }

    private JsonNode flag() {
        if (broken(30)) {
            return NODES.textNode("flag");
        }
        ObjectNode flag = NODES.objectNode();
        if (!broken(15)) {
            flag.put("code", broken(8) ? pick("", "A", "a--b", "-a", "a-", "a b", "a\n", "1a", "a".repeat(101))
                    : pick("a", "flat-profile", "a1-b2-c3", "x".repeat(100)));
        }
        if (!broken(15)) {
            flag.put("severity", broken(8) ? pick("fatal", "Error", "") : pick("error", "warning", "info"));
        }
        if (!broken(15)) {
            flag.set("message", text());
        }
        if (broken(20)) {
            flag.put("extra", true);
        }
        return flag;
    }

    private JsonNode text() {
        if (broken(30)) {
            return pick(NODES.textNode("text"), NODES.objectNode(), NODES.arrayNode());
        }
        ObjectNode text = NODES.objectNode();
        // Now and then one declared language is missing, which the text check refuses after the schema.
        if (random.nextInt(nearlyValid ? 40 : 6) > 0) {
            text.put("fr", string());
        }
        if (random.nextInt(nearlyValid ? 40 : 6) > 0) {
            text.put("en", string());
        }
        if (random.nextInt(10) == 0) {
            text.put("de", string());
        }
        if (broken(15)) {
            text.put(pick("FR", "f", "fra", "e1", ""), "x");
        }
        if (broken(20)) {
            for (int i = 0; i < 21; i++) {
                text.put(String.valueOf((char) ('a' + i)) + "x", "x");
            }
        }
        if (broken(20)) {
            text.set("es", pick(NODES.numberNode(1), NODES.nullNode(), NODES.textNode("")));
        }
        return text;
    }

    private String string() {
        return broken(20) ? pick("", "x".repeat(20_001)) : pick("Profil plat.", "x".repeat(20_000), "\uD83D\uDE00", "é");
    }

    private JsonNode outcome() {
        if (broken(30)) {
            return NODES.numberNode(3);
        }
        ObjectNode outcome = NODES.objectNode();
        String type = broken(10) ? pick("skill", "Interest") : pick("interest", "work-value", "competence");
        if (!broken(15)) {
            outcome.put("type", type);
        }
        if (!broken(15)) {
            // Targets outside the type's vocabulary are refused by the outcome check after the schema.
            outcome.put("target", broken(8) ? pick("", "x".repeat(301))
                    : random.nextInt(nearlyValid ? 20 : 3) == 0 ? pick("Q", "nothing", "x".repeat(300))
                    : switch (type) {
                        case "interest" -> pick("R", "I", "A", "S", "E", "C");
                        case "work-value" -> pick("achievement", "support", "independence");
                        default -> pick("http://data.europa.eu/esco/skill/abc", "R");
                    });
        }
        if (!broken(15)) {
            outcome.set("level", broken(8) ? pick(NODES.numberNode(-0.01), NODES.numberNode(1.01), NODES.numberNode(2),
                    NODES.textNode("0.5"), NODES.nullNode())
                    : pick(NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(0.5), NODES.numberNode(1.0),
                    NODES.numberNode(0L), NODES.numberNode(new BigDecimal("0.25")), NODES.numberNode(BigInteger.ONE)));
        }
        if (random.nextInt(3) == 0) {
            outcome.put("scale", id());
        }
        if (random.nextInt(3) == 0) {
            outcome.put("source", broken(8) ? "guess" : pick("self-assessment", "test", "observation", "experience"));
        }
        if (random.nextInt(3) == 0) {
            outcome.put("measures", broken(8) ? "other" : pick("mastery", "documentation"));
        }
        if (random.nextInt(3) == 0) {
            outcome.put("evidence", broken(8) ? "x".repeat(501) : pick("", "x".repeat(500), "projects"));
        }
        if (broken(20)) {
            outcome.put("weight", 1);
        }
        return outcome;
    }

    private JsonNode number() {
        return pick(NODES.numberNode(3), NODES.numberNode(-2.5), NODES.numberNode(0L), NODES.numberNode(1e300),
                NODES.numberNode(new BigDecimal("1.5")), NODES.numberNode(new BigInteger("100000000000000000000")));
    }

    private JsonNode anything() {
        return pick(NODES.textNode("RIA"), NODES.numberNode(4), NODES.numberNode(0.75), NODES.nullNode(),
                NODES.booleanNode(false), NODES.arrayNode().add(1).add("a"), NODES.objectNode().put("label", "x"),
                // The other numbers JSON text gives: beyond an int, beyond a long.
                NODES.numberNode(5_000_000_000L), NODES.numberNode(new BigInteger("123456789012345678901234567890")),
                NODES.objectNode().set("nested", NODES.arrayNode().add(NODES.objectNode()).add(NODES.arrayNode())
                        .add(true).add(NODES.nullNode())));
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
