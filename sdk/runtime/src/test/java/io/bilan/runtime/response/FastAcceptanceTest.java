package io.bilan.runtime.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.runtime.TestPackages;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick check must never accept a response set the derived schema refuses. Thousands of generated sets,
 * valid and broken in every way the item types allow, are given to both.
 */
class FastAcceptanceTest {

    private static final InstrumentManifest MANIFEST = TestPackages.load("every-rule").manifest();
    private final ResponseValidator validator = new ResponseValidator(MANIFEST);
    private final ResponseSetGenerator generator = new ResponseSetGenerator(MANIFEST, new Random(20261126));

    @Test
    void neverAcceptsWhatTheSchemaRefuses() {
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            JsonNode responseSet = generator.generate();
            boolean quick = validator.quicklyAccepted(responseSet);
            boolean valid = validator.schemaProblems(responseSet).isEmpty();
            if (quick) {
                accepted++;
                assertTrue(valid, () -> "accepted quickly but refused by the schema: " + responseSet
                        + " " + validator.schemaProblems(responseSet));
            }
            if (!valid) {
                refused++;
            }
        }
        // Both kinds occur often enough for the comparison to mean something.
        assertTrue(accepted > 1_000, "quickly accepted: " + accepted);
        assertTrue(refused > 1_000, "refused: " + refused);
    }

    @Test
    void acceptsACompleteWellFormedSetWithoutTheSchemaValidator() throws Exception {
        JsonNode set = new ObjectMapper().readTree("{\"respondent\": \"p\", \"durationSeconds\": 30, \"answers\": {"
                + "\"l1\": 4, \"l2\": 2, \"sc1\": \"b\", \"mc1\": [\"x\"], \"rk1\": [\"q\", \"p\", \"s\", \"r\"],"
                + "\"fc1\": {\"most\": \"n\", \"least\": \"o\"}, \"kn1\": \"b\", \"nu1\": 2.5, \"oc1\": {\"A\": 3},"
                + "\"ft1\": \"ok\", \"l3\": null}}");
        assertTrue(validator.quicklyAccepted(set));
        assertEquals(List.of(), validator.validate(set));
    }
}
