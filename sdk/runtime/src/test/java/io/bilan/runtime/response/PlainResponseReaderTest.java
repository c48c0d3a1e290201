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
import io.bilan.api.instrument.Item;
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

    @Test
    void scoresEveryPlainBodyAsItsTreeAndNothingTheFullPathRefuses() throws Exception {
        compareOn("every-rule");
        // Its sixth item is required: a plain body must answer it.
        compareOn("numeric-rules");
    }

    private void compareOn(String name) throws Exception {
        Instrument instrument = TestPackages.load(name);
        ResponseSetGenerator generator = new ResponseSetGenerator(instrument.manifest(), random);
        Set<String> scalars = instrument.manifest().items().stream()
                .filter(item -> item instanceof Item.Likert || item instanceof Item.Numeric
                        || item instanceof Item.SingleChoice || item instanceof Item.Knowledge
                        || item instanceof Item.FreeText)
                .map(Item::id).collect(Collectors.toSet());
        int plain = 0;
        int leftToTheTree = 0;
        for (int i = 0; i < 10_000; i++) {
            JsonNode set = generator.generate();
            if (random.nextBoolean() && set.get("answers") instanceof ObjectNode answers) {
                // Answers of parts are never plain: leave them out of half the sets, so that most of those are.
                answers.retain(scalars);
            }
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
