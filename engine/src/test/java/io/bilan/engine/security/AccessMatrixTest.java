package io.bilan.engine.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint, called by every role and by nobody: the roles it names get past authorization, every other
 * caller is refused (401 without credentials, 403 with the wrong role) with a problem that tells nothing about
 * what was asked for. A new endpoint must be added here: one the matrix does not know fails the last test.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, Roles.ADMIN, Roles.AUTHOR, Roles.COUNSELLOR,
            Roles.BENEFICIARY, Roles.RESEARCHER);
    private static final Set<String> SIGNED_IN = Set.copyOf(Roles.ALL);
    private static final String TEAMWORK = "/api/v1/instruments/teamwork-styles/1.0.0";
    private static final String ANSWERS = "{\"answers\": {\"coord1\": 5}}";
    /** A case nobody has: callers with the right role get past authorization to a 404. */
    private static final String CASE = "/api/v1/cases/00000000-0000-0000-0000-000000000000";
    private static final Set<String> COUNSELLOR = Set.of(Roles.COUNSELLOR);
    private static final Set<String> MEMBERS = Set.of(Roles.COUNSELLOR, Roles.BENEFICIARY);

    /** One endpoint: how to call it and who may. */
    private record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {

        Response call(RequestSpecification request) {
            if (contentType != null) {
                request = request.contentType(contentType).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/q/health", null, null, EVERYONE),
            new Endpoint("GET", "/q/openapi", null, null, EVERYONE),
            new Endpoint("GET", "/q/metrics", null, null, Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/instruments", null, null, EVERYONE),
            new Endpoint("GET", "/api/v1/instruments/teamwork-styles", null, null, EVERYONE),
            new Endpoint("GET", TEAMWORK, null, null, SIGNED_IN),
            new Endpoint("GET", TEAMWORK + "/response-schema", null, null, SIGNED_IN),
            new Endpoint("POST", "/api/v1/instruments", "application/zip", "not a zip", Set.of(Roles.AUTHOR, Roles.ADMIN)),
            new Endpoint("PUT", TEAMWORK + "/deprecated", "application/json", "false", Set.of(Roles.AUTHOR, Roles.ADMIN)),
            new Endpoint("POST", TEAMWORK + "/score", "application/json", ANSWERS,
                    Set.of(Roles.COUNSELLOR, Roles.RESEARCHER, Roles.AUTHOR, Roles.ADMIN)),
            new Endpoint("POST", TEAMWORK + "/score-batch", "text/csv", "respondent,coord1\nr1,5\n",
                    Set.of(Roles.COUNSELLOR, Roles.RESEARCHER, Roles.AUTHOR, Roles.ADMIN)),
            new Endpoint("POST", TEAMWORK + "/statistics", "text/csv", "respondent,coord1\nr1,5\n",
                    Set.of(Roles.COUNSELLOR, Roles.RESEARCHER, Roles.AUTHOR, Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/occupations", null, null, SIGNED_IN),
            new Endpoint("GET", "/api/v1/occupations/registered-nurse", null, null, SIGNED_IN),
            new Endpoint("POST", "/api/v1/profiles", "application/json", "{\"reports\": []}",
                    Set.of(Roles.COUNSELLOR, Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/api-keys", null, null, Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/api-keys", "application/json", "{\"name\": \"\"}", Set.of(Roles.ADMIN)),
            new Endpoint("GET", "/api/v1/api-keys/aaaaaaaaaaaaaaaa", null, null, Set.of(Roles.ADMIN)),
            new Endpoint("DELETE", "/api/v1/api-keys/aaaaaaaaaaaaaaaa", null, null, Set.of(Roles.ADMIN)),
            new Endpoint("POST", "/api/v1/cases", "application/json", "{}", COUNSELLOR),
            new Endpoint("GET", "/api/v1/cases", null, null, MEMBERS),
            new Endpoint("GET", CASE, null, null, MEMBERS),
            new Endpoint("DELETE", CASE, null, null, COUNSELLOR),
            new Endpoint("POST", CASE + "/counsellors", "application/json", "{}", COUNSELLOR),
            new Endpoint("POST", CASE + "/beneficiary-key", null, null, COUNSELLOR),
            new Endpoint("PUT", CASE + "/demand", "application/json", "{}", COUNSELLOR),
            new Endpoint("PUT", CASE + "/fit-decision", "application/json", "{}", COUNSELLOR),
            new Endpoint("POST", CASE + "/signatures", null, null, MEMBERS),
            new Endpoint("POST", CASE + "/transitions", "application/json", "{}", COUNSELLOR),
            new Endpoint("PUT", CASE + "/follow-up/early-reason", "application/json", "{}", COUNSELLOR),
            new Endpoint("POST", CASE + "/sessions", "application/json", "{}", COUNSELLOR),
            new Endpoint("GET", CASE + "/sessions", null, null, MEMBERS),
            new Endpoint("POST", CASE + "/administrations", "application/json", "{}", MEMBERS),
            new Endpoint("GET", CASE + "/administrations", null, null, MEMBERS),
            new Endpoint("GET", CASE + "/administrations/1", null, null, MEMBERS),
            new Endpoint("POST", CASE + "/administrations/1/rescore", null, null, COUNSELLOR),
            new Endpoint("GET", CASE + "/administrations/1/responses", null, null, MEMBERS),
            new Endpoint("GET", "/api/v1/satisfaction", null, null, COUNSELLOR),
            new Endpoint("GET", CASE + "/profile", null, null, MEMBERS),
            new Endpoint("GET", CASE + "/career-options", null, null, MEMBERS),
            new Endpoint("PUT", CASE + "/situation", "application/json", "{}", COUNSELLOR),
            new Endpoint("GET", CASE + "/situation", null, null, MEMBERS),
            new Endpoint("POST", CASE + "/consents", "application/json", "{}", Set.of(Roles.BENEFICIARY)),
            new Endpoint("GET", CASE + "/consents", null, null, MEMBERS),
            new Endpoint("DELETE", CASE + "/consents/1", null, null, Set.of(Roles.BENEFICIARY)),
            new Endpoint("GET", CASE + "/audit", null, null, COUNSELLOR),
            new Endpoint("POST", CASE + "/transmissions", "application/json", "{}", COUNSELLOR),
            new Endpoint("POST", CASE + "/synthesis", null, null, COUNSELLOR),
            new Endpoint("GET", CASE + "/synthesis", null, null, MEMBERS),
            new Endpoint("GET", CASE + "/synthesis/pdf", null, null, MEMBERS),
            new Endpoint("PUT", CASE + "/synthesis", "application/json", "{}", COUNSELLOR),
            new Endpoint("POST", CASE + "/synthesis/submit", null, null, COUNSELLOR),
            new Endpoint("POST", CASE + "/synthesis/approve", null, null, Set.of(Roles.BENEFICIARY)),
            new Endpoint("POST", CASE + "/synthesis/request-changes", "application/json", "{}", Set.of(Roles.BENEFICIARY)),
            new Endpoint("GET", "/api/v1/centres/centre-z", null, null, Set.of(Roles.ADMIN, Roles.COUNSELLOR)),
            new Endpoint("PUT", "/api/v1/centres/centre-z", "application/json", "{}", Set.of(Roles.ADMIN)),
            new Endpoint("POST", CASE + "/invitations", "application/json", "{}", COUNSELLOR),
            new Endpoint("GET", CASE + "/invitations", null, null, COUNSELLOR),
            new Endpoint("DELETE", CASE + "/invitations/1", null, null, COUNSELLOR),
            new Endpoint("POST", CASE + "/observations", "application/json", "{}", COUNSELLOR),
            new Endpoint("GET", CASE + "/observations", null, null, COUNSELLOR),
            new Endpoint("GET", CASE + "/observations/1", null, null, COUNSELLOR),
            new Endpoint("POST", CASE + "/observations/1/close", null, null, COUNSELLOR),
            new Endpoint("POST", CASE + "/observations/1/observers/a/link", null, null, COUNSELLOR),
            new Endpoint("DELETE", CASE + "/observations/1/observers/a", null, null, COUNSELLOR));

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void eachRoleReachesWhatItMayAndIsRefusedTheRest() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : EVERYONE) {
                Response response = endpoint.call(as(caller));
                int status = response.statusCode();
                boolean refused = status == 401 || status == 403 && !isOwnership(response);
                if (endpoint.allowed().contains(caller) == refused) {
                    wrong.add(endpoint + " as " + caller + ": " + status + " " + response.asString());
                } else if (refused && !isBareRefusal(response, caller)) {
                    wrong.add(endpoint + " as " + caller + " refused with a telling body: " + response.asString());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aRefusalReadsTheSameWhetherTheThingExistsOrNot() {
        String existing = given().contentType("application/json")
                .body("{\"name\": \"someone\", \"roles\": [\"researcher\"]}").post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("id");
        String forExisting = as(Roles.COUNSELLOR).get("/api/v1/api-keys/" + existing).then().statusCode(403)
                .extract().asString();
        String forMissing = as(Roles.COUNSELLOR).get("/api/v1/api-keys/zzzzzzzzzzzzzzzz").then().statusCode(403)
                .extract().asString();
        assertEquals(forMissing.replace("zzzzzzzzzzzzzzzz", existing), forExisting);
    }

    @Test
    void theMatrixKnowsEveryEndpointOfTheApi() {
        Set<String> documented = new LinkedHashSet<>();
        io.restassured.path.json.JsonPath openapi = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, Object>> paths = openapi.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().forEach(method ->
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        Set<String> known = new LinkedHashSet<>();
        for (Endpoint endpoint : ENDPOINTS) {
            known.add(endpoint.method() + " " + endpoint.path()
                    .replace("teamwork-styles/1.0.0", "{id}/{version}").replace("teamwork-styles", "{id}")
                    .replace("registered-nurse", "{id}").replace("aaaaaaaaaaaaaaaa", "{id}")
                    .replace("00000000-0000-0000-0000-000000000000", "{id}").replace("/administrations/1", "/administrations/{administration}")
                    .replace("/consents/1", "/consents/{consent}").replace("centre-z", "{centre}")
                    .replace("/invitations/1", "/invitations/{invitation}")
                    .replace("/observations/1", "/observations/{observation}").replace("/observers/a", "/observers/{observer}"));
        }
        documented.removeAll(known);
        assertEquals(Set.of(), documented, "endpoints missing from the access matrix");
    }

    private static RequestSpecification as(String caller) {
        RequestSpecification request = given();
        return caller.equals(ANONYMOUS) ? request.auth().none() : request.auth().oauth2(TestCallers.of(caller));
    }

    /** The ownership check of publishing is a 403 after authorization, not a refusal of the role. */
    private static boolean isOwnership(Response response) {
        return response.asString().contains("instrument-owned");
    }

    private static boolean isBareRefusal(Response response, String caller) {
        if (response.asString().isEmpty()) {
            return true; // 403s outside the API (metrics) come without a body; its 401s are problems
        }
        String expected = caller.equals(ANONYMOUS) ? "urn:bilan:problem:unauthenticated" : "urn:bilan:problem:forbidden";
        String detail = response.jsonPath().getString("detail");
        return response.contentType().startsWith("application/problem+json")
                && expected.equals(response.jsonPath().getString("type"))
                && response.jsonPath().get("errors") == null
                && !detail.contains("teamwork") && !detail.contains("registered-nurse") && !detail.contains("aaaa")
                && !detail.contains("0000");
    }
}
