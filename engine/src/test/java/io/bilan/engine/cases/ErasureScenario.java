package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.TestCallers;
import io.bilan.engine.persistence.Keyring;
import io.bilan.engine.security.Roles;
import io.quarkus.arc.Arc;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.UUID;

/**
 * A case with a marker written into every personal field it has (the beneficiary and their subject, contact, demand,
 * route, session activities, responses, synthesis edits, change request, consent recipient and purpose, a response
 * kept for a retried request), and values refused with the marker in them; then erased.
 */
final class ErasureScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A marker nothing else writes, made of letters so that it passes as a beneficiary's id. */
    final String mark = "Zqxw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "Mark";
    final String counsellor = CaseFixtures.counsellor();
    final String beneficiary = Jwt.issuer("https://idp.bilan.test").subject("subject-" + mark)
            .groups(Set.of(Roles.BENEFICIARY)).claim("centre", TestCallers.CENTRE).sign();
    String id;

    private static String at(String id, String rest) {
        return "/api/v1/cases/" + id + rest;
    }

    private ObjectNode body() {
        return JSON.createObjectNode();
    }

    /** Writes the marker everywhere, and checks it reads back through the API (so it was stored, sealed). */
    String writeEverywhere() {
        ObjectNode open = body().put("beneficiary", mark).put("beneficiarySubject", "subject-" + mark);
        open.putObject("contact").put("email", mark + "@example.org");
        id = given().auth().oauth2(counsellor).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(open.toString()).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(counsellor).contentType("application/json").body(body().put("demand", "demand " + mark)
                .toString()).put(at(id, "/demand")).then().statusCode(200);
        // Refused values: a route too long, a consent purpose too long, a subject too long.
        given().auth().oauth2(counsellor).contentType("application/json").body(body().put("decision", "redirect")
                .put("route", ("route " + mark).repeat(200)).toString()).put(at(id, "/fit-decision")).then()
                .statusCode(400);
        given().auth().oauth2(counsellor).contentType("application/json").body(body().put("beneficiary", "B-1")
                .put("beneficiarySubject", ("subject " + mark).repeat(20)).toString()).post("/api/v1/cases").then()
                .statusCode(400);
        given().auth().oauth2(counsellor).contentType("application/json").body(body().put("decision", "fit")
                .put("route", "route " + mark).toString()).put(at(id, "/fit-decision")).then().statusCode(200);
        given().auth().oauth2(beneficiary).post(at(id, "/signatures")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(at(id, "/signatures")).then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post(at(id, "/transitions")).then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(body().put("date", "2026-09-15").put("minutes", 120).put("activities", "activities " + mark)
                        .toString()).post(at(id, "/sessions")).then().statusCode(201);
        for (String instrument : new String[] {"riasec-interests", "work-values", "transversal-competences"}) {
            ObjectNode administration = body().put("instrument", instrument).put("lang", "fr");
            ObjectNode responses = CaseFixtures.responses(instrument, "typical-profile.json").deepCopy();
            responses.put("respondent", "respondent-" + mark);
            administration.set("responses", responses);
            given().auth().oauth2(beneficiary).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType("application/json").body(administration.toString())
                    .post(at(id, "/administrations")).then().statusCode(201);
        }
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post(at(id, "/transitions")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(at(id, "/synthesis?lang=fr")).then().statusCode(200);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(body().put("circumstances", "circumstances " + mark).put("conclusion", "conclusion " + mark)
                        .toString()).put(at(id, "/synthesis")).then().statusCode(200);
        given().auth().oauth2(counsellor).post(at(id, "/synthesis/submit")).then().statusCode(200);
        given().auth().oauth2(beneficiary).contentType("application/json").body(body().put("comment", "comment " + mark)
                .toString()).post(at(id, "/synthesis/request-changes")).then().statusCode(200);
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body(body().put("recipient", "recipient " + mark).put("purpose", ("purpose " + mark).repeat(200))
                        .set("shared", JSON.createArrayNode().add("synthesis")).toString())
                .post(at(id, "/consents")).then().statusCode(400);
        given().auth().oauth2(beneficiary).contentType("application/json")
                .body(body().put("recipient", "recipient " + mark).put("purpose", "purpose " + mark)
                        .set("shared", JSON.createArrayNode().add("synthesis")).toString())
                .post(at(id, "/consents")).then().statusCode(201);

        // Everything reads back: the beneficiary finds their case by their subject, the values open with the key.
        given().auth().oauth2(beneficiary).get("/api/v1/cases").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(counsellor).get(at(id, "")).then().statusCode(200)
                .body("beneficiary", equalTo(mark)).body("demand", equalTo("demand " + mark))
                .body("contact.email", equalTo(mark + "@example.org"));
        given().auth().oauth2(counsellor).get(at(id, "/synthesis")).then().statusCode(200)
                .body(containsString("circumstances " + mark));
        given().auth().oauth2(counsellor).get(at(id, "/sessions")).then().statusCode(200)
                .body(containsString("activities " + mark));
        given().auth().oauth2(beneficiary).get(at(id, "/consents")).then().statusCode(200)
                .body(containsString("purpose " + mark));
        assertTrue(Files.exists(keyring().folder().resolve(id + ".key")), "the case has a key in the keyring");
        return id;
    }

    /** Erases the case and checks its key is gone. */
    void erase() {
        given().auth().oauth2(counsellor).delete(at(id, "")).then().statusCode(204);
        given().auth().oauth2(counsellor).get(at(id, "")).then().statusCode(404);
        assertFalse(Files.exists(keyring().folder().resolve(id + ".key")), "the case's key is destroyed");
        assertFalse(keyring().holds(id));
    }

    byte[] markBytes() {
        return mark.getBytes(StandardCharsets.UTF_8);
    }

    static Keyring keyring() {
        return Arc.container().instance(Keyring.class).get();
    }

    /** Whether {@code haystack} holds {@code needle}, byte for byte. */
    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
