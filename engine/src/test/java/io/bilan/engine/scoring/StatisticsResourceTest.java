package io.bilan.engine.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import io.bilan.runtime.scoring.ScoreOptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics of a data set through the API: the same figures as the SDK's, streamed like a batch (chunked or
 * not, beyond the document limit), and a bounded number of rows (1,000 in the test profile).
 */
@QuarkusTest
class StatisticsResourceTest {

    private static final String STATISTICS = "/api/v1/instruments/teamwork-styles/1.0.0/statistics";

    @TestHTTPResource(STATISTICS)
    URI statistics;

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

    /**
     * The rows of a package without script, norm or band whose items are all ratings (sdk/bench's bfi) are scored
     * without reports: they give the statistics their reports give, and count towards the limit all the same.
     */
    @Test
    void rowsScoredWithoutReportsGiveTheSameStatisticsAndCountTowardsTheLimit() throws Exception {
        Path bfi = Path.of("../sdk/bench/src/main/resources/bench/bfi");
        given().contentType("application/zip").body(Packages.zip(bfi)).post("/api/v1/instruments").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String bfiStatistics = "/api/v1/instruments/bench-bfi/1.0.0/statistics";
        String csv = Files.readString(Path.of("../sdk/bench/src/main/resources/bench/bfi.csv"));
        String some = String.join("\n", csv.lines().limit(801).toList()) + "\n";

        String body = given().auth().oauth2(TestCallers.of(Roles.RESEARCHER)).contentType("text/csv").body(some)
                .post(bfiStatistics).then().statusCode(200).body("rows", equalTo(800)).extract().asString();
        ObjectMapper json = new ObjectMapper();
        try (BilanRuntime runtime = BilanRuntime.builder().build()) {
            Instrument instrument = runtime.load(runtime.read(bfi));
            DataSetStatistics expected = new DataSetStatistics(instrument);
            // An observer of its own takes every row with its report.
            new BatchScorer(instrument, new ScoreOptions(null, null), runtime.json(), expected::scored)
                    .scoreCsv(new StringReader(some), Writer.nullWriter());
            assertEquals(json.readTree(runtime.json().writeValueAsString(expected.scales())),
                    json.readTree(body).get("scales"));
        }

        given().auth().oauth2(TestCallers.of(Roles.RESEARCHER)).contentType("text/csv").body(csv).post(bfiStatistics)
                .then().statusCode(413).body("type", equalTo("urn:bilan:problem:data-set-too-large"));
    }

    @Test
    void aDataSetSentInChunksIsStreamedLikeABatch() throws Exception {
        String csv = Files.readString(Path.of("../examples/responses/teamwork-styles.csv"));

        HttpResponse<String> response = postChunked(csv, TestCallers.of(Roles.RESEARCHER));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode served = new ObjectMapper().readTree(response.body());
        assertEquals(5, served.get("rows").asInt(), "the example's five respondents");
        assertEquals(0, served.get("refused").asInt());
    }

    @Test
    void aDataSetOverTheRowLimitSentInChunksIsRefusedWithAProblem() throws Exception {
        String csv = Files.readString(Path.of("../examples/responses/teamwork-styles.csv"));
        String header = csv.lines().findFirst().orElseThrow();
        String row = csv.lines().skip(1).findFirst().orElseThrow();

        HttpResponse<String> response = postChunked(header + "\n" + (row + "\n").repeat(5_000),
                TestCallers.of(Roles.RESEARCHER));

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals("urn:bilan:problem:data-set-too-large", problem.get("type").asText());
        assertEquals(413, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains("at most 1000 rows"), problem.get("detail").asText());
    }

    /** Posts a CSV body without a length, as {@code Transfer-Encoding: chunked}. */
    private HttpResponse<String> postChunked(String csv, String key) throws Exception {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(statistics).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
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
