package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.vocabulary.Competence;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The nurse's bilan, run again end to end through the API: a 45-year-old nurse after a burn-out, who wants to train
 * adults and leave night, shift and weekend work. Her answers (files beside this test) are scored into a profile
 * whose figures are computed by hand below; the draft drawn from it does not contradict it; the counsellor rewrites
 * every section, which is kept when drafting again; she approves it after the conclusion session, and her copy is a
 * PDF/A-2u that veraPDF accepts, every character as written.
 *
 * <p>Her self-assessment ({@code transversal-competences}, each competence the mean of two answers from 1 to 4,
 * level = (mean − 1) / 3): instructing others 4 and 4, level 1; active listening 4 and 4, level 1; empathy 4 and 3,
 * level 5/6; digital skills 1 and 1, level 0; handling pressure 2 and 1, level 1/6; speaking in public, writing,
 * organisation and adaptability 3 and 3, level 2/3. Two experiences name competences (documentation, weight 2):
 * the ward (empathy, active listening, teamwork, handling pressure, organisation) and the tutoring of students
 * (instructing others, active listening). The interview grid holds one confirmed example, forty students tutored,
 * for instructing others and active listening: documentation 4/8 = 0.5, weight 3.
 */
@QuarkusTest
class NurseCaseTest {

    /** A name in Greek letters, printed on her own copy only. */
    private static final String NAME = "Ελένη Παπαδοπούλου";
    private static final String PSEUDONYM = "B-2026-0142";
    private static final String DEMAND = "Mi-temps thérapeutique après un épuisement professionnel ; veut former des adultes.";
    /** What the PDF must print as written: non-breaking hyphen, en dash, ≥, →, œ, guillemets, euro. */
    private static final String CHARACTERS = "2027‑2028 – ≥ 4 ans → vœu « formatrice » 1 200 €";
    private static final String TRAINER = "vocational-adult-trainer";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every section of the synthesis, rewritten by the counsellor with her. */
    private static final String EVERY_SECTION = """
            {"circumstances": "Bilan demandé par Mme Papadopoulou pour préparer un projet de formatrice d'adultes.\\n\\nSix séances entre septembre et octobre 2026.",
             "favourable": ["Transmettre ses savoirs : quarante étudiants tutorés, livret de tutorat à l'appui.",
                            "Écoute active et empathie reconnues par ses cadres.",
                            "Une formation courte : %1$s."],
             "unfavourable": ["Les outils numériques de la formation à distance restent à apprendre.",
                              "Le financement de la formation n'est pas encore trouvé."],
             "competences": [{"label": "Transmettre ses savoirs", "level": 1, "note": "confirmée en entretien"},
                             {"label": "Écouter activement", "level": 1},
                             {"label": "Utiliser les outils numériques", "level": 0.1, "note": "à développer"}],
             "options": [{"occupation": "vocational-adult-trainer", "reason": "Son projet : former des adultes, en horaires de jour."},
                         {"title": "Formatrice en IFSI", "reason": "Transmettre le soin qu'elle connaît, en horaires de jour."}],
             "roadmap": [{"title": "Titre professionnel de formatrice d'adultes", "detail": "Neuf mois, %1$s."},
                         {"title": "Se former aux outils numériques de la formation", "detail": "Module de 35 heures → à financer par le CPF."}],
             "conclusion": "Le projet de formatrice d'adultes est réaliste : %1$s.",
             "notAssessed": ["Les aptitudes : aucun test n'a été passé, à sa demande."]}
            """.formatted(CHARACTERS);

