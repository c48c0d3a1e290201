package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invitation links as the API makes them: single-use, expiring, revocable, opening a strict session cookie. */
@QuarkusTest
class InvitationLinksTest {

    @Inject
    TestClock clock;

    private String counsellor;
    private String caseId;

    @BeforeEach
    void aCase() throws InterruptedException {
        CatalogReady.await();
        counsellor = TestCallers.of(Roles.COUNSELLOR);
        caseId = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-LINKS\"}").post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    private String invite(String body) {
        return given().auth().oauth2(counsellor).contentType("application/json").body(body)
                .post("/api/v1/cases/" + caseId + "/invitations").then().statusCode(201)
                .body("status", equalTo("pending")).body("link", startsWith("/i/")).extract().path("link");
    }

    private Response open(String link) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(link);
    }

    @Test
    void aLinkOpensOnceWithAStrictCookie() {
        String link = invite("{\"instrument\": \"preliminary-interview\"}");
        given().get(link).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("form method=\"post\" action=\"" + link + "\""));
        Response opened = open(link);
        assertEquals(303, opened.statusCode());
        assertTrue(opened.header("Location").contains("/my/answer/"), opened.header("Location"));
        String cookie = opened.header("Set-Cookie");
        assertTrue(cookie.startsWith("bilan_session="), cookie);
        for (String flag : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/")) {
            assertTrue(cookie.contains(flag), cookie + " has " + flag);
        }
        assertEquals(410, open(link).statusCode(), "used");
        given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/invitations").then().statusCode(200)
                .body("[0].status", equalTo("opened")).body("[0].link", equalTo(null));
    }

    @Test
    void aRevokedOrExpiredLinkOpensNothingAndAnUnknownOneIsNotFound() {
        String revoked = invite("{\"instrument\": \"preliminary-interview\"}");
        String id = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/invitations").then()
                .extract().path("[0].id");
        given().auth().oauth2(counsellor).delete("/api/v1/cases/" + caseId + "/invitations/" + id).then()
                .statusCode(200).body("status", equalTo("revoked"));
        assertEquals(410, open(revoked).statusCode());
        given().get(revoked).then().statusCode(410);

        String expiring = invite("{\"instrument\": \"preliminary-interview\", \"expiresInDays\": 1}");
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(410, open(expiring).statusCode());
        assertEquals(404, open("/i/not-a-token-we-ever-gave-out-0000000000").statusCode());
    }

    @Test
    void onlyTheCaseCounsellorsInviteAndOnlyQuestionnairesAndTestsOfThePhase() {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"instrument\": \"roleplay-client-conflict\"}")
                .post("/api/v1/cases/" + caseId + "/invitations").then().statusCode(409)
                .body("errors[0].code", equalTo("observation-grid-not-invited"));
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"instrument\": \"riasec-interests\"}")
                .post("/api/v1/cases/" + caseId + "/invitations").then().statusCode(409)
                .body("errors[0].code", equalTo("instrument-not-in-phase"));
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"instrument\": \"preliminary-interview\", \"expiresInDays\": 91}")
                .post("/api/v1/cases/" + caseId + "/invitations").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/expiresInDays"));
        given().auth().oauth2(TestCallers.of(Roles.COUNSELLOR, "centre-b")).contentType("application/json")
                .body("{\"instrument\": \"preliminary-interview\"}").post("/api/v1/cases/" + caseId + "/invitations")
                .then().statusCode(404);
    }
}
