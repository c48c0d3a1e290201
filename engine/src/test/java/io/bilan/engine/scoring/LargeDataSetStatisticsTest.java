package io.bilan.engine.scoring;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.psychometrics.DataSetStatistics;
import io.bilan.runtime.psychometrics.ScaleStatistics;
import io.bilan.runtime.scoring.ScoreOptions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data set far over the 1 MB document limit gets its statistics: 120,000 rows (8.6 MB), the example's five
 * respondents 24,000 times each, under a row limit raised to 150,000. Repeating rows leaves the means as they
 * are, and where every respondent answered every item of a scale it scales every covariance alike (by
 * 4 x 24,000 / 119,999), so that scale's alphas are those of the five rows; with missing answers the pairwise
 * counts differ and so does alpha.
 */
@QuarkusTest
@TestProfile(LargeDataSetStatisticsTest.MoreRows.class)
class LargeDataSetStatisticsTest {

    private static final String STATISTICS = "/api/v1/instruments/teamwork-styles/1.0.0/statistics";
    private static final int COPIES = 24_000;

    public static class MoreRows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The package's script runs on every row: a generous time limit keeps a busy machine from refusing one.
            return Map.of("bilan.limits.max-statistics-rows", "150000", "bilan.sandbox.time-limit", "30s");
        }
    }

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        // This profile's engine publishes its catalogue on a fresh database.
        CatalogReady.await();
    }

    @Test
    void aDataSetOfOverAMegabyteIsStreamedAndAnalysed() throws Exception {
        String csv = Files.readString(Path.of("../examples/responses/teamwork-styles.csv"));
        String header = csv.lines().findFirst().orElseThrow();
        String rows = String.join("\n", csv.lines().skip(1).toList()) + "\n";
        byte[] body = (header + "\n" + rows.repeat(COPIES)).getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 5 * 1024 * 1024, body.length + " bytes");

        String served = given().auth().oauth2(TestCallers.of(Roles.RESEARCHER)).contentType("text/csv").body(body)
                .post(STATISTICS).then().statusCode(200).extract().asString();

        JsonNode report = new ObjectMapper().readTree(served);
        assertEquals(0, report.get("refused").asInt(), served);
        assertEquals(120_000, report.get("rows").asInt());
        List<ScaleStatistics> five = fiveRows(csv);
        assertEquals(4, report.get("scales").size());
        for (int i = 0; i < five.size(); i++) {
            JsonNode scale = report.get("scales").get(i);
            ScaleStatistics expected = five.get(i);
            assertEquals(expected.scale(), scale.get("scale").asText());
            assertEquals(120_000, scale.get("n").asInt(), expected.scale());
            assertEquals(expected.mean(), scale.get("mean").asDouble(), 1e-9, expected.scale());
            for (JsonNode item : scale.get("itemStatistics")) {
                // Of the five respondents, one left support3 unanswered and one deliver2.
                boolean skippedOnce = List.of("support3", "deliver2").contains(item.get("item").asText());
                assertEquals(skippedOnce ? 96_000 : 120_000, item.get("n").asInt(), item.toString());
            }
            if (List.of("coordinating", "challenging").contains(expected.scale())) {
                // Every pair of items answered by all: every covariance is scaled alike, alpha stays.
                assertEquals(expected.alpha().raw(), scale.at("/alpha/raw").asDouble(), 1e-9, expected.scale());
                assertEquals(expected.alpha().standardized(), scale.at("/alpha/standardized").asDouble(), 1e-9,
                        expected.scale());
            }
        }
    }

    private static List<ScaleStatistics> fiveRows(String csv) throws Exception {
        try (BilanRuntime runtime = BilanRuntime.builder().build()) {
            Instrument instrument = runtime.load(runtime.read(Packages.TEAMWORK));
            DataSetStatistics statistics = new DataSetStatistics(instrument);
            new BatchScorer(instrument, new ScoreOptions(null, null), runtime.json(), statistics)
                    .scoreCsv(new StringReader(csv), Writer.nullWriter());
            return statistics.scales();
        }
    }
}