    @BeforeAll
    static void validator() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void herAnswersGiveADocumentThatTellsTheTruthAboutHerAndAPdfAThatKeepsEveryCharacter() throws Exception {
        CatalogReady.await();
        TestCallers.useStaffByDefault();
        String counsellor = CaseFixtures.counsellor();

        // Preliminary phase: her demand says more than a document should; the counsellor records her situation.
        String id = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"" + PSEUDONYM + "\", \"name\": \"" + NAME + "\"}").post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        Case bilan = new Case(id, counsellor);
        bilan.session("2026-09-01", 90, "Entretien préliminaire");
        bilan.put("/demand", "{\"demand\": \"" + DEMAND + "\"}");
        bilan.put("/fit-decision", "{\"decision\": \"fit\"}");
        String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
        given().auth().oauth2(beneficiary).post(bilan.at("/signatures")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(bilan.at("/signatures")).then().statusCode(200);
        bilan.put("/situation", """
                {"current": "registered-nurse", "ruledOut": ["clinical-psychologist"], "qualification": 6,
                 "maxTrainingMonths": 18, "avoid": ["night-work", "shift-work", "weekend-work"]}""");
        bilan.moveTo("investigation");

        // Investigation: she answers three questionnaires; the counsellor fills the interview grid.
        bilan.administer(beneficiary, "riasec-interests", CaseFixtures.administration("riasec-interests",
                "typical-profile.json"));
        bilan.administer(beneficiary, "work-values", CaseFixtures.administration("work-values", "typical-profile.json"));
        bilan.administer(beneficiary, "transversal-competences", answers("transversal-competences"));
        bilan.administer(counsellor, "career-interview-grid", answers("career-interview-grid"));
        bilan.session("2026-09-15", 180, "Questionnaires et entretien");

        // The profile, by hand: a level is the weighted mean of the mastery evidence only (here her self-rating);
        // the confidence is the weight of all the evidence over 6, capped at 1 (self 1, experience 2, grid 3).
        JsonPath profile = given().auth().oauth2(counsellor).get(bilan.at("/profile")).then().statusCode(200)
                .extract().jsonPath();
        assertCompetence(profile, "instructing-others", 1.0, 1.0, 4);      // 1 + 2 + 3 = 6
        assertCompetence(profile, "active-listening", 1.0, 1.0, 4);        // the grid's 0.5 does not lower it
        assertCompetence(profile, "empathy", 5.0 / 6, 0.5, 4);             // (4 + 3) / 2 = 3.5; 1 + 2 = 3
        assertCompetence(profile, "stress-management", 1.0 / 6, 0.5, 1);   // (2 + 1) / 2 = 1.5
        assertCompetence(profile, "digital-skills", 0.0, 1.0 / 6, 1);
        assertCompetence(profile, "organisation", 2.0 / 3, 0.5, 3);
        assertEquals(null, competence(profile, "active-listening").get("conflict"),
                "a documented example is not compared with a self-rating");
        // Strengths: step 4 on mastery evidence, with a confidence of 0.5 or more.
        List<String> strengths = profile.getList("strengths.competence");
        assertEquals(List.of("active-listening", "instructing-others", "empathy").stream().sorted().toList(),
                strengths.stream().sorted().toList());

        // Her options leave out her own job and what she ruled out; each is a band, never a percentage.
        JsonPath options = given().auth().oauth2(counsellor).get(bilan.at("/career-options?limit=100&lang=fr"))
                .then().statusCode(200)
                .body("careerOptions.occupation", not(hasItem("registered-nurse")))
                .body("careerOptions.occupation", not(hasItem("clinical-psychologist")))
                .extract().jsonPath();
        for (Map<String, Object> option : options.<Map<String, Object>>getList("careerOptions")) {
            String text = option.toString();
            assertFalse(text.contains("%"), text);
            assertTrue(List.of("strong", "good", "partial", "weak", "unknown")
                    .contains(((Map<?, ?>) option.get("fit")).get("band")), text);
        }
        // Her own job, asked for, is explained by what she leaves: night, shift and weekend work count against it.
        given().auth().oauth2(counsellor).get(bilan.at("/career-options?limit=1&lang=fr&target=registered-nurse"))
                .then().statusCode(200)
                .body("projectValidation.unfavourable.findAll { it.code == 'condition-to-leave' }.subject",
                        equalTo(List.of("night-work", "shift-work", "weekend-work")))
                .body("projectValidation.favourable.code", not(hasItem("condition-sought")));

        bilan.moveTo("conclusion");
        bilan.session("2026-10-01", 120, "Enquête métier et préparation de la synthèse");

        // The draft for her project: no contradiction with the profile it is drawn from.
        JsonPath draft = bilan.draft();
        assertEquals(null, draft.getString("synthesis.circumstances"), "her demand is not copied by default");
        assertEquals(List.of(), draft.getList("synthesis.options"), "the options are the counsellor's to choose");
        assertTrue(draft.getString("synthesis.project.fit").matches("(forte|bonne|partielle|faible) — .+"),
                draft.getString("synthesis.project.fit"));
        List<String> favourable = draft.getList("synthesis.favourable");
        List<String> unfavourable = draft.getList("synthesis.unfavourable");
        List<String> roadmap = draft.getList("synthesis.roadmap.title");
        // The strengths the project requires are among its favourable factors, at their step.
        assertTrue(favourable.contains("Vous avez déjà une compétence clé de ce métier : Transmettre ses savoirs "
                + "(niveau 4/4, expertise)."), favourable.toString());
        assertTrue(favourable.contains("Vous avez déjà une compétence clé de ce métier : Écouter activement "
                + "(niveau 4/4, expertise)."), favourable.toString());
        // No strength is a hindering factor or a stage to develop.
        for (String strength : strengths) {
            String label = Competence.find(strength).orElseThrow().label("fr");
            String against = unfavourable + " " + roadmap;
            assertFalse(against.contains(label), label + " is a strength, yet: " + against);
        }
        // Her one real gap, digital skills (step 1, the trainer's step 2 from 0.25), says how to check and close it.
        assertTrue(unfavourable.contains("À développer pour ce métier : Utiliser les outils numériques (niveau 1/4, "
                + "notions ; requis 2/4, application)."), unfavourable.toString());
        String gapStep = roadmap.stream().filter(step -> step.startsWith("Renforcer « Utiliser les outils numériques »"))
                .findFirst().orElseThrow(() -> new AssertionError("no step for the gap in " + roadmap));
        assertEquals("Renforcer « Utiliser les outils numériques » (Notions 1/4, requis Application 2/4). Vérifier : "
                + "niveau auto-évalué (transversal-competences) : à confirmer par un exemple vécu documenté en entretien "
                + "(career-interview-grid). Développer : la formation du métier la travaille : Titre professionnel "
                + "Formateur professionnel d'adultes (niveau bac + 2), souvent après une expérience dans le métier "
                + "enseigné (niveau 5 : bac+2 : BTS, DEUST, environ 9 mois) ; ou la mise en pratique encadrée (stage, période de mise "
                + "en situation en milieu professionnel).", gapStep);
        // What she flees is no reason for the project, and her own job is not proposed.
        assertFalse(favourable.toString().contains("conditions de travail"), favourable.toString());
        assertFalse(unfavourable.contains("C'est votre métier actuel."), unfavourable.toString());

        // The counsellor rewrites every section; each is kept when the document is drafted again.
        given().auth().oauth2(counsellor).contentType("application/json").body(EVERY_SECTION).put(bilan.at("/synthesis"))
                .then().statusCode(200).body("revision", equalTo(2));
        for (JsonPath document : List.of(bilan.read(counsellor), bilan.draft())) {
            assertEveryEditedSection(document);
        }

        // Submitted, gone through in the conclusion session, approved by her.
        given().auth().oauth2(counsellor).post(bilan.at("/synthesis/submit")).then().statusCode(200);
        bilan.session("2026-10-15", 60, "Restitution de la synthèse");
        given().auth().oauth2(beneficiary).post(bilan.at("/synthesis/approve")).then().statusCode(200)
                .body("status", equalTo("approved"))
                .body("synthesis.beneficiary.name", equalTo(NAME));
        assertEveryEditedSection(bilan.read(beneficiary));

        // Her copy: a PDF/A-2u that the reference validator accepts, her name and every character as written.
        byte[] pdf = given().auth().oauth2(beneficiary).accept("application/pdf").get(bilan.at("/synthesis")).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        ValidationResult result = validate(pdf);
        assertTrue(result.isCompliant(), failures(result));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        String flat = text.replaceAll("\\s+", " ");
        for (String expected : List.of("Bénéficiaire : " + NAME, "Le projet de formatrice d'adultes est réaliste : "
                        + CHARACTERS + ".", "Neuf mois, " + CHARACTERS + ".", "Module de 35 heures → à financer par le CPF.",
                "Transmettre le soin qu'elle connaît, en horaires de jour.", "Approuvé le")) {
            assertTrue(flat.contains(expected), expected + " in " + flat);
        }
        assertFalse(text.contains("?"), "a character was replaced: " + text);
        int projectAt = flat.indexOf("Projet professionnel");
        String project = flat.substring(projectAt, flat.indexOf("Compétences mobilisables", projectAt));
        assertTrue(project.contains("Adéquation au profil : bonne — "), project);
        assertFalse(project.contains("%"), "the project's fit is a band in words: " + project);
        int optionsAt = flat.indexOf("Pistes retenues");
        String retained = flat.substring(optionsAt, flat.indexOf("Conclusion", optionsAt));
        assertFalse(retained.contains("%"), "no option has a percentage: " + retained);
        assertFalse(flat.contains(PSEUDONYM), "her own copy names her");
        assertFalse(flat.contains("épuisement"), "her health stayed out of the document");
    }

