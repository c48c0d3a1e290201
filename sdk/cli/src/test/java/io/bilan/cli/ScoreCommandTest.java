package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores on {@code every-rule}; the expected values are computed by hand in the runtime's batch tests. */
class ScoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLETE = """
            {"respondent": "p-001", "answers": {"l1": 4, "l2": 2, "l3": 5, "l4": 1, "l5": 3, "l6": 4, "sc1": "b",
             "mc1": ["x"], "rk1": ["q", "p", "s", "r"], "fc1": {"most": "n", "least": "o"}, "kn1": "b", "kn2": "b",
             "kn3": "a", "nu1": 3, "oc1": {"A": 3, "B": 4}}}
            """;

    @TempDir
    Path dir;
    private Path everyRule;

    @BeforeEach
    void copyPackage() {
        everyRule = CommandRun.everyRule(dir);
    }

    @Test
    void scoresOneResponseSetAsPrettyJson() throws Exception {
        Path responses = Files.writeString(dir.resolve("p-001.json"), COMPLETE);

        CommandRun run = bilan("score", everyRule.toString(), responses.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("{\n") || run.out().startsWith("{\r\n"), "pretty-printed: " + run.out());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("p-001", report.get("respondent").asText());
        assertEquals(19.0, report.at("/scales/S_sum/raw").asDouble());
        assertEquals("Organisation (sum)", report.at("/scales/S_sum/label").asText());
        assertEquals("", run.err());
    }

    @Test
    void writesInTheLanguageAndWithTheNormsAsked() throws Exception {
        Path responses = Files.writeString(dir.resolve("p-001.json"), COMPLETE);
        Path output = dir.resolve("report.json");

        CommandRun run = bilan("score", everyRule.toString(), responses.toString(), "--lang", "fr",
                "--norm", "students", "-o", output.toString());

        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        JsonNode report = JSON.readTree(output.toFile());
        assertEquals("Organisation (somme)", report.at("/scales/S_sum/label").asText());
        // Students' table: 19 falls in the row from 16 (percentile 60).
        assertEquals("students", report.at("/scales/S_sum/norm/norm").asText());
        assertEquals(60.0, report.at("/scales/S_sum/norm/percentile").asDouble());
    }

    @Test
    void listsTheProblemsOfARefusedResponseSet() throws Exception {
        Path responses = Files.writeString(dir.resolve("bad.json"),
                "{\"answers\": {\"l1\": \"four\", \"l5\": 3, \"l6\": 3, \"zz\": 1}}");

        CommandRun run = bilan("score", everyRule.toString(), responses.toString());

        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.errLines().stream().anyMatch(line -> line.startsWith("/answers/l1: ")), run.err());
        assertTrue(run.errLines().stream().anyMatch(line -> line.startsWith("/answers/zz: ")), run.err());
    }

    @Test
    void refusesAFileThatIsNotJson() throws Exception {
        Path responses = Files.writeString(dir.resolve("broken.json"), "{\"answers\": ");
        CommandRun run = bilan("score", everyRule.toString(), responses.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("bilan: " + responses + " is not valid JSON: "), run.err());
    }

    @Test
    void scoresACsvBatch() throws Exception {
        Path responses = CommandRun.copy("/batch/every-rule.csv", dir.resolve("cohort.csv"));

        CommandRun run = bilan("score", everyRule.toString(), responses.toString());

        assertEquals(1, run.exit(), "three rows are refused");
        assertEquals(List.of("scored 2 rows, refused 3"), run.errLines());
        List<String> lines = run.outLines();
        assertEquals(6, lines.size());
        assertTrue(lines.get(0).startsWith("row,respondent,S_sum.raw,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("1,p-001,19,3.8,4,84,60,7,7,high,"), lines.get(1));
    }

    @Test
    void aCsvBatchWritesNoCellASpreadsheetWouldRunAsAFormula() throws Exception {
        Path responses = Files.writeString(dir.resolve("cohort.csv"),
                "respondent,l5,l6\n+SUM(1+1),3,3\n\"\t@SUM(A1)\",3,4\n-1.5,3,3\n");
        Path output = dir.resolve("results.csv");

        CommandRun run = bilan("score", everyRule.toString(), responses.toString(), "-o", output.toString());

        assertEquals(0, run.exit(), run.err());
        List<String> lines = Files.readAllLines(output);
        assertEquals(4, lines.size());
        // A single quote before the text, in double quotes; a plain number as it is. l5 + l6 is S_fail's raw.
        assertTrue(lines.get(1).startsWith("1,\"'+SUM(1+1)\","), lines.get(1));
        assertTrue(lines.get(2).startsWith("2,\"'@SUM(A1)\","), lines.get(2));
        assertTrue(lines.get(3).startsWith("3,-1.5,"), lines.get(3));
        assertTrue(lines.get(2).contains(",7,3.5,2,"), lines.get(2));
    }

    @Test
    void scoresAnNdjsonBatchFromStandardInputToAFile() throws Exception {
        Path output = dir.resolve("results.ndjson");
        String input = COMPLETE.replace("\n", "") + "\n{\"answers\": {\"l5\": 1, \"l6\": 5}}\n";
        InputStream stdin = System.in;
        CommandRun run;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            run = bilan("score", everyRule.toString(), "-", "--format", "ndjson", "-o", output.toString());
        } finally {
            System.setIn(stdin);
        }

        assertEquals(0, run.exit(), run.err());
        assertEquals("scored 2 rows, refused 0\n", run.err().replace("\r\n", "\n"));
        List<String> lines = Files.readAllLines(output);
        assertEquals(2, lines.size());
        assertEquals(1, JSON.readTree(lines.get(0)).get("row").asInt());
        assertEquals(3.0, JSON.readTree(lines.get(1)).at("/scales/S_fail/mean").asDouble());
    }

    @Test
    void standardInputNeedsAFormat() {
        CommandRun run = bilan("score", everyRule.toString(), "-");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--format"), run.err());
    }

    @Test
    void anUnknownNormIsAUsageError() throws Exception {
        Path responses = Files.writeString(dir.resolve("p-001.json"), COMPLETE);
        CommandRun run = bilan("score", everyRule.toString(), responses.toString(), "--norm", "retirees");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("has no norm table \"retirees\"; it has [adults, students]"), run.err());
    }

    @Test
    void aMissingResponseFileExitsWith3() {
        CommandRun run = bilan("score", everyRule.toString(), dir.resolve("missing.csv").toString());
        assertEquals(3, run.exit());
        assertEquals(List.of("bilan: " + dir.resolve("missing.csv") + ": no such file"), run.errLines());
    }

    @Test
    void aResponseFileThatIsNotUtf8ExitsWith3() throws Exception {
        Path responses = Files.write(dir.resolve("latin1.csv"),
                "respondent,ft1\nx,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CommandRun run = bilan("score", everyRule.toString(), responses.toString());
        assertEquals(3, run.exit());
        assertTrue(run.err().contains("not valid UTF-8"), run.err());
    }

    @Test
    void anInvalidPackageIsRefused() throws Exception {
        Files.writeString(everyRule.resolve("manifest.json"), "{}");
        Path responses = Files.writeString(dir.resolve("p-001.json"), COMPLETE);
        CommandRun run = bilan("score", everyRule.toString(), responses.toString());
        assertEquals(1, run.exit());
        assertTrue(run.errLines().getLast().contains("is not a valid package"), run.err());
    }
}
