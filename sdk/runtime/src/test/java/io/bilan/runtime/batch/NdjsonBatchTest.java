package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.runtime.TestPackages;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NDJSON batches on the package {@code every-rule}: the same responses as {@code every-rule.csv}, so the
 * hand-computed values of {@link CsvBatchTest} apply.
 */
class NdjsonBatchTest {

    private static final ObjectMapper JSON = TestPackages.runtime().json();

    private static List<JsonNode> lines(String output) throws Exception {
        assertTrue(output.endsWith("\n"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void writesOneReportOrErrorPerLine() throws Exception {
        StringWriter out = new StringWriter();
        BatchSummary summary = BatchFiles.scorer().scoreNdjson(BatchFiles.open("every-rule.ndjson"), out);

        assertEquals(new BatchSummary(7, 3, 4), summary);
        List<JsonNode> lines = lines(out.toString());
        assertEquals(7, lines.size(), "the blank line is skipped");

        JsonNode complete = lines.get(0);
        assertEquals("row", complete.fieldNames().next(), "row comes first");
        assertEquals(1, complete.get("row").asInt());
        assertEquals("every-rule@1.0.0", complete.get("instrument").asText());
        assertEquals("p-001", complete.get("respondent").asText());
        JsonNode sum = complete.at("/scales/S_sum");
        assertEquals(19.0, sum.get("raw").asDouble());
        assertEquals(3.8, sum.get("mean").asDouble());
        assertEquals(60.0, sum.at("/norm/t").asDouble());
        assertEquals("high", sum.at("/band/id").asText());
        assertEquals(1.5, complete.at("/scales/S_test/raw").asDouble());
        assertEquals(0, complete.get("flags").size());
        assertFalse(complete.has("error"));

        JsonNode missing = lines.get(1);
        assertEquals(2, missing.get("row").asInt());
        assertEquals(16.25, missing.at("/scales/S_sum/raw").asDouble());
        assertEquals("average", missing.at("/scales/S_sum/band/id").asText());
        assertEquals("insufficient-data", missing.at("/scales/S_mean/status").asText());
        assertEquals("time-limit-exceeded", missing.at("/flags/6/code").asText());

        JsonNode wrong = lines.get(2);
        assertEquals(3, wrong.get("row").asInt());
        assertEquals("p-003", wrong.get("respondent").asText());
        assertEquals("invalid-response", wrong.at("/error/code").asText());
        assertEquals("the response set does not fit every-rule@1.0.0: 2 problems", wrong.at("/error/message").asText());
        assertEquals(List.of("wrong-type /answers/l1", "out-of-range /answers/l3"), problems(wrong));
        assertFalse(wrong.has("scales"));

        assertEquals(List.of("insufficient-answers /answers"), problems(lines.get(3)));

        JsonNode badJson = lines.get(4);
        assertEquals(5, badJson.get("row").asInt());
        assertFalse(badJson.has("respondent"), "an unreadable line has no known respondent");
        assertEquals("invalid-row", badJson.at("/error/code").asText());
        assertTrue(badJson.at("/error/message").asText().startsWith("not valid JSON: "));
        assertEquals(0, badJson.at("/error/problems").size());

        JsonNode notAnObject = lines.get(5);
        assertEquals("invalid-response", notAnObject.at("/error/code").asText());
        assertEquals("wrong-type", notAnObject.at("/error/problems/0/code").asText());

        JsonNode crlf = lines.get(6);
        assertEquals(7, crlf.get("row").asInt());
        assertEquals("p-006", crlf.get("respondent").asText());
        assertEquals(3.0, crlf.at("/scales/S_fail/mean").asDouble());
    }

    @Test
    void refusesATooLongLineWithoutHoldingItAndGoesOn() throws Exception {
        String valid = "{\"answers\": {\"l5\": 2, \"l6\": 4}}\n";
        StringWriter out = new StringWriter();
        BatchSummary summary = BatchFiles.scorer().scoreNdjson(new GeneratedReader(
                valid + "{\"answers\": {\"ft1\": \"", 'x', BatchScorer.MAX_ROW_CHARS, "\"}}\n" + valid), out);

        assertEquals(new BatchSummary(3, 2, 1), summary);
        List<JsonNode> lines = lines(out.toString());
        assertEquals(3.0, lines.get(0).at("/scales/S_fail/mean").asDouble());
        assertEquals("invalid-row", lines.get(1).at("/error/code").asText());
        assertEquals("the line is longer than " + BatchScorer.MAX_ROW_CHARS + " characters",
                lines.get(1).at("/error/message").asText());
        assertEquals(3, lines.get(2).get("row").asInt());
        assertEquals(3.0, lines.get(2).at("/scales/S_fail/mean").asDouble());
    }

    @Test
    void refusesTrailingContentAfterTheResponseSet() throws Exception {
        StringWriter out = new StringWriter();
        BatchSummary summary = BatchFiles.scorer().scoreNdjson(
                new StringReader("{\"answers\": {\"l5\": 2, \"l6\": 4}} {\"answers\": {}}\n"), out);
        assertEquals(new BatchSummary(1, 0, 1), summary);
        assertEquals("invalid-row", lines(out.toString()).getFirst().at("/error/code").asText());
    }

    private static List<String> problems(JsonNode line) {
        List<String> problems = new ArrayList<>();
        line.at("/error/problems").forEach(problem ->
                problems.add(problem.get("code").asText() + " " + problem.get("pointer").asText()));
        return problems;
    }
}