    private static void assertEveryEditedSection(JsonPath document) {
        assertEquals("Bilan demandé par Mme Papadopoulou pour préparer un projet de formatrice d'adultes.\n\n"
                + "Six séances entre septembre et octobre 2026.", document.getString("synthesis.circumstances"));
        assertEquals(List.of("Transmettre ses savoirs : quarante étudiants tutorés, livret de tutorat à l'appui.",
                "Écoute active et empathie reconnues par ses cadres.", "Une formation courte : " + CHARACTERS + "."),
                document.getList("synthesis.favourable"));
        assertEquals(List.of("Les outils numériques de la formation à distance restent à apprendre.",
                "Le financement de la formation n'est pas encore trouvé."), document.getList("synthesis.unfavourable"));
        assertEquals(List.of("Transmettre ses savoirs", "Écouter activement", "Utiliser les outils numériques"),
                document.getList("synthesis.competences.label"));
        assertEquals(List.of(1.0f, 1.0f, 0.1f), document.getList("synthesis.competences.level"));
        assertEquals(List.of(TRAINER, "Formateur professionnel ou formatrice professionnelle d'adultes",
                        "Son projet : former des adultes, en horaires de jour."),
                List.of(document.getString("synthesis.options[0].occupation"),
                        document.getString("synthesis.options[0].title"), document.getString("synthesis.options[0].reason")));
        assertEquals(List.of("Formatrice en IFSI", "Transmettre le soin qu'elle connaît, en horaires de jour."),
                List.of(document.getString("synthesis.options[1].title"), document.getString("synthesis.options[1].reason")));
        assertEquals(List.of("Titre professionnel de formatrice d'adultes", "Se former aux outils numériques de la formation"),
                document.getList("synthesis.roadmap.title"));
        assertEquals("Neuf mois, " + CHARACTERS + ".", document.getString("synthesis.roadmap[0].detail"));
        assertEquals("Le projet de formatrice d'adultes est réaliste : " + CHARACTERS + ".",
                document.getString("synthesis.conclusion"));
        assertEquals(List.of("Les aptitudes : aucun test n'a été passé, à sa demande."),
                document.getList("synthesis.handover.notAssessed"));
    }

