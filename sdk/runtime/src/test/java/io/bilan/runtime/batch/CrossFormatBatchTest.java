package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.runtime.TestPackages;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch read in one format can be answered in the other: every scored row keeps its report whole, and a refused
 * row keeps its respondent and error. {@code every-rule.csv} and {@code every-rule.ndjson} hold the same answers.
 */
class CrossFormatBatchTest {

    private static final ObjectMapper JSON = TestPackages.runtime().json();

    private static String score(String file, BatchScorer.Format input, BatchScorer.Format output) throws Exception {
        StringWriter out = new StringWriter();
        BatchFiles.scorer().score(BatchFiles.open(file), input, out, output);
        return out.toString();
    }

    private static List<JsonNode> lines(String ndjson) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void aCsvBatchAnsweredInNdjsonGivesTheReportsOfTheNdjsonBatch() throws Exception {
        List<JsonNode> fromCsv = lines(score("every-rule.csv", BatchScorer.Format.CSV, BatchScorer.Format.NDJSON));
        List<JsonNode> fromNdjson = lines(score("every-rule.ndjson", BatchScorer.Format.NDJSON,
                BatchScorer.Format.NDJSON));
        assertEquals("p-001", fromCsv.getFirst().get("respondent").asText());
        assertEquals(fromNdjson.getFirst().get("scales"), fromCsv.getFirst().get("scales"));
        assertEquals(fromNdjson.get(1).get("scales"), fromCsv.get(1).get("scales"));
        JsonNode refused = fromCsv.get(2);
        assertEquals(3, refused.get("row").asInt());
        assertEquals("p-003", refused.get("respondent").asText());
        assertEquals("invalid-response", refused.at("/error/code").asText());
        assertTrue(refused.at("/error/problems").size() > 0, refused.toString());
    }

    @Test
    void anNdjsonBatchAnsweredInCsvGivesTheTableOfTheCsvBatch() throws Exception {
        String[] fromNdjson = score("every-rule.ndjson", BatchScorer.Format.NDJSON, BatchScorer.Format.CSV)
                .split("\r\n");
        String[] fromCsv = score("every-rule.csv", BatchScorer.Format.CSV, BatchScorer.Format.CSV).split("\r\n");
        assertEquals(fromCsv[0], fromNdjson[0], "the same columns");
        assertEquals(fromCsv[1], fromNdjson[1], "the same first row");
        assertEquals(fromCsv[2], fromNdjson[2]);
        assertTrue(fromNdjson[3].startsWith("3,p-003,") && fromNdjson[3].contains("wrong-type at /answers/l1"),
                fromNdjson[3]);
    }
}
