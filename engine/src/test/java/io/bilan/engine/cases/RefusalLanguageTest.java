package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.bilan.engine.CatalogReady;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refusal speaks the caller's language (Accept-Language): its title, its detail and what each error says are in
 * French or in English; its type, status, codes and pointers are the same in both.
 */
@QuarkusTest
class RefusalLanguageTest {

    private String counsellor;
    private String id;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
        id = CaseFixtures.open(counsellor, "B-LANGUE");
    }

    @Test
    void aRuleRefusalListsWhatIsMissingInFrench() {
        given().auth().oauth2(counsellor).header("Accept-Language", "fr-FR,fr;q=0.9").contentType("application/json")
                .body("{\"to\": \"investigation\"}").post("/api/v1/cases/" + id + "/transitions").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:case-rule"))
                .body("title", equalTo("Impossible à ce stade du bilan"))
                .body("detail", equalTo("le dossier ne peut pas passer de la phase preliminary à la phase investigation : "
                        + "4 élément(s) manquant(s)"))
                .body("errors.code", contains("no-demand", "no-fit-decision", "unsigned-by-beneficiary",
                        "unsigned-by-counsellor"))
                .body("errors.message", contains("enregistrez la demande du ou de la bénéficiaire",
                        "décidez que le bilan répond à la demande", "le ou la bénéficiaire signe la convention",
                        "un conseiller ou une conseillère signe la convention"));
    }

    @Test
    void theSameRefusalInEnglishByDefaultAndForALanguageTheEngineDoesNotSpeak() {
        for (String language : new String[] {null, "de-DE", "en-GB"}) {
            var request = given().auth().oauth2(counsellor).contentType("application/json");
            if (language != null) {
                request = request.header("Accept-Language", language);
            }
            request.body("{\"to\": \"investigation\"}").post("/api/v1/cases/" + id + "/transitions").then()
                    .statusCode(409)
                    .body("title", equalTo("Not possible at this point of the bilan"))
                    .body("detail", equalTo("the case cannot move from preliminary to investigation: 4 thing(s) missing"))
                    .body("errors[0].message", equalTo("record the beneficiary's demand"));
        }
    }

    @Test
    void theFirstLanguageTheEngineSpeaksWins() {
        given().auth().oauth2(counsellor).header("Accept-Language", "de, fr;q=0.5, en;q=0.3")
                .get("/api/v1/cases/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("title", equalTo("Dossier introuvable"))
                .body("detail", equalTo("Aucun dossier de ce numéro parmi les vôtres : il n'existe pas, ou vous n'y "
                        + "travaillez pas."));
    }

    @Test
    void theNextPhaseOfACaseSaysWhatItNeedsInTheCallersLanguage() {
        given().auth().oauth2(counsellor).header("Accept-Language", "fr").get("/api/v1/cases/" + id).then()
                .statusCode(200).body("next.missing[0].message", equalTo("enregistrez la demande du ou de la bénéficiaire"));
    }

    @Test
    void aValueOutsideAClosedSetIsRefusedInFrenchWithTheValuesTheFieldTakes() {
        given().auth().oauth2(counsellor).header("Accept-Language", "fr").contentType("application/json")
                .body("{\"decision\": \"peut-être\"}").put("/api/v1/cases/" + id + "/fit-decision").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Requête invalide"))
                .body("detail", equalTo("La requête contient une valeur que ce champ ne prend pas."))
                .body("errors[0].code", equalTo("invalid-decision"))
                .body("errors[0].pointer", equalTo("/decision"))
                .body("errors[0].message", equalTo("« peut-être » n'est pas une des valeurs que prend ce champ : "
                        + "fit, redirect"));
        given().auth().oauth2(counsellor).header("Accept-Language", "fr").contentType("application/json")
                .body("{\"to\": 3}").post("/api/v1/cases/" + id + "/transitions").then()
                .statusCode(400).body("errors[0].code", equalTo("unknown-phase"))
                .body("errors[0].message", equalTo("pas une des valeurs que prend ce champ : "
                        + "preliminary, investigation, conclusion, follow-up, closed"));
    }

    @Test
    void theHttpLayersRefusalsSpeakFrenchToo() {
        given().header("Accept-Language", "fr").get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Il n'y a rien à ce chemin. Les chemins de l'API sont listés dans son document, "
                        + "/q/openapi."));
        given().auth().oauth2(counsellor).header("Accept-Language", "fr").contentType("application/json")
                .body("{\"demand\": \"" + "x".repeat(2_000_000) + "\"}").put("/api/v1/cases/" + id + "/demand").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:body-too-large"))
                .body("detail", org.hamcrest.Matchers.matchesPattern("Le corps fait \\d+ octets ; ce point d'accès en "
                        + "prend au plus \\d+\\."));
    }

    @Test
    void aBodyBreakingTheRulesIsRefusedInFrenchToo() {
        given().auth().oauth2(counsellor).header("Accept-Language", "fr").contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 0, \"activities\": \"Entretien\"}")
                .post("/api/v1/cases/" + id + "/sessions").then().statusCode(400)
                .body("title", equalTo("Requête invalide"))
                .body("detail", equalTo("La requête enfreint 1 règle(s) de l'API."))
                .body("errors[0].pointer", equalTo("/minutes"))
                .body("errors[0].message", equalTo("un entretien a une date et dure de 1 à 1440 minutes"));
    }
}
