package io.bilan.runtime.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.Problem;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Response sets are checked against the schema derived from the instrument; every error has a pointer. */
class ResponseValidationTest {

    private static final Instrument EVERY_RULE = TestPackages.load("every-rule");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Set<String> problems(String answers) throws Exception {
        JsonNode responseSet = JSON.readTree("{\"answers\": " + answers + "}");
        return EVERY_RULE.validate(responseSet).stream()
                .map(problem -> problem.code() + " " + problem.pointer())
                .collect(Collectors.toSet());
    }

    @Test
    void anEmptyResponseSetIsValidBecauseNoItemIsRequired() throws Exception {
        assertEquals(Set.of(), problems("{}"));
    }

    @Test
    void anAnswerWithAnEmptyNameIsAnUnknownItem() throws Exception {
        assertEquals(Set.of("unknown-item /answers/"), problems("{\"\": 3}"));
        assertEquals(Set.of("unknown-item /answers/"), problems("{\"\": {\"\": []}}"));
    }

    @Test
    void pointsAtAnUnknownItem() throws Exception {
        assertEquals(Set.of("unknown-item /answers/l99"), problems("{\"l99\": 3}"));
    }

    @Test
    void pointsAtAWrongType() throws Exception {
        assertEquals(Set.of("wrong-type /answers/l1"), problems("{\"l1\": \"four\"}"));
        assertEquals(Set.of("wrong-type /answers/l1"), problems("{\"l1\": 2.5}"));
    }

    @Test
    void pointsAtAnAnswerOutOfRange() throws Exception {
        assertEquals(Set.of("out-of-range /answers/l1"), problems("{\"l1\": 6}"));
        assertEquals(Set.of("out-of-range /answers/l1"), problems("{\"l1\": 0}"));
        assertEquals(Set.of("out-of-range /answers/nu1"), problems("{\"nu1\": 10.5}"));
        assertEquals(Set.of("out-of-range /answers/oc1/B"), problems("{\"oc1\": {\"A\": 2, \"B\": 5}}"));
    }

    @Test
    void pointsAtAnUnknownOption() throws Exception {
        assertEquals(Set.of("unknown-option /answers/sc1"), problems("{\"sc1\": \"d\"}"));
        assertEquals(Set.of("unknown-option /answers/mc1/1"), problems("{\"mc1\": [\"x\", \"w\"]}"));
    }

    @Test
    void pointsAtTooManyPicks() throws Exception {
        assertEquals(Set.of("too-many-picks /answers/mc1"), problems("{\"mc1\": [\"x\", \"y\", \"z\"]}"));
        assertEquals(Set.of("duplicate-pick /answers/mc1"), problems("{\"mc1\": [\"x\", \"x\"]}"));
    }

    @Test
    void pointsAtADuplicateOrIncompleteRanking() throws Exception {
        assertEquals(Set.of("duplicate-rank /answers/rk1"), problems("{\"rk1\": [\"p\", \"p\", \"q\", \"r\"]}"));
        assertEquals(Set.of("incomplete-ranking /answers/rk1"), problems("{\"rk1\": [\"p\", \"q\", \"r\"]}"));
    }

    @Test
    void forcedChoiceNeedsTwoDifferentStatements() throws Exception {
        assertEquals(Set.of("same-most-and-least /answers/fc1/least"), problems("{\"fc1\": {\"most\": \"m\", \"least\": \"m\"}}"));
        assertEquals(Set.of("missing-property /answers/fc1/least"), problems("{\"fc1\": {\"most\": \"m\"}}"));
    }

    @Test
    void observerNamesAndCountsAreBounded() throws Exception {
        assertEquals(Set.of("invalid-format /answers/oc1"), problems("{\"oc1\": {\"obs 1\": 2}}"));
        StringBuilder many = new StringBuilder("{\"oc1\": {");
        for (int observer = 1; observer <= 21; observer++) {
            many.append(observer > 1 ? ", " : "").append("\"o").append(observer).append("\": 2");
        }
        assertEquals(Set.of("too-many-entries /answers/oc1"), problems(many.append("}}").toString()));
        assertEquals(Set.of("too-few-entries /answers/oc1"), problems("{\"oc1\": {}}"));
    }

    @Test
    void checksEachEntryOfARepeatingGroup() throws Exception {
        assertEquals(Set.of("missing-property /answers/rg1/1/title", "out-of-range /answers/rg1/0/years",
                        "invalid-format /answers/rg1/0/start", "unknown-property /answers/rg1/1/salary"),
                problems("{\"rg1\": [{\"title\": \"Cook\", \"years\": 60, \"start\": \"2019-13\"}, {\"salary\": 1}]}"));
    }

    @Test
    void boundsFreeText() throws Exception {
        assertEquals(Set.of("too-long /answers/ft1"), problems("{\"ft1\": \"" + "x".repeat(201) + "\"}"));
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        assertEquals(4, problems("{\"l1\": 9, \"l2\": \"x\", \"zz\": 1, \"sc1\": \"q\"}").size());
    }

    @Test
    void aResponseSetWithoutAnswersIsRefused() throws Exception {
        var problems = EVERY_RULE.validate(JSON.readTree("{\"respondent\": \"p\"}"));
        assertEquals("missing-property", problems.getFirst().code());
        assertEquals("/answers", problems.getFirst().pointer());
        assertTrue(problems.stream().allMatch(Problem::isError));
    }

    @Test
    void theDerivedSchemaIsPublished() {
        JsonNode schema = EVERY_RULE.responseSchema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertEquals(5, schema.at("/properties/answers/properties/l1/maximum").asInt());
        assertEquals(4, schema.at("/properties/answers/properties/rk1/minItems").asInt());
    }
}
