package io.bilan.engine.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.CatalogReady;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract check itself: it is on for every test, it refuses what the document does not allow, and the
 * document it checks against is complete (operation ids, roles, problem bodies).
 */
@QuarkusTest
class ContractCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private JsonNode document;
    private Contract contract;

    @BeforeEach
    void setUp() throws Exception {
        CatalogReady.await();
        document = JSON.readTree(given().get("/q/openapi?format=json").asByteArray());
        contract = new Contract(document);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyRestAssuredResponseOfTheTestsIsChecked() {
        assertTrue(RestAssured.filters().contains(ContractCheck.INSTANCE), RestAssured.filters().toString());
    }

    @Test
    void aResponseTheDocumentDoesNotAllowIsAMismatch() {
        Contract.Route getCase = contract.route("GET", "/api/v1/cases/c-1").orElseThrow();
        String valid = "{\"id\": \"c-1\", \"phase\": \"preliminary\"}";
        assertNull(contract.mismatch(getCase, 200, "application/json", bytes(valid)));
        assertTrue(contract.mismatch(getCase, 202, "application/json", bytes(valid)).contains("status 202"));
        assertTrue(contract.mismatch(getCase, 200, "text/plain", bytes(valid)).contains("content type text/plain"));
        assertTrue(contract.mismatch(getCase, 200, "application/json", bytes("{\"id\": 5}")).contains("schema"));
        assertTrue(contract.mismatch(getCase, 200, "application/json", bytes("{\"zzz\": 1}")).contains("schema"));
        String problem = "{\"type\": \"urn:bilan:problem:case-not-found\", \"title\": \"Case not found\", \"status\": 404}";
        assertNull(contract.mismatch(getCase, 404, "application/problem+json", bytes(problem)));
        assertNotNull(contract.mismatch(getCase, 404, "application/problem+json", bytes("{\"title\": \"x\"}")));
    }

    @Test
    void theCheckFailsTheTestThatReceivesAMismatch() {
        // The instrument listing documents no 201: a stand-in contract says so of a real response.
        Contract strict = new Contract(document.deepCopy());
        ((com.fasterxml.jackson.databind.node.ObjectNode) strict.route("GET", "/api/v1/instruments").orElseThrow()
                .operation().path("responses")).remove("200");
        assertNotNull(strict.mismatch(strict.route("GET", "/api/v1/instruments").orElseThrow(), 200,
                "application/json", bytes("[]")));
        assertThrows(AssertionError.class, () -> given().filter((request, response, context) -> {
            throw new AssertionError("stand-in for a mismatch");
        }).get("/api/v1/instruments"));
    }

    @Test
    void everyOperationHasAUniqueIdRolesOrNoSecurityAndProblemBodiesForItsErrors() {
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                JsonNode operation = entry.getValue();
                String where = entry.getKey() + " " + path.getKey();
                assertTrue(ids.add(operation.path("operationId").asText()), "operationId of " + where);
                JsonNode security = operation.get("security");
                assertNotNull(security, "security of " + where);
                if (!security.isEmpty()) {
                    assertTrue(operation.path("description").asText().matches("(?s).*(Roles?: |Any authenticated).*"),
                            "roles of " + where);
                    assertTrue(operation.path("responses").has("401"), "401 of " + where);
                }
                for (String status : new String[] {"406", "503"}) {
                    assertTrue(operation.path("responses").has(status), status + " of " + where);
                }
                operation.path("responses").fields().forEachRemaining(response -> {
                    // 414 comes from the HTTP server before any resource, with no body.
                    boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                    if (error && !response.getKey().equals("414")) {
                        JsonNode resolved = response.getValue().has("$ref")
                                ? document.at(response.getValue().get("$ref").asText().substring(1)) : response.getValue();
                        assertTrue(resolved.path("content").has("application/problem+json"),
                                response.getKey() + " of " + where);
                    }
                });
            }
        }
        assertEquals(ids.size(), ids.stream().filter(id -> !id.isBlank()).count());
        assertTrue(ids.size() >= 45, ids.toString());
    }

    private List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(value -> texts.add(value.isNull() ? null : value.asText()));
        return texts;
    }

    @Test
    void closedSetsAreEnumsAndAnsweredRecordsRequireEveryPropertyTheyWrite() {
        JsonNode schemas = document.path("components").path("schemas");
        assertEquals(List.of("test", "questionnaire", "observation-grid"),
                texts(schemas.at("/InstrumentSummary/properties/kind/enum")).stream().filter(java.util.Objects::nonNull)
                        .toList());
        assertEquals(List.of("preliminary", "investigation", "conclusion", "follow-up"),
                texts(schemas.at("/InstrumentSummary/properties/phases/items/enum")));
        assertTrue(texts(schemas.at("/CaseView/properties/phase/enum")).containsAll(List.of("preliminary",
                "investigation", "conclusion", "follow-up", "closed")));
        assertTrue(texts(schemas.at("/ProblemError/properties/severity/enum")).containsAll(List.of("error", "warning",
                "info")));
        assertTrue(texts(schemas.at("/InvitationView/properties/status/enum")).containsAll(List.of("pending", "opened",
                "submitted", "revoked", "expired")));
        assertTrue(texts(schemas.at("/ApiKey/properties/roles/items/enum")).contains("counsellor"));
        // The closed sets of case requests are enums of their own, and the answers that echo them say so too.
        assertEquals(List.of("fit", "redirect"), texts(schemas.at("/Decision/enum")));
        assertEquals(List.of("synthesis", "profile", "results"), texts(schemas.at("/SharedPart/enum")));
        assertEquals(List.of("preliminary", "investigation", "conclusion", "follow-up", "closed"),
                texts(schemas.at("/CasePhase/enum")));
        assertEquals("#/components/schemas/Decision", schemas.at("/FitDecision/properties/decision/anyOf/0/$ref").asText());
        assertEquals("#/components/schemas/CasePhase", schemas.at("/Transition/properties/to/anyOf/0/$ref").asText());
        assertEquals("#/components/schemas/SharedPart", schemas.at("/NewConsent/properties/shared/items/$ref").asText());
        assertEquals("#/components/schemas/SharedPart", schemas.at("/NewTransmission/properties/parts/items/$ref").asText());
        assertEquals(List.of("fit", "redirect"), texts(schemas.at("/Fit/properties/decision/enum")).stream()
                .filter(java.util.Objects::nonNull).toList());
        assertEquals(List.of("synthesis", "profile", "results"),
                texts(schemas.at("/ConsentView/properties/shared/items/enum")));
        // Written whole by the engine, read from no request: every property is there, null or not.
        assertTrue(texts(schemas.at("/ApiKey/required")).containsAll(List.of("id", "roles", "centre", "revokedAt")));
        assertTrue(texts(schemas.at("/ApiKey/properties/revokedBy/type")).contains("null"));
        assertTrue(texts(schemas.at("/InvitationView/required")).containsAll(List.of("id", "status", "link")));
        // Left out of a replayed answer: not required.
        assertFalse(texts(schemas.at("/NewKey/required")).contains("key"));
        // Read from requests too: only what is never null is required.
        assertFalse(schemas.at("/KeyRequest/required").isArray()
                && texts(schemas.at("/KeyRequest/required")).contains("centre"));
        long withRequired = java.util.stream.StreamSupport.stream(schemas.spliterator(), false)
                .filter(schema -> schema.has("required")).count();
        assertTrue(withRequired >= 45, withRequired + " schemas with required properties");
    }
}
