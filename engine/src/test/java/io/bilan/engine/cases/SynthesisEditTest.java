package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counsellor owns the text of the synthesis: every section can be rewritten and is kept when the document is
 * drafted again; the options are the ones they retained, with the reason; the demand's free text stays out unless
 * they ask for it; a field the edit does not take is refused, never ignored.
 */
@QuarkusTest
class SynthesisEditTest {

    private static final String DEMAND = "Mi-temps thérapeutique après un épuisement professionnel ; veut quitter l'hôpital.";

    /** An edit of every section, with the texts read back below. */
    private static final String EVERY_SECTION = """
            {"circumstances": "Bilan demandé par Mme Roux pour préparer une reconversion.\\n\\nSix séances.",
             "favourable": ["Quarante étudiants tutorés : transmettre est déjà son métier."],
             "unfavourable": ["Le financement de la formation reste à trouver.", "Peu d'expérience de l'animation de groupes."],
             "competences": [{"label": "Transmettre ses savoirs", "level": 0.9, "note": "observée en tutorat"},
                             {"label": "Animer un groupe", "level": 0.4}],
             "options": [{"occupation": "vocational-adult-trainer", "reason": "Son projet : former des adultes au soin."},
                         {"title": "Tutrice en IFSI", "reason": "Une étape vers la formation, près de ce qu'elle connaît."}],
             "roadmap": [{"title": "Suivre le titre professionnel de formateur d'adultes", "detail": "Neuf mois, en 2027‑2028."},
                         {"title": "Animer un premier module en IFSI"}],
             "conclusion": "Le projet de formatrice est réaliste."}
            """;

