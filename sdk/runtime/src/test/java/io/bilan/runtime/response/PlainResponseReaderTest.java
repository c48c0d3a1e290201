package io.bilan.runtime.response;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.Problem;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ReportJson;
import io.bilan.runtime.scoring.ScoreOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A body read plainly is scored exactly as its tree would be, and only a body the full path scores is read plainly.
 * Thousands of generated bodies, valid and broken, written compactly or not, some with a key twice or something after
 * the object, are given to both paths.
 */
class PlainResponseReaderTest {

    /** The runtime's own mapper, which the engine reads bodies with: duplicate keys refused, lengths bounded. */
    private static final ObjectMapper JSON = BilanRuntime.newObjectMapper();
    private final Random random = new Random(20261207);

    /** The items whose answers are made of parts; every-rule has one of each kind. */
    private static final Set<String> PART_TYPES = Set.of("multiple-choice", "ranking", "forced-choice",
            "observation-criterion", "repeating-group");

    @Test
    void scoresEveryPlainBodyAsItsTreeAndNothingTheFullPathRefuses() throws Exception {
        compareOn(everyScalarRule());
        // Its sixth item is required: a plain body must answer it.
        compareOn(TestPackages.load("numeric-rules"));
    }

    /**
     * every-rule without its items whose answers are made of parts, nor the scales, norms and outcomes on them: every
     * kind of scalar answer (a Likert point, an option, a knowledge item, a number, a text) and every declarative rule
     * left.
     */
    private static Instrument everyScalarRule() throws Exception {
        ObjectNode manifest = (ObjectNode) JSON.readTree(TestPackages.path("every-rule").resolve("manifest.json").toFile());
        Set<String> parts = new java.util.HashSet<>();
        manifest.get("items").forEach(item -> {
            if (PART_TYPES.contains(item.get("type").asText())) {
                parts.add(item.get("id").asText());
            }
        });
        retain(manifest.get("items"), item -> !parts.contains(item.get("id").asText()));
        Set<String> scalesOnParts = new java.util.HashSet<>();
        manifest.get("scales").forEach(scale -> scale.get("items").forEach(ref -> {
            if (parts.contains(ref.get("item").asText())) {
                scalesOnParts.add(scale.get("id").asText());
            }
        }));
        retain(manifest.get("scales"), scale -> !scalesOnParts.contains(scale.get("id").asText()));
        retain(manifest.get("outcomes"), outcome -> !scalesOnParts.contains(outcome.path("scale").asText()));
        manifest.get("norms").forEach(norm -> ((ObjectNode) norm.get("scales")).remove(scalesOnParts));
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("every-scalar-rule");
        JSON.writeValue(folder.resolve("manifest.json").toFile(), manifest);
        BilanRuntime runtime = TestPackages.runtime();
        return runtime.load(runtime.read(folder));
    }

    private static void retain(JsonNode array, java.util.function.Predicate<JsonNode> keep) {
        List<JsonNode> kept = new java.util.ArrayList<>();
        array.forEach(element -> {
            if (keep.test(element)) {
                kept.add(element);
            }
        });
        ((com.fasterxml.jackson.databind.node.ArrayNode) array).removeAll().addAll(kept);
    }

    private void compareOn(Instrument instrument) throws Exception {
        String name = instrument.manifest().id();
        ResponseSetGenerator generator = new ResponseSetGenerator(instrument.manifest(), random);
        int plain = 0;
        int leftToTheTree = 0;
        for (int i = 0; i < 10_000; i++) {
            JsonNode set = generator.generate();
            if (random.nextInt(4) == 0 && set.get("answers") instanceof ObjectNode answers) {
                // Most clients send the items in the instrument's order, which the reader expects first; not all.
                List<String> names = new java.util.ArrayList<>();
                answers.fieldNames().forEachRemaining(names::add);
                java.util.Collections.shuffle(names, random);
                ObjectNode shuffled = answers.objectNode();
                names.forEach(item -> shuffled.set(item, answers.get(item)));
                ((ObjectNode) set).set("answers", shuffled);
            }
            byte[] body = bodyOf(set);
            ScoreOptions options = new ScoreOptions(random.nextBoolean() ? "fr" : "en", null);
            Outcome quick;
            try {
                ScoreReport report = instrument.scorePlain(body, options);
                quick = report == null ? null : new Outcome(ReportJson.bytes(report), null);
            } catch (InvalidResponseException e) {
                // Read plainly, then refused by a scale's rule (too few answers), as the full path refuses it.
                quick = new Outcome(null, e.problems());
            }
            Outcome full = byTree(instrument, body, options);
            if (quick != null) {
                plain++;
                assertNotNull(full, () -> "read plainly but not JSON to the full path: " + text(body));
                assertEquals(full.problems(), quick.problems(), () -> "other problems for " + text(body));
                assertArrayEquals(full.report(), quick.report(), () -> "another report for " + text(body));
            } else if (full != null && full.report() != null) {
                leftToTheTree++;
            }
        }
        // Both ways occur often enough for the comparison to mean something.
        assertTrue(plain > 1_000, name + ": read plainly " + plain);
        assertTrue(leftToTheTree > 100, name + ": scored by the tree only " + leftToTheTree);
    }

