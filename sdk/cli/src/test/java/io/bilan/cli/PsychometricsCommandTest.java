package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bilan score --statistics} and {@code bilan norms} on the runtime's {@code psychometrics} package and
 * data set; the numbers themselves are checked against psych in the runtime's PsychAgreementTest.
 */
class PsychometricsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path instrument;
    private Path responses;

    @BeforeEach
    void copyFiles() {
        instrument = CommandRun.copy("/packages/psychometrics/manifest.json", dir.resolve("psychometrics/manifest.json"))
                .getParent();
        responses = CommandRun.copy("/psychometrics/responses.csv", dir.resolve("responses.csv"));
    }

    @Test
    void writesTheStatisticsOfEachScaleAndWarnsOfItemsAgainstTheirScale() throws Exception {
        Path statistics = dir.resolve("scales.json");

        CommandRun run = bilan("score", instrument.toString(), responses.toString(), "-o", dir.resolve("scores.csv").toString(),
                "--statistics", statistics.toString());

        assertEquals(0, run.exit(), run.err());
        JsonNode document = JSON.readTree(statistics.toFile());
        assertEquals("psychometrics@1.0.0", document.get("instrument").asText());
        assertEquals(300, document.get("rows").asInt());
        JsonNode e = document.at("/scales/0");
        assertEquals("E", e.get("scale").asText());
        JsonNode expected = JSON.readTree(CommandRun.class.getResourceAsStream("/psychometrics/expected.json"));
        assertEquals(expected.at("/scales/E/alpha/raw").asDouble(), e.at("/alpha/raw").asDouble(), 1e-9);
        assertEquals("no-variance", e.at("/itemStatistics/4/excluded").asText());
        assertTrue(run.errLines().contains("warning: scale E: item e6 correlates negatively with the rest of scale E"
                + " (r = -0.512): is a reverse key missing?"), run.err());
        assertTrue(run.errLines().stream().anyMatch(line -> line.startsWith("warning: scale E: item e5 has the same value")),
                run.err());
    }

    @Test
    void statisticsNeedABatch() throws Exception {
        Path one = java.nio.file.Files.writeString(dir.resolve("one.json"), "{\"answers\": {\"a1\": 3}}");

        CommandRun run = bilan("score", instrument.toString(), one.toString(), "--statistics", dir.resolve("s.json").toString());

        assertEquals(2, run.exit());
    }

    @Test
    void printsANormTableInThePackageFormat() throws Exception {
        CommandRun run = bilan("norms", instrument.toString(), responses.toString(), "--scale", "A",
                "--population", "Generated sample", "--id", "generated", "--collected", "2025");

        assertEquals(0, run.exit(), run.err());
        JsonNode table = JSON.readTree(run.out());
        assertEquals("generated", table.get("id").asText());
        assertEquals(300, table.get("sampleSize").asInt());
        assertEquals("Generated sample", table.at("/population/fr").asText());
        assertEquals("Generated sample", table.at("/population/en").asText());
        assertEquals("mean", table.at("/scales/A/basis").asText());
        JsonNode rows = table.at("/scales/A/rows");
        assertTrue(rows.size() > 5, rows.toString());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).get("score").asDouble() > rows.get(i - 1).get("score").asDouble());
            assertTrue(rows.get(i).get("percentile").asDouble() >= rows.get(i - 1).get("percentile").asDouble());
        }
    }

    @Test
    void refusesAScaleThePackageDoesNotDeclare() {
        CommandRun run = bilan("norms", instrument.toString(), responses.toString(), "--scale", "Z", "--population", "x");

        assertEquals(2, run.exit());
        assertTrue(run.err().contains("declares no scale \"Z\""), run.err());
    }
}