    private static Map<String, Object> competence(JsonPath profile, String id) {
        return profile.getMap("competences.find { it.competence == '" + id + "' }");
    }

    private static void assertCompetence(JsonPath profile, String id, double level, double confidence, int mastery) {
        Map<String, Object> found = competence(profile, id);
        assertEquals(level, ((Number) found.get("level")).doubleValue(), 1e-4, id + " level");
        assertEquals(confidence, ((Number) found.get("confidence")).doubleValue(), 1e-4, id + " confidence");
        assertEquals(mastery, ((Number) found.get("mastery")).intValue(), id + " mastery step");
        assertEquals("mastery", found.get("basis"), id + " basis");
    }

    /** The administration of {@code instrument} with her answers, from {@code cases/nurse/<instrument>.json}. */
    private static String answers(String instrument) {
        try (InputStream in = NurseCaseTest.class.getResourceAsStream("/cases/nurse/" + instrument + ".json")) {
            JsonNode responses = JSON.readTree(in);
            return JSON.createObjectNode().put("instrument", instrument).put("lang", "fr").set("responses", responses)
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValidationResult validate(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_U);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_U, false)) {
            return validator.validate(parser);
        }
    }

    private static String failures(ValidationResult result) {
        List<String> failed = new ArrayList<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
            if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                failed.add(assertion.getRuleId() + " " + assertion.getMessage());
            }
        }
        return failed.stream().distinct().collect(Collectors.joining("\n"));
    }

    /** The calls of one case, as its counsellor makes them. */
    private record Case(String id, String counsellor) {

        String at(String rest) {
            return "/api/v1/cases/" + id + rest;
        }

        void put(String rest, String body) {
            given().auth().oauth2(counsellor).contentType("application/json").body(body).put(at(rest)).then()
                    .statusCode(200);
        }

        void session(String date, int minutes, String activities) {
            given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"date\": \"" + date + "\", \"minutes\": " + minutes + ", \"activities\": \"" + activities
                            + "\"}").post(at("/sessions")).then().statusCode(201);
        }

        void moveTo(String phase) {
            given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"" + phase + "\"}")
                    .post(at("/transitions")).then().statusCode(200).body("phase", equalTo(phase));
        }

        void administer(String key, String instrument, String body) {
            given().auth().oauth2(key).contentType("application/json").body(body).post(at("/administrations")).then()
                    .statusCode(201).body("instrument", equalTo(instrument));
        }

        JsonPath draft() {
            return given().auth().oauth2(counsellor).post(at("/synthesis?lang=fr&target=" + TRAINER)).then()
                    .statusCode(200).body("status", equalTo("draft")).extract().jsonPath();
        }

        JsonPath read(String key) {
            return given().auth().oauth2(key).get(at("/synthesis")).then().statusCode(200).extract().jsonPath();
        }
    }
}