    /** The set as a client might send it: compact or indented, now and then with a key twice or more after it. */
    private byte[] bodyOf(JsonNode set) throws JsonProcessingException {
        String text = random.nextBoolean() ? JSON.writeValueAsString(set)
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(set);
        switch (random.nextInt(20)) {
            case 0 -> text = text.replaceFirst("\"answers\" ?: ?\\{", "\"answers\": {\"l1\": 3, ");
            case 1 -> text = text.replaceFirst("\\{", "{\"answers\": {}, ");
            case 2 -> text = text + (random.nextBoolean() ? " {}" : " x");
            case 3 -> text = "\uFEFF" + text + "\n";
            default -> { }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A report's bytes, or the problems a refusal gave. */
    private record Outcome(byte[] report, List<Problem> problems) {
    }

    /** What the full path, which reads a tree, gives; {@code null} when the body is no JSON object. */
    private static Outcome byTree(Instrument instrument, byte[] body, ScoreOptions options) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
        if (tree == null || !tree.isObject()) {
            return null;
        }
        try {
            return new Outcome(ReportJson.bytes(instrument.score(tree, options)), null);
        } catch (InvalidResponseException e) {
            return new Outcome(null, e.problems());
        }
    }

    @Test
    void leavesToTheFullPathWhatOnlyItCanExplain() {
        Instrument instrument = TestPackages.load("numeric-rules");
        String answers = "\"n1\": 1, \"n2\": 2, \"n3\": 3, \"n4\": 4, \"n5\": 5, \"n6\": 2, \"n7\": 3, \"n8\": 4";
        ScoreOptions options = ScoreOptions.defaults();
        assertNotNull(instrument.scorePlain(body("{\"answers\": {" + answers + "}}"), options));
        // A key twice: the full path refuses the body, as the parser's duplicate detection says.
        byte[] twice = body("{\"answers\": {" + answers + ", \"n1\": 5}}");
        assertNull(instrument.scorePlain(twice, options));
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(twice));
        // The required sixth item unanswered, or null.
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers.replace("\"n6\": 2, ", "") + "}}"), options));
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers.replace("\"n6\": 2", "\"n6\": null") + "}}"),
                options));
        // An answer out of its scale, text for a point, a point beyond a long, a number longer than the bound.
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers.replace("\"n1\": 1", "\"n1\": 9") + "}}"), options));
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers.replace("\"n1\": 1", "\"n1\": \"1\"") + "}}"),
                options));
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers.replace("\"n1\": 1", "\"n1\": 99999999999999999999")
                + "}}"), options));
        byte[] tooLong = body("{\"durationSeconds\": 1" + "0".repeat(120) + ", \"answers\": {" + answers + "}}");
        assertNull(instrument.scorePlain(tooLong, options));
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(tooLong));
        // Not the shape of a response set, or not JSON at all.
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers + "}, \"extra\": 1}"), options));
        assertNull(instrument.scorePlain(body("[1]"), options));
        assertNull(instrument.scorePlain(body("{\"answers\": {" + answers), options));
        assertNull(instrument.scorePlain(body(""), options));
    }

    @Test
    void leavesAnInstrumentWithAnswersOfPartsToTheFullPath() {
        // every-rule has picks, a ranking, a forced-choice block, ratings and records: its bodies go to the tree, even
        // one that answers only its Likert items, rather than being read twice when they answer the others.
        Instrument everyRule = TestPackages.load("every-rule");
        assertNull(everyRule.scorePlain(body("{\"answers\": {\"l1\": 3, \"l2\": 4}}"), ScoreOptions.defaults()));
    }

    @Test
    void leavesAScriptedInstrumentsBodiesToTheFullPath() {
        Instrument scripted = TestPackages.load("scripted");
        String answers = scripted.manifest().items().stream()
                .map(item -> "\"" + item.id() + "\": 3").collect(Collectors.joining(", "));
        assertNull(scripted.scorePlain(body("{\"answers\": {" + answers + "}}"), ScoreOptions.defaults()));
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
