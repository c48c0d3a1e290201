package io.bilan.engine.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.bilan.runtime.scoring.ScoreOptions;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statistics of a data set through the API: the same figures as the SDK's, and a bounded number of rows. */
@QuarkusTest
class StatisticsResourceTest {

    private static final String STATISTICS = "/api/v1/instruments/teamwork-styles/1.0.0/statistics";

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void aResearcherGetsTheStatisticsTheSdkComputes() throws Exception {
        String csv = Files.readString(Path.of("../examples/responses/teamwork-styles.csv"));
        String body = given().auth().oauth2(TestCallers.of(Roles.RESEARCHER)).contentType("text/csv").body(csv)
                .post(STATISTICS).then().statusCode(200)
                .body("instrument", equalTo("teamwork-styles@1.0.0"))
                .body("refused", equalTo(0))
                .extract().asString();
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(body);
        try (BilanRuntime runtime = BilanRuntime.builder().build()) {
            Instrument instrument = runtime.load(runtime.read(Packages.TEAMWORK));
            DataSetStatistics expected = new DataSetStatistics(instrument);
            new BatchScorer(instrument, new ScoreOptions(null, null), runtime.json(), expected)
                    .scoreCsv(new StringReader(csv), Writer.nullWriter());
            // Both read back by the same mapper, so that numbers compare by value, not by the node type written.
            assertEquals(json.readTree(runtime.json().writeValueAsString(expected.scales())), served.get("scales"));
        }
        assertEquals(csv.lines().count() - 1, served.get("rows").asLong());
    }

    @Test
    void aDataSetOverTheRowLimitIsRefused() throws Exception {
        String csv = Files.readString(Path.of("../examples/responses/teamwork-styles.csv"));
        String header = csv.lines().findFirst().orElseThrow();
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        String big = header + "\n" + (row + "\n").repeat(1001);
        given().contentType("text/csv").body(big).post(STATISTICS).then().statusCode(413)
                .body("type", equalTo("urn:bilan:problem:data-set-too-large"));
    }
}
