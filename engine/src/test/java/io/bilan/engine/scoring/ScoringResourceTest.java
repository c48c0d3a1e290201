package io.bilan.engine.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Scoring over HTTP with the example package; expectations are the package's own hand-computed fixture
 * (fixtures/clear-primary-style.json: coordinating 15, supporting 18, challenging 9, delivering 23).
 */
@QuarkusTest
class ScoringResourceTest {

    @org.junit.jupiter.api.BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String SCORE = "/api/v1/instruments/teamwork-styles/1.0.0/score";
    private static final String BATCH = "/api/v1/instruments/teamwork-styles/1.0.0/score-batch";

    private static String clearPrimaryStyle() throws Exception {
        JsonNode fixture = new ObjectMapper().readTree(
                EXAMPLES.resolve("packages/teamwork-styles/fixtures/clear-primary-style.json").toFile());
        return fixture.get("responses").toString();
    }

    @Test
    void scoresOneResponseSet() throws Exception {
        given().contentType("application/json").body(clearPrimaryStyle()).post(SCORE).then()
                .statusCode(200)
                .body("instrument", equalTo("teamwork-styles@1.0.0"))
                .body("digest", startsWith("sha256:"))
                .body("language", equalTo("en"))
                .body("scales.coordinating.raw", equalTo(15.0f))
                .body("scales.coordinating.norm.percentile", equalTo(60.0f))
                .body("scales.coordinating.band.id", equalTo("average"))
                .body("scales.supporting.raw", equalTo(18.0f))
                .body("scales.challenging.raw", equalTo(9.0f))
                .body("scales.delivering.raw", equalTo(23.0f))
                .body("results.primaryStyle", equalTo("delivering"));
    }

