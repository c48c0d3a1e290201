package io.bilan.engine.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headers that keep personal data out of caches, pages out of frames, and browsers from guessing types. */
@QuarkusTest
class ResponseHeadersTest {

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void everyResponseForbidsGuessingItsType() {
        List<ValidatableResponse> responses = List.of(
                given().get("/q/health").then().statusCode(200),
                given().accept("application/json").get("/q/openapi").then().statusCode(200),
                given().get("/q/metrics").then().statusCode(200),
                given().get("/api/v1/instruments").then().statusCode(200),
                given().get("/api/v1/no-such-thing").then().statusCode(404),
                given().auth().none().get("/api/v1/cases").then().statusCode(401),
                given().get("/test-only/page").then().statusCode(200),
                given().get("/test-only/document").then().statusCode(200));
        responses.forEach(response -> response.header("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void casesKeysPagesAndDocumentsAreNeverStored() {
        given().get("/api/v1/cases").then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store");
        given().get("/api/v1/cases/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .header("Cache-Control", "no-store");
        given().contentType("application/json").body("{\"name\": \"headers\", \"roles\": [\"researcher\"]}")
                .post("/api/v1/api-keys").then().statusCode(201).header("Cache-Control", "no-store");
        given().get("/test-only/page").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/test-only/document").then().statusCode(200).contentType("application/pdf")
                .header("Cache-Control", "no-store");
    }

    @Test
    void pagesCarryAPolicyThatForbidsFramingAndForeignScripts() {
        given().get("/test-only/page").then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src 'self' 'unsafe-inline'")))
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
        // A page that sets its own, stricter policy keeps it, and is not framed either.
        given().get("/test-only/page-with-its-policy").then().statusCode(200)
                .header("Content-Security-Policy",
                        equalTo("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"));
        given().get("/q/swagger-ui/").then().statusCode(200).contentType("text/html")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/api/v1/instruments").then().header("Content-Security-Policy", nullValue());
    }

    @Test
    void metricsRefuseAnonymousCallersWithAProblem() {
        given().auth().none().get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("urn:bilan:problem:unauthenticated"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/q/metrics"));
        given().auth().oauth2("bilan_aaaaaaaaaaaaaaaa_" + "x".repeat(43)).get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:unauthenticated"));
        given().auth().oauth2(TestCallers.of(Roles.RESEARCHER)).get("/q/metrics").then().statusCode(403);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}
