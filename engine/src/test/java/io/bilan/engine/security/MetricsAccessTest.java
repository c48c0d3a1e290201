package io.bilan.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.bilan.engine.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metrics are for admins whatever the spelling of their path or the method: they are guarded by a path permission
 * (application.properties), so a spelling that reached the metrics without matching it would give them away.
 */
@QuarkusTest
class MetricsAccessTest {

    /** Spellings of the metrics' path that an admin is answered with the metrics. */
    private static final List<String> SPELLINGS = List.of("/q/metrics", "/q/metrics/", "//q/metrics", "/q//metrics",
            "/q/./metrics", "/q/x/../metrics", "/q/%6detrics", "/q/metrics/prometheus");

    @Test
    void everySpellingOfTheMetricsPathIsForAdminsOnly() {
        for (String path : SPELLINGS) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(200).body(containsString("jvm_"));
            given().urlEncodingEnabled(false).auth().none().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:bilan:problem:unauthenticated"));
            for (String role : Roles.ALL) {
                if (!role.equals(Roles.ADMIN)) {
                    given().urlEncodingEnabled(false).auth().oauth2(TestCallers.of(role)).get(path).then()
                            .statusCode(403);
                }
            }
        }
    }

    @Test
    void everyMethodIsChecked() {
        given().auth().none().head("/q/metrics").then().statusCode(401);
        given().auth().none().post("/q/metrics").then().statusCode(401);
        given().auth().oauth2(TestCallers.of(Roles.RESEARCHER)).head("/q/metrics").then().statusCode(403);
    }
}