    /**
     * The report's JSON, byte for byte, and its type, as the engine wrote them before it wrote reports itself
     * (reports/teamwork-styles-*.json, answers of the clear-primary-style fixture with a respondent and a duration).
     */
    @Test
    void writesTheReportByteForByteAsBefore() throws Exception {
        Path reports = Path.of("src/test/resources/reports");
        byte[] request = Files.readAllBytes(reports.resolve("teamwork-styles-request.json"));
        for (String language : new String[] {"en", "fr"}) {
            io.restassured.response.Response response = given().contentType("application/json")
                    .queryParam("lang", language).body(request).post(SCORE);
            org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode());
            org.junit.jupiter.api.Assertions.assertEquals("application/json;charset=UTF-8", response.contentType());
            org.junit.jupiter.api.Assertions.assertEquals(
                    Files.readString(reports.resolve("teamwork-styles-" + language + ".json")), response.asString());
        }
    }

    @Test
    void writesTheReportInTheRequestedLanguage() throws Exception {
        given().contentType("application/json").header("Accept-Language", "fr-FR").body(clearPrimaryStyle())
                .post(SCORE).then().statusCode(200)
                .body("language", equalTo("fr"))
                .body("scales.coordinating.band.label", equalTo("Dans la moyenne"));
        given().contentType("application/json").queryParam("lang", "en").header("Accept-Language", "fr")
                .body(clearPrimaryStyle()).post("/api/v1/instruments/teamwork-styles/latest/score").then()
                .body("language", equalTo("en"));
    }

    @Test
    void refusesAnInvalidResponseSetWithAPointerPerProblem() {
        given().contentType("application/json").body("{\"answers\": {\"coord1\": 9, \"nope\": 1, \"fc1\": {\"most\": \"coord\", \"least\": \"coord\"}}}")
                .post(SCORE).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-response"))
                .body("errors.pointer", hasItem("/answers/coord1"))
                .body("errors.pointer", hasItem("/answers/nope"))
                .body("errors.pointer", hasItem("/answers/fc1/least"))
                .body("errors.code", hasItem("out-of-range"))
                .body("errors.code", hasItem("unknown-item"))
                .body("errors.code", hasItem("same-most-and-least"));
    }

    @Test
    void refusesBodiesThatAreNotAResponseSet() {
        given().contentType("application/json").body("{\"answers\":").post(SCORE).then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[1, 2]").post(SCORE).then().statusCode(400);
        given().contentType("application/json").body("{}").post(SCORE).then()
                .statusCode(400).body("errors.pointer", hasItem("/answers"));
        given().contentType("application/json").body("{\"answers\": {}, \"answers\": {}}").post(SCORE).then()
                .statusCode(400);
        given().contentType("application/json").body("[".repeat(5000)).post(SCORE).then().statusCode(400);
        given().contentType("text/plain").body("x").post(SCORE).then().statusCode(415);
    }

    @Test
    void anUnknownInstrumentOrNormIsRefused() throws Exception {
        given().contentType("application/json").body(clearPrimaryStyle())
                .post("/api/v1/instruments/nothing/1.0.0/score").then().statusCode(404);
        given().contentType("application/json").queryParam("norm", "martians").body(clearPrimaryStyle())
                .post(SCORE).then().statusCode(400).body("errors.code", hasItem("unknown-norm"));
    }

    @Test
    void scoresACsvBatchRowByRow() throws Exception {
        String csv = Files.readString(EXAMPLES.resolve("responses/teamwork-styles.csv"));
        String out = given().contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(BATCH).then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract().asString();
        String[] lines = out.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals(6, lines.length);
        org.junit.jupiter.api.Assertions.assertTrue(lines[0].startsWith("row,respondent,coordinating.raw,"));
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].startsWith("1,demo-01,14,"));
    }

    @Test
    void scoresAnNdjsonBatchAndReportsRefusedRowsInline() throws Exception {
        String good = clearPrimaryStyle();
        String ndjson = good + "\n{\"answers\": {\"coord1\": 0}}\n" + good + "\n";
        String out = given().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(BATCH).then()
                .statusCode(200).extract().asString();
        String[] lines = out.split("\n");
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.length);
        ObjectMapper json = new ObjectMapper();
        org.junit.jupiter.api.Assertions.assertEquals(15.0, json.readTree(lines[0]).at("/scales/coordinating/raw").asDouble());
        org.junit.jupiter.api.Assertions.assertEquals("invalid-response", json.readTree(lines[1]).at("/error/code").asText());
        org.junit.jupiter.api.Assertions.assertEquals(2, json.readTree(lines[1]).get("row").asInt());
        org.junit.jupiter.api.Assertions.assertEquals(3, json.readTree(lines[2]).get("row").asInt());
    }

    /** Accept chooses the results' format: a CSV batch as NDJSON reports, an NDJSON batch as a CSV table. */
    @Test
    void theAcceptHeaderChoosesTheFormatOfTheResults() throws Exception {
        String csv = Files.readString(EXAMPLES.resolve("responses/teamwork-styles.csv"));
        io.restassured.response.Response reports = given().contentType("text/csv").accept("application/x-ndjson")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(BATCH).then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().response();
        String[] lines = reports.asString().split("\n");
        org.junit.jupiter.api.Assertions.assertEquals(5, lines.length);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals(1, first.get("row").asInt());
        org.junit.jupiter.api.Assertions.assertEquals("demo-01", first.get("respondent").asText());
        org.junit.jupiter.api.Assertions.assertEquals(14.0, first.at("/scales/coordinating/raw").asDouble());

        String good = clearPrimaryStyle();
        String ndjson = good + "\n{\"respondent\": \"p-2\", \"answers\": {\"coord1\": 0}}\n" + good + "\n";
        String table = given().contentType("application/x-ndjson").accept("text/csv")
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(BATCH).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] rows = table.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals(4, rows.length);
        org.junit.jupiter.api.Assertions.assertTrue(rows[0].startsWith("row,respondent,coordinating.raw,"), rows[0]);
        org.junit.jupiter.api.Assertions.assertTrue(rows[1].startsWith("1,"), rows[1]);
        org.junit.jupiter.api.Assertions.assertTrue(rows[2].startsWith("2,p-2,") && rows[2].contains("/answers/coord1"),
                rows[2]);

        // The preference of Accept decides; a wildcard that takes the batch's own format keeps it.
        byte[] csvBytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] ndjsonBytes = ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType("text/csv").accept("text/csv;q=0.5, application/x-ndjson").body(csvBytes).post(BATCH).then()
                .statusCode(200).contentType(startsWith("application/x-ndjson"));
        given().contentType("application/x-ndjson").accept("text/*").body(ndjsonBytes).post(BATCH).then()
                .statusCode(200).contentType(startsWith("text/csv"));
        given().contentType("text/csv").accept("*/*").body(csvBytes).post(BATCH).then()
                .statusCode(200).contentType(startsWith("text/csv"));
        given().contentType("application/x-ndjson").accept("application/x-ndjson, text/csv").body(ndjsonBytes).post(BATCH)
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"));
    }

    /** Results in the other format are streamed too: written as rows are scored, with no Content-Length. */
    @Test
    void aBatchAnsweredInTheOtherFormatIsStreamed() {
        StringBuilder csv = new StringBuilder("respondent,coord1\r\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("p").append(i).append(",3\r\n");
        }
        io.restassured.response.Response out = given().contentType("text/csv").accept("application/x-ndjson")
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(BATCH).then()
                .statusCode(200).extract().response();
        org.junit.jupiter.api.Assertions.assertNull(out.header("Content-Length"));
        org.junit.jupiter.api.Assertions.assertEquals("chunked", out.header("Transfer-Encoding"));
        org.junit.jupiter.api.Assertions.assertEquals(50_000, out.asString().split("\n").length);
    }

    @Test
    void boundsSingleDocumentsButNotBatches() {
        String big = "{\"respondent\": \"" + "x".repeat(1_100_000) + "\", \"answers\": {}}";
        given().contentType("application/json").body(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(SCORE).then()
                .statusCode(413)
                .body("type", equalTo("urn:bilan:problem:body-too-large"));
        StringBuilder csv = new StringBuilder("respondent,coord1\r\n");
        for (int i = 0; i < 150_000; i++) {
            csv.append("p").append(i).append(",3\r\n");
        }
        String out = given().contentType("text/csv").body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(BATCH).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(150_001, out.split("\r\n").length);
    }

    @Test
    void aBatchWhoseHeaderCannotBeReadIsA400() {
        given().contentType("text/csv").body("respondent,coord1,coord1\r\np,3,3\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(BATCH).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("coord1"));
    }

    @Test
    void aBatchOfAnotherMediaTypeIsRefused() {
        given().contentType("application/json").body("{}").post(BATCH).then().statusCode(415);
    }
}