    private String counsellor;
    private String beneficiary;
    private String id;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        TestCallers.useStaffByDefault();
        counsellor = CaseFixtures.counsellor();
        id = CaseFixtures.open(counsellor, "B-EDIT");
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"demand\": \"" + DEMAND + "\"}")
                .put(at("/demand")).then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put(at("/fit-decision")).then().statusCode(200);
        beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        given().auth().oauth2(beneficiary).post(at("/signatures")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(at("/signatures")).then().statusCode(200);
        moveTo("investigation");
        for (String instrument : List.of("riasec-interests", "work-values", "transversal-competences")) {
            given().auth().oauth2(beneficiary).contentType("application/json")
                    .body(administration(instrument, "typical-profile.json")).post(at("/administrations")).then()
                    .statusCode(201);
        }
        moveTo("conclusion");
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"2026-11-20\", \"minutes\": 60, \"activities\": \"Restitution de la synthèse\"}")
                .post(at("/sessions")).then().statusCode(201);
    }

    private String at(String rest) {
        return "/api/v1/cases/" + id + rest;
    }

    private void moveTo(String phase) {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"" + phase + "\"}")
                .post(at("/transitions")).then().statusCode(200);
    }

    private JsonPath draft(String query) {
        return given().auth().oauth2(counsellor).post(at("/synthesis" + query)).then().statusCode(200)
                .body("status", equalTo("draft")).extract().jsonPath();
    }

    private Response edit(String body) {
        return given().auth().oauth2(counsellor).contentType("application/json").body(body).put(at("/synthesis"));
    }

    private JsonPath read() {
        return given().auth().oauth2(counsellor).get(at("/synthesis")).then().statusCode(200).extract().jsonPath();
    }

    private String html() {
        return given().auth().oauth2(counsellor).accept("text/html").get(at("/synthesis")).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void theDemandStaysOutOfTheDraftUnlessTheCounsellorAsksForIt() {
        JsonPath draft = draft("?lang=fr&target=vocational-adult-trainer");
        assertEquals(null, draft.getString("synthesis.circumstances"));
        String page = html();
        assertTrue(page.contains("Les circonstances du bilan n&#39;ont pas encore été rédigées."), page);
        assertFalse(page.contains("épuisement"), "the demand reached the document");

        JsonPath withDemand = draft("?lang=fr&target=vocational-adult-trainer&includeDemand=true");
        assertEquals("Demande exprimée lors de l'entretien préliminaire : " + DEMAND,
                withDemand.getString("synthesis.circumstances"));
        // Chosen by the counsellor, the demand is now theirs: drafting again keeps it.
        assertEquals(withDemand.getString("synthesis.circumstances"),
                draft("?lang=fr&target=vocational-adult-trainer").getString("synthesis.circumstances"));
    }

    @Test
    void theDraftRetainsNoOptionTheCounsellorDidNotChoose() {
        JsonPath draft = draft("?lang=fr&target=registered-nurse");
        assertEquals(List.of(), draft.getList("synthesis.options"));
        assertFalse(html().contains("Pistes retenues"));
    }

    /** The project's fit is a band in words, never a percentage. */
    @Test
    void theProjectsFitIsABandInWords() {
        JsonPath draft = draft("?lang=fr&target=registered-nurse");
        String fit = draft.getString("synthesis.project.fit");
        assertTrue(fit.matches("(forte|bonne|partielle|faible|non évaluable) — .+"), fit);
        assertFalse(html().contains("%</dd>"), "no percentage for the project");
    }

    @Test
    void everySectionIsEditedReadBackAndKeptWhenDraftingAgain() {
        draft("?lang=fr&target=vocational-adult-trainer");
        edit(EVERY_SECTION).then().statusCode(200).body("revision", equalTo(2)).body("status", equalTo("draft"));

        for (JsonPath document : List.of(read(), draft("?lang=fr&target=vocational-adult-trainer"))) {
            assertEquals("Bilan demandé par Mme Roux pour préparer une reconversion.\n\nSix séances.",
                    document.getString("synthesis.circumstances"));
            assertEquals(List.of("Quarante étudiants tutorés : transmettre est déjà son métier."),
                    document.getList("synthesis.favourable"));
            assertEquals(List.of("Le financement de la formation reste à trouver.",
                    "Peu d'expérience de l'animation de groupes."), document.getList("synthesis.unfavourable"));
            assertEquals(List.of("Transmettre ses savoirs", "Animer un groupe"), document.getList("synthesis.competences.label"));
            assertEquals(List.of(0.9f, 0.4f), document.getList("synthesis.competences.level"));
            assertEquals(java.util.Arrays.asList("observée en tutorat", null), document.getList("synthesis.competences.note"));
            // An occupation of the catalogue brings its title and sector; another option is named by the counsellor.
            assertEquals(List.of("vocational-adult-trainer", "Formateur professionnel ou formatrice professionnelle d'adultes",
                    "Enseignement et formation", "Son projet : former des adultes au soin."), List.of(
                    document.getString("synthesis.options[0].occupation"), document.getString("synthesis.options[0].title"),
                    document.getString("synthesis.options[0].sector"), document.getString("synthesis.options[0].reason")));
            assertNull(document.get("synthesis.options[0].fit"));
            assertEquals(List.of("Tutrice en IFSI", "Une étape vers la formation, près de ce qu'elle connaît."),
                    List.of(document.getString("synthesis.options[1].title"), document.getString("synthesis.options[1].reason")));
            assertNull(document.get("synthesis.options[1].occupation"));
            assertEquals(List.of("Suivre le titre professionnel de formateur d'adultes", "Animer un premier module en IFSI"),
                    document.getList("synthesis.roadmap.title"));
            assertEquals("Neuf mois, en 2027‑2028.", document.getString("synthesis.roadmap[0].detail"));
            assertEquals("Le projet de formatrice est réaliste.", document.getString("synthesis.conclusion"));
        }
        assertEquals(3, read().getInt("revision"));

        String page = html();
        for (String text : List.of("Bilan demandé par Mme Roux", "Quarante étudiants tutorés",
                "Le financement de la formation reste à trouver.", "Transmettre ses savoirs", "observée en tutorat",
                "Animer un groupe", "<h2>Pistes retenues</h2>", "Formateur professionnel ou formatrice professionnelle",
                "Son projet : former des adultes au soin.", "Tutrice en IFSI", "Animer un premier module en IFSI",
                "Neuf mois, en 2027‑2028.", "Le projet de formatrice est réaliste.")) {
            assertTrue(page.contains(text.replace("'", "&#39;")), text);
        }
        given().auth().oauth2(counsellor).get(at("/audit")).then().statusCode(200).body("detail", hasItem(
                "revision 2: circumstances, favourable, unfavourable, competences, options, roadmap, conclusion"));
    }

    @Test
    void aSectionNotWrittenIsDraftedAgainAndAWrittenOneIsNot() {
        JsonPath nurse = draft("?lang=fr&target=registered-nurse");
        edit("{\"unfavourable\": [\"Les horaires de nuit ne lui conviennent plus.\"]}").then().statusCode(200);

        JsonPath trainer = draft("?lang=fr&target=vocational-adult-trainer");
        assertEquals(List.of("Les horaires de nuit ne lui conviennent plus."), trainer.getList("synthesis.unfavourable"));
        // The competences were not written: they follow the new project.
        assertNotEquals(nurse.getList("synthesis.competences.label"), trainer.getList("synthesis.competences.label"));
        assertEquals(trainer.getList("synthesis.competences.label"),
                draft("?lang=fr&target=vocational-adult-trainer").getList("synthesis.competences.label"));
    }

    @Test
    void emptyingASectionIsKeptToo() {
        JsonPath nurse = draft("?lang=fr&target=registered-nurse");
        assertFalse(nurse.getList("synthesis.roadmap").isEmpty(), "the project's draft has stages");
        edit("{\"roadmap\": []}").then().statusCode(200).body("synthesis.roadmap", empty());
        draft("?lang=fr&target=registered-nurse");
        assertEquals(List.of(), read().getList("synthesis.roadmap"));
    }

    @Test
    void aFieldTheEditDoesNotTakeIsRefusedAndNothingChanges() {
        draft("?lang=fr");
        for (String field : List.of("colour", "status", "revision", "digest", "changeRequest", "synthesis", "approval",
                "project", "language")) {
            edit("{\"conclusion\": \"changed\", \"" + field + "\": \"approved\"}").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:bilan:problem:invalid-request"))
                    .body("errors", hasSize(1))
                    .body("errors[0].pointer", equalTo("/" + field))
                    .body("errors[0].code", equalTo("unknown-field"))
                    .body("errors[0].message", containsString("\"" + field + "\""));
        }
        edit("{\"roadmap\": [{\"title\": \"Se former\", \"when\": \"2027\"}]}").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/roadmap/0/when"));
        edit("{\"options\": [{\"occupation\": \"home-care-worker\", \"reason\": \"Proche.\", \"fit\": 0.9}]}").then()
                .statusCode(400).body("errors[0].pointer", equalTo("/options/0/fit"));
        JsonPath after = read();
        assertEquals(1, after.getInt("revision"));
        assertEquals(null, after.getString("synthesis.conclusion"));
        assertEquals(List.of(), after.getList("synthesis.options"));
    }

    @Test
    void anInvalidSectionIsRefusedWithAPointer() {
        draft("?lang=fr");
        refused(edit("{\"options\": [{\"occupation\": \"home-care-worker\"}]}"), "/options/0/reason", "not-null");
        refused(edit("{\"options\": [{\"reason\": \"Une piste.\"}]}"), "/options/0/title", "missing-title");
        refused(edit("{\"options\": [{\"occupation\": \"astronaut\", \"reason\": \"Un rêve.\"}]}"),
                "/options/0/occupation", "unknown-occupation");
        refused(edit("{\"options\": [{\"title\": \"Tutrice\", \"reason\": \"  \"}]}"), "/options/0/reason", "written");
        refused(edit("{\"competences\": [{\"label\": \"Écoute\", \"level\": 1.5}]}"), "/competences/0/level", "decimal-max");
        refused(edit("{\"competences\": [{\"label\": \"Écoute\"}]}"), "/competences/0/level", "not-null");
        refused(edit("{\"favourable\": [\"Motivée\", null]}"), "/favourable/1", "not-null");
        refused(edit("{\"unfavourable\": [\" \"]}"), "/unfavourable/0", "written");
        refused(edit("{\"roadmap\": [{\"title\": \"\"}]}"), "/roadmap/0/title", "written");
        refused(edit("{\"conclusion\": \"" + "x".repeat(20_001) + "\"}"), "/conclusion", "size");
        refused(edit("{\"favourable\": [\"" + "x".repeat(2001) + "\"]}"), "/favourable/0", "size");
        assertEquals(1, read().getInt("revision"));
    }

    private static void refused(Response response, String pointer, String code) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-request"))
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo(pointer))
                .body("errors[0].code", equalTo(code));
    }

    @Test
    void aSubmittedOrApprovedSynthesisIsNotEdited() {
        draft("?lang=fr");
        edit("{\"options\": [{\"occupation\": \"home-care-worker\", \"reason\": \"Proche de ce qu'elle aime.\"}]}")
                .then().statusCode(200).body("synthesis.options.title", contains("Aide à domicile"));
        given().auth().oauth2(counsellor).post(at("/synthesis/submit")).then().statusCode(200);
        edit("{\"favourable\": [\"Motivée\"]}").then().statusCode(409)
                .body("errors[0].code", equalTo("synthesis-submitted"));
        given().auth().oauth2(beneficiary).post(at("/synthesis/approve")).then().statusCode(200);
        edit("{\"options\": []}").then().statusCode(409).body("errors[0].code", equalTo("synthesis-approved"));
        JsonPath approved = read();
        assertEquals(List.of(), approved.getList("synthesis.favourable"));
        assertEquals(List.of("Aide à domicile"), approved.getList("synthesis.options.title"));
        assertEquals("Proche de ce qu'elle aime.", approved.getString("synthesis.options[0].reason"));
        assertTrue(approved.getString("digest").startsWith("sha256:"));
        assertNull(approved.get("changeRequest"));
        assertNotNull(approved.get("synthesis.approval"));
        given().auth().oauth2(counsellor).get(at("/synthesis")).then().body("synthesis.options[0].fit", nullValue())
                .body("synthesis.options[0].sector", not(equalTo(null)));
    }
}
