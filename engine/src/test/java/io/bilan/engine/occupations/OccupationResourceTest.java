package io.bilan.engine.occupations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in occupation catalogue over HTTP: search, filters, details, languages and errors. */
@QuarkusTest
class OccupationResourceTest {

    private static final String OCCUPATIONS = "/api/v1/occupations";

    @Test
    void listsTheCatalogueAPageAtATime() {
        given().queryParam("limit", 200).get(OCCUPATIONS).then().statusCode(200).body("size()", equalTo(200))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
    }

    @Test
    void searchesTitlesInEitherLanguageIgnoringAccents() {
        given().queryParam("q", "electricien").queryParam("lang", "fr").get(OCCUPATIONS).then().statusCode(200)
                .body("title", hasItem(org.hamcrest.Matchers.startsWith("Électricien")));
        given().queryParam("q", "nurse").get(OCCUPATIONS).then().statusCode(200).body("", not(empty()));
        given().queryParam("q", "zzzz").get(OCCUPATIONS).then().statusCode(200).body("", empty());
    }

    /** What people type: a sector word, a ROME job title, a feminine form; best matches first. */
    @Test
    void searchesRomeJobTitlesSectorsAndFrenchFormsBestFirst() {
        given().queryParam("q", "santé").get(OCCUPATIONS).then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(50));
        // "Infirmier / Infirmière de secteur psychiatrique" is one of ROME's job titles of J1506
        given().queryParam("q", "infirmière secteur psychiatrique").get(OCCUPATIONS).then().statusCode(200)
                .body("id", hasItem("registered-nurse"));
        given().queryParam("q", "infirmière scolaire").get(OCCUPATIONS).then().statusCode(200)
                .body("[0].id", equalTo("school-nurse"));
        given().queryParam("q", "formatrice").queryParam("lang", "fr").get(OCCUPATIONS).then().statusCode(200)
                .body("id", hasItem("vocational-adult-trainer"))
                .body("id", hasItem("first-aid-trainer"));
        given().get(OCCUPATIONS + "/school-nurse").then().statusCode(200)
                .body("rome", equalTo(java.util.List.of("J1511")))
                .body("qualification", equalTo(6))
                .body("requires", equalTo(java.util.List.of("registered-nurse")))
                .body("conditions", equalTo(java.util.List.of("daytime-hours")))
                .body("synonyms", hasItem("Infirmier / Infirmière scolaire"))
                .body("sources.interests", org.hamcrest.Matchers.startsWith("O*NET 29.3, 29-1141.00"));
    }

    /**
     * Any of ROME's job titles finds its occupation first, as ROME writes it (long, or short with « (fe) » and
     * abbreviations) or as a counsellor types it; sdk/profile's OccupationSearchTest tries every one of them.
     */
    @Test
    void findsAnOccupationFromAnyOfItsRomeJobTitles() {
        Map<String, String> firstFound = Map.of(
                "Infirmière de bloc opératoire", "operating-room-nurse",
                "aide soignante", "nursing-assistant",
                "conducteur de bus", "bus-driver",
                "Infirmier / Infirmière de secteur psychiatrique", "registered-nurse",
                "Chef(fe) de rayon produits alimentaires hors frais", "retail-department-manager",
                "Ouvrier maraîcher / Ouvrière maraîchère", "market-gardener",
                "cadre de santé", "health-care-manager");
        firstFound.forEach((words, id) -> given().queryParam("q", words).get(OCCUPATIONS).then().statusCode(200)
                .body("[0].id", equalTo(id)));
    }

    @Test
    void filtersBySectorAndLevel() {
        given().queryParam("sector", "health").get(OCCUPATIONS).then().statusCode(200)
                .body("", not(empty())).body("sector.id", everyItem(equalTo("health")));
        given().queryParam("level", 1).get(OCCUPATIONS).then().statusCode(200)
                .body("", not(empty())).body("level", everyItem(equalTo(1)));
        given().queryParam("sector", "health").queryParam("level", 5).queryParam("lang", "fr").get(OCCUPATIONS).then()
                .statusCode(200).body("sector.label", everyItem(equalTo("Santé"))).body("level", everyItem(equalTo(5)));
    }

    @Test
    void givesOneOccupationInTheRequestedLanguage() {
        Map<String, Object> first = given().get(OCCUPATIONS).then().extract().jsonPath().getMap("[0]");
        String id = (String) first.get("id");
        given().header("Accept-Language", "fr").get(OCCUPATIONS + "/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("interests.keySet()", equalTo(java.util.Set.of("R", "I", "A", "S", "E", "C")))
                .body("hollandCode.length()", equalTo(3))
                .body("values.size()", equalTo(6))
                .body("competences", not(empty()))
                .body("routes", not(empty()));
    }

    @Test
    void badQueriesAreProblems() {
        given().queryParam("sector", "space").get(OCCUPATIONS).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("level", 7).get(OCCUPATIONS).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("level", "high").get(OCCUPATIONS).then().statusCode(400);
        given().get(OCCUPATIONS + "/no-such-job").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:occupation-not-found"));
    }
}
