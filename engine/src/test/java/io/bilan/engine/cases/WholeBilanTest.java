package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.engine.CatalogReady;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole bilan through the API, as a centre runs it: the preliminary interview and the contract, the
 * investigation with questionnaires and an observed role play, the conclusion with its synthesis document —
 * changes asked for, then approved — and the follow-up months later, until the case is closed.
 */
@QuarkusTest
class WholeBilanTest {

    private String counsellor;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
    }

    private String at(String id, String rest) {
        return "/api/v1/cases/" + id + rest;
    }

    private void administer(String key, String id, String instrument, String fixture) {
        given().auth().oauth2(key).contentType("application/json").body(administration(instrument, fixture))
                .post(at(id, "/administrations")).then().statusCode(201);
    }

    private void session(String id, String date, int minutes, String activities) {
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"" + date + "\", \"minutes\": " + minutes + ", \"activities\": \"" + activities + "\"}")
                .post(at(id, "/sessions")).then().statusCode(201);
    }

    private void moveTo(String id, String phase) {
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"" + phase + "\"}")
                .post(at(id, "/transitions")).then().statusCode(200).body("phase", equalTo(phase));
    }

    @Test
    void fromTheFirstInterviewToTheFollowUp() throws Exception {
        // Preliminary phase: the demand, the interview's decision, the contract signed by both.
        String id = CaseFixtures.open(counsellor, "B-2026-0142");
        session(id, "2026-09-01", 90, "Entretien préliminaire");
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"demand\": \"Quitter la vente pour un métier du soin\"}").put(at(id, "/demand")).then()
                .statusCode(200);
        long interview = given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("preliminary-interview", "typical-proceed.json")).post(at(id, "/administrations"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"administration\": " + interview + "}")
                .put(at(id, "/fit-decision")).then().statusCode(200).body("fit.decision", equalTo("fit"));
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        given().auth().oauth2(beneficiary).post(at(id, "/signatures")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(at(id, "/signatures")).then().statusCode(200);
        moveTo(id, "investigation");

        // Investigation: the beneficiary answers questionnaires, the counsellor observes a role play.
        administer(beneficiary, id, "riasec-interests", "typical-profile.json");
        administer(beneficiary, id, "work-values", "typical-profile.json");
        administer(beneficiary, id, "transversal-competences", "typical-profile.json");
        administer(counsellor, id, "roleplay-client-conflict", "three-observers-agreement.json");
        session(id, "2026-09-15", 180, "Questionnaires et mise en situation");
        session(id, "2026-10-01", 120, "Enquête métier et entretien");
        given().auth().oauth2(beneficiary).get(at(id, "/profile")).then().statusCode(200)
                .body("interests.hollandCode", notNullValue())
                .body("values.ranked", hasSize(6));
        moveTo(id, "conclusion");

        // Conclusion: the synthesis is drafted, edited, submitted, sent back, edited again and approved.
        given().auth().oauth2(counsellor).post(at(id, "/synthesis?lang=fr&target=registered-nurse")).then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("synthesis.project.title", notNullValue())
                .body("synthesis.interests", hasSize(6))
                // The areas and values are named as the vocabulary's enums name them, areas in hexagon order.
                .body("synthesis.interests.label",
                        equalTo(java.util.stream.Stream.of(RiasecArea.values()).map(a -> a.label("fr")).toList()))
                .body("synthesis.values.label", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.in(
                        java.util.stream.Stream.of(WorkValue.values()).map(v -> v.label("fr")).toList())))
                .body("synthesis.values", hasSize(6))
                .body("synthesis.roadmap.size()", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"circumstances\": \"Bilan demandé après dix ans de vente en magasin.\", "
                        + "\"conclusion\": \"Le projet d'infirmière est réaliste, sous réserve de la formation.\"}")
                .put(at(id, "/synthesis")).then().statusCode(200).body("revision", equalTo(2));
        given().auth().oauth2(beneficiary).post(at(id, "/synthesis/approve")).then().statusCode(409)
                .body("errors[0].code", equalTo("not-submitted"));
        given().auth().oauth2(counsellor).post(at(id, "/synthesis/submit")).then().statusCode(200)
                .body("status", equalTo("submitted"));
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"comment\": \"Merci d'ajouter la piste d'aide-soignante.\"}")
                .post(at(id, "/synthesis/request-changes")).then().statusCode(200)
                .body("status", equalTo("changes-requested"))
                .body("changeRequest", startsWith("Merci"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"conclusion\": \"Deux pistes : infirmière, ou aide-soignante d'abord.\"}")
                .put(at(id, "/synthesis")).then().statusCode(200).body("status", equalTo("draft"));
        given().auth().oauth2(counsellor).post(at(id, "/synthesis/submit")).then().statusCode(200);
        // Approved once gone through together: a conclusion session is logged first.
        given().auth().oauth2(beneficiary).post(at(id, "/synthesis/approve")).then().statusCode(409)
                .body("errors[0].code", equalTo("no-conclusion-session"));
        session(id, "2026-10-15", 60, "Restitution de la synthèse");
        String digest = given().auth().oauth2(beneficiary).post(at(id, "/synthesis/approve")).then().statusCode(200)
                .body("status", equalTo("approved"))
                .body("synthesis.approval.digest", startsWith("sha256:"))
                .extract().path("digest");
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"conclusion\": \"changed\"}")
                .put(at(id, "/synthesis")).then().statusCode(409).body("errors[0].code", equalTo("synthesis-approved"));
        given().auth().oauth2(counsellor).post(at(id, "/synthesis?lang=fr")).then().statusCode(409);

        // The document as the beneficiary takes it home: an HTML page and a PDF.
        given().auth().oauth2(beneficiary).accept("text/html").get(at(id, "/synthesis")).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("Deux pistes : infirmière, ou aide-soignante"))
                .body(containsString("<svg"));
        byte[] pdf = given().auth().oauth2(beneficiary).accept("application/pdf").get(at(id, "/synthesis")).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("B-2026-0142"), text);
            assertTrue(text.contains("Deux pistes"), text);
            assertTrue(text.contains(digest.substring(0, 20)) || text.replace("\n", "").contains(digest), text);
        }
        given().auth().oauth2(beneficiary).get(at(id, "/synthesis")).then().statusCode(200)
                .contentType(startsWith("application/json")).body("digest", equalTo(digest));

        // The beneficiary lets the centre send the approved synthesis to a training body.
        long consent = given().auth().oauth2(beneficiary).contentType("application/json")
                .body("{\"recipient\": \"IFSI de Lyon\", \"shared\": [\"synthesis\"], \"purpose\": \"Dossier d'admission\"}")
                .post(at(id, "/consents")).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"consent\": " + consent + ", \"parts\": [\"synthesis\"]}").post(at(id, "/transmissions"))
                .then().statusCode(200).body("synthesis.approval.digest", equalTo(digest));

        // Follow-up, six months on by default, then the case is closed.
        moveTo(id, "follow-up");
        given().auth().oauth2(counsellor).get(at(id, "")).then().body("next.missing.code", hasItem("no-follow-up"));
        administer(beneficiary, id, "follow-up", "typical-under-way.json");
        // Held today, months before it is due: the case closes only once a counsellor records why.
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"closed\"}")
                .post(at(id, "/transitions")).then().statusCode(409)
                .body("errors.code", equalTo(List.of("follow-up-early")));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"reason\": \"Elle entre en formation et a demandé le suivi avant.\"}")
                .put(at(id, "/follow-up/early-reason")).then().statusCode(200)
                .body("earlyFollowUp.reason", startsWith("Elle entre"));
        moveTo(id, "closed");
        given().auth().oauth2(counsellor).get(at(id, "")).then().statusCode(200)
                .body("closedAt", notNullValue())
                .body("hours.minutesUsed", equalTo(450))
                .body("next", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(counsellor).get(at(id, "/audit")).then()
                .body("action", hasItem("synthesis-approved"))
                .body("action", not(hasItem("nothing")));
        assertEquals(5, given().auth().oauth2(counsellor).get(at(id, "/administrations")).then().extract()
                .jsonPath().getList("$").size() - 1, "five administrations besides the preliminary interview");
    }
}
