package io.bilan.engine.occupations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalogue sources combine: the built-in catalogue and a centre's CSV. */
@QuarkusTest
@TestProfile(CentreCatalogueTest.WithCentreCsv.class)
class CentreCatalogueTest {

    public static class WithCentreCsv implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bilan.occupations.sources", "built-in,csv:src/test/resources/occupations/centre.csv");
        }
    }

    @Test
    void theCentresOccupationsJoinTheBuiltInOnes() {
        given().queryParam("limit", 200).get("/api/v1/occupations").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(151));
        given().queryParam("lang", "fr").get("/api/v1/occupations/bike-mechanic").then().statusCode(200)
                .body("title", equalTo("Mécanicien ou mécanicienne cycles"))
                .body("sector.id", equalTo("crafts-trades"))
                .body("hollandCode", equalTo("RCI"))
                .body("competences[0].label", equalTo("Résoudre des problèmes"))
                .body("routes[0]", equalTo("CAP maintenance des véhicules"));
    }
}
