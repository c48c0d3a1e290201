package io.bilan.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys and identity providers' tokens: what lets a caller in, and what does not. */
@QuarkusTest
class AuthenticationTest {

    private static final String SCORE = "/api/v1/instruments/teamwork-styles/1.0.0/score";
    private static final String ANSWERS = "{\"answers\": {\"coord1\": 5, \"coord2\": 5, \"coord3\": 1, \"coord4\": 5}}";

    @Inject
    TestClock clock;

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void aKeyIsShownOnceAndOnlyItsHashIsStored() {
        // The listing's first page holds the newest keys: other tests set the shared clock back.
        clock.moveAfterEveryApiKey();
        String key = given().contentType("application/json")
                .body("{\"name\": \"Camille Roux\", \"roles\": [\"counsellor\"], \"centre\": \"cibc-lyon\"}")
                .post("/api/v1/api-keys").then().statusCode(201)
                .body("roles", equalTo(List.of("counsellor")))
                .body("centre", equalTo("cibc-lyon"))
                .body("key", containsString("bilan_"))
                .extract().path("key");
        String id = key.substring("bilan_".length(), "bilan_".length() + 16);
        given().get("/api/v1/api-keys").then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.key", nullValue())
                .body(not(containsString(key.substring(23))));
        ApiKeyRecord stored = QuarkusTransaction.requiringNew().call(() -> ApiKeyRecord.findById(id));
        String secret = key.substring(23);
        assertFalse(stored.secretHash.contains(secret) || secret.contains(stored.secretHash));
        assertEquals(64, stored.secretHash.length());

        given().auth().oauth2(key).contentType("application/json").body(ANSWERS).post(SCORE).then().statusCode(200);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String key = createKey("{\"name\": \"leaving\", \"roles\": [\"researcher\"]}");
        given().auth().oauth2(key).contentType("application/json").body(ANSWERS).post(SCORE).then().statusCode(200);
        String id = key.substring(6, 22);
        given().delete("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", not(nullValue()))
                .body("revokedBy", containsString("key:"));
        given().auth().oauth2(key).contentType("application/json").body(ANSWERS).post(SCORE).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:bilan:problem:unauthenticated"));
    }

    @Test
    void forgedMalformedAndUnknownKeysAreRefusedAlike() {
        String real = TestCallers.of(Roles.RESEARCHER);
        String forged = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
        Set<String> bodies = new java.util.HashSet<>();
        for (String token : List.of(forged, "bilan_", "bilan_aaaaaaaaaaaaaaaa_" + "x".repeat(43), "bilan_../../etc",
                "not-a-token", "bilan_" + "a".repeat(5000))) {
            bodies.add(given().auth().oauth2(token).contentType("application/json").body(ANSWERS).post(SCORE).then()
                    .statusCode(401).body("type", equalTo("urn:bilan:problem:unauthenticated")).extract().asString());
        }
        assertEquals(1, bodies.size(), "every refusal reads the same: " + bodies);
    }

    @Test
    void keyRequestsAreCheckedWithPointersToWhatIsWrong() {
        given().contentType("application/json").body("{\"name\": \"\", \"roles\": [\"counsellor\", \"root\"]}")
                .post("/api/v1/api-keys").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("errors.pointer", hasItems("/name", "/roles/1", "/centre"))
                .body("errors.code", hasItems("invalid-name", "unknown-role", "missing-centre"));
        given().contentType("application/json").body("{\"name\": \"x\", \"roles\": [\"counsellor\"], \"centre\": \"../b\"}")
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.pointer", hasItem("/centre"));
    }

    @Test
    void aTokenOfTheCentresIdentityProviderCarriesRolesAndCentre() {
        String token = Jwt.issuer("https://idp.bilan.test").subject("camille.roux").groups(Set.of("counsellor"))
                .claim("centre", "cibc-lyon").expiresIn(300).sign();
        given().auth().oauth2(token).contentType("application/json").body(ANSWERS).post(SCORE).then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/api-keys").then().statusCode(403)
                .body("type", equalTo("urn:bilan:problem:forbidden"));
    }

    @Test
    void tokensFromElsewhereExpiredOrWithoutRolesAreRefused() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String foreign = Jwt.issuer("https://idp.bilan.test").subject("mallory").groups(Set.of("admin")).sign(otherKey);
        String wrongIssuer = Jwt.issuer("https://elsewhere.test").subject("mallory").groups(Set.of("admin")).sign();
        String expired = Jwt.issuer("https://idp.bilan.test").subject("camille").groups(Set.of("counsellor"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        for (String token : List.of(foreign, wrongIssuer, expired)) {
            given().auth().oauth2(token).contentType("application/json").body(ANSWERS).post(SCORE).then()
                    .statusCode(401).body("type", equalTo("urn:bilan:problem:unauthenticated"));
        }
        String noRoles = Jwt.issuer("https://idp.bilan.test").subject("camille").sign();
        given().auth().oauth2(noRoles).contentType("application/json").body(ANSWERS).post(SCORE).then().statusCode(403);
    }

    /** A key created through the API, as an admin would. */
    private static String createKey(String request) {
        return given().contentType("application/json").body(request).post("/api/v1/api-keys").then()
                .statusCode(201).extract().path("key");
    }
}
