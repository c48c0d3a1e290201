package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.bilan.engine.web.StaffSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The document a centre hands over: the centre's identity and signature blocks as an admin set them, the sessions
 * and instruments with their dates, what was not assessed, who owns the results; the beneficiary's name on their own
 * copy only. The nurse of the report: 45, after a burn-out, who wants to train adults.
 */
@QuarkusTest
class SynthesisHandoverTest {

    private static final String NAME = "Élodie Nguyễn‑Łukasz";
    private static final String PUNCTUATION = "2027‑2028 – ≥ 4 ans → œuvre « formatrice » 300 €";

    private String admin;
    private String counsellor;
    private String counsellorSubject;
    private String beneficiary;
    private String id;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        admin = TestCallers.of(Roles.ADMIN);
        counsellor = CaseFixtures.counsellor();
        id = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-2026-0142\", \"name\": \"" + NAME + "\"}")
                .post("/api/v1/cases").then().statusCode(201).body("name", equalTo(NAME)).extract().path("id");
        counsellorSubject = given().auth().oauth2(counsellor).get(at("")).then().extract().path("counsellors[0]");
        given().auth().oauth2(admin).contentType("application/json").body("""
                {"name": "Cœur d’Azur – « Bilans » SARL", "address": "12 rue de l’Œuvre\\n69002 Lyon",
                 "declarationNumber": "84 69 12345 69",
                 "certification": "Qualiopi — actions de bilan de compétences, certificat n° QA‑2026‑017",
                 "counsellors": [{"counsellor": "%s", "name": "Ștefan Łukasiewicz",
                                  "function": "Conseiller en bilan de compétences"}]}
                """.formatted(counsellorSubject)).put("/api/v1/centres/" + TestCallers.CENTRE).then().statusCode(200)
                .body("counsellors[0].name", equalTo("Ștefan Łukasiewicz"));

        session("2026-09-01", 90, "Entretien préliminaire");
        beneficiary = CaseFixtures.intoInvestigation(counsellor, id);
        for (String instrument : List.of("riasec-interests", "work-values", "transversal-competences")) {
            given().auth().oauth2(beneficiary).contentType("application/json")
                    .body(administration(instrument, "typical-profile.json")).post(at("/administrations")).then()
                    .statusCode(201);
        }
        session("2026-09-15", 180, "Questionnaires");
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post(at("/transitions")).then().statusCode(200);
        session("2026-10-15", 60, "Restitution");
    }

    @Test
    void theDraftNamesTheCentreItsCounsellorTheSessionsTheInstrumentsAndWhatWasNotAssessed() {
        JsonPath draft = given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr&target=vocational-adult-trainer"))
                .then().statusCode(200).extract().jsonPath();

        assertEquals("B-2026-0142", draft.getString("synthesis.beneficiary.name"), "the counsellor reads the pseudonym");
        assertEquals("Cœur d’Azur – « Bilans » SARL", draft.getString("synthesis.beneficiary.centre"));
        assertEquals(List.of("Ștefan Łukasiewicz"), draft.getList("synthesis.counsellors"));
        assertEquals("84 69 12345 69", draft.getString("synthesis.handover.centre.declarationNumber"));
        assertEquals(List.of("Conseiller en bilan de compétences"), draft.getList("synthesis.handover.signatories.function"));
        assertEquals(List.of("2026-09-01", "2026-09-15", "2026-10-15"), draft.getList("synthesis.handover.sessions.on"));
        assertEquals(List.of(90, 180, 60), draft.getList("synthesis.handover.sessions.minutes"));
        assertEquals(List.of("phase préliminaire", "phase d'investigation", "phase de conclusion"),
                draft.getList("synthesis.handover.sessions.phase"));
        List<String> references = draft.getList("synthesis.handover.methods.reference");
        assertEquals(3, references.size(), references.toString());
        assertTrue(references.getFirst().startsWith("riasec-interests@"), references.toString());
        assertTrue(references.get(2).startsWith("transversal-competences@"), references.toString());
        List<String> notAssessed = draft.getList("synthesis.handover.notAssessed");
        assertTrue(notAssessed.contains("Les aptitudes : aucun test d'aptitude n'a été passé."), notAssessed.toString());
        assertTrue(notAssessed.getLast().startsWith("Un bilan de compétences n'est ni un diagnostic médical"),
                notAssessed.toString());
    }

    @Test
    void aCounsellorWithAnAccountAndNoSignatureBlockIsNamedByTheAccount() {
        StaffSignIn.Account camille = StaffSignIn.account(TestCallers.CENTRE, Roles.COUNSELLOR);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"counsellor\": \"" + camille.subject() + "\"}").post(at("/counsellors")).then().statusCode(200);
        JsonPath draft = given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Ștefan Łukasiewicz", camille.name()), draft.getList("synthesis.counsellors"));
    }

    @Test
    void whatWasNotAssessedIsTheCounsellorsToRewriteAndIsKept() {
        given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr")).then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"notAssessed\": [\"La santé : non abordée, à sa demande.\"]}").put(at("/synthesis")).then()
                .statusCode(200).body("synthesis.handover.notAssessed", equalTo(List.of("La santé : non abordée, à sa demande.")));
        given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr&target=vocational-adult-trainer")).then()
                .statusCode(200).body("synthesis.handover.notAssessed", equalTo(List.of("La santé : non abordée, à sa demande.")))
                .body("synthesis.handover.centre.name", equalTo("Cœur d’Azur – « Bilans » SARL"));
    }

    @Test
    void theBeneficiarysCopyBearsTheirNameAndEveryCharacterAsWritten() throws Exception {
        given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr&target=vocational-adult-trainer")).then()
                .statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"conclusion\": \"" + PUNCTUATION + "\", \"roadmap\": [{\"title\": \"" + PUNCTUATION + "\"}]}")
                .put(at("/synthesis")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(at("/synthesis/submit")).then().statusCode(200);
        given().auth().oauth2(beneficiary).post(at("/synthesis/approve")).then().statusCode(200)
                .body("synthesis.beneficiary.name", equalTo(NAME))
                .body("synthesis.approval.by", equalTo(NAME));

        given().auth().oauth2(counsellor).get(at("/synthesis")).then().statusCode(200)
                .body("synthesis.beneficiary.name", equalTo("B-2026-0142"))
                .body("synthesis.approval.by", equalTo("B-2026-0142"));
        byte[] pdf = given().auth().oauth2(beneficiary).accept("application/pdf").get(at("/synthesis")).then()
                .statusCode(200).extract().asByteArray();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        String flat = text.replaceAll("\\s+", " ");
        for (String expected : List.of("Bénéficiaire : " + NAME, "Centre de bilan : Cœur d’Azur – « Bilans » SARL",
                "Adresse : 12 rue de l’Œuvre, 69002 Lyon", "Déclaration d'activité : 84 69 12345 69",
                "Certification qualité : Qualiopi — actions de bilan de compétences, certificat n° QA‑2026‑017",
                "Déroulement du bilan", "1er septembre 2026 — phase préliminaire — 1 h 30",
                "15 octobre 2026 — phase de conclusion — 1 h", "Ce que le bilan n'a pas évalué",
                "Confidentialité et propriété des résultats", "Ștefan Łukasiewicz Conseiller en bilan de compétences "
                        + "Date et signature", PUNCTUATION, "Approuvé le")) {
            assertTrue(flat.contains(expected), expected + " in " + flat);
        }
        assertFalse(flat.contains("B-2026-0142"), "the beneficiary's copy names them");
        assertFalse(text.contains("?"), text);
    }

    @Test
    void onlyAnAdminSetsACentresIdentityAndOnlyItsCounsellorsAndAdminsReadIt() {
        String centre = "/api/v1/centres/" + TestCallers.CENTRE;
        given().auth().oauth2(counsellor).get(centre).then().statusCode(200)
                .body("declarationNumber", equalTo("84 69 12345 69"));
        given().auth().oauth2(admin).get(centre).then().statusCode(200);
        given().auth().oauth2(TestCallers.of(Roles.COUNSELLOR, "centre-b")).get(centre).then().statusCode(404);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"name\": \"Autre\"}").put(centre)
                .then().statusCode(403);
        given().auth().oauth2(admin).contentType("application/json").body("{\"address\": \"Lyon\"}").put(centre)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\": \"X\", \"counsellors\": [{\"counsellor\": \"key:1\"}]}").put(centre)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/counsellors/0/name"));
        given().auth().oauth2(admin).contentType("application/json").body("{\"name\": \"X\"}")
                .put("/api/v1/centres/centre a").then().statusCode(400);
    }

    private void session(String date, int minutes, String activities) {
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"date\": \"" + date + "\", \"minutes\": " + minutes + ", \"activities\": \"" + activities + "\"}")
                .post(at("/sessions")).then().statusCode(201);
    }

    private String at(String rest) {
        return "/api/v1/cases/" + id + rest;
    }
}
