package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseFixtures.administration;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests on one case sent at the same instant: the beneficiary's approval and change request (with a counsellor's
 * edit) of a submitted synthesis, and a dozen sessions that together would exceed the legal 24 hours. Exactly one
 * answer to the synthesis wins, what is stored and what the audit trail says agree, an approved synthesis never
 * changes, and the sessions stored never add up beyond the maximum.
 */
@QuarkusTest
class CaseRacesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SYNTHESIS_ROUNDS = 16;
    private static final int SESSION_ROUNDS = 4;
    private static final int PARALLEL_SESSIONS = 12;

    @Inject
    TestClock clock;

    private String counsellor;
    private HttpClient http;
    private ExecutorService threads;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
        counsellor = CaseFixtures.counsellor();
        threads = Executors.newFixedThreadPool(PARALLEL_SESSIONS);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void exactlyOneAnswerToASubmittedSynthesisWinsAndTheApprovedOneNeverChanges() throws Exception {
        String submitted = synthesisContent();
        int approvals = 0;
        int changeRequests = 0;
        for (int round = 0; round < SYNTHESIS_ROUNDS; round++) {
            String id = CaseFixtures.open(counsellor, "B-RACE-" + round);
            String beneficiary = CaseFixtures.beneficiaryKey(counsellor, id);
            withSubmittedSynthesis(id, submitted);

            List<HttpResponse<String>> answers = together(
                    request(beneficiary, "POST", id, "/synthesis/approve", null),
                    request(beneficiary, "POST", id, "/synthesis/request-changes", "{\"comment\": \"Ajouter une piste\"}"),
                    request(counsellor, "PUT", id, "/synthesis", "{\"conclusion\": \"Conclusion du tour " + round + "\"}"));
            int approve = answers.get(0).statusCode();
            int changes = answers.get(1).statusCode();
            int edit = answers.get(2).statusCode();
            String context = "round " + round + ": approve " + approve + ", request-changes " + changes + ", edit " + edit;
            answers.forEach(answer -> assertWonOrRefusedByTheRules(answer, context));
            assertEquals(1, (approve == 200 ? 1 : 0) + (changes == 200 ? 1 : 0),
                    "exactly one of the approval and the change request wins; " + context);

            Stored stored = stored(id);
            if (approve == 200) {
                approvals++;
                String digest = "sha256:" + Sha256.hex(submitted);
                assertEquals(digest, JSON.readTree(answers.get(0).body()).path("digest").asText(), context);
                assertEquals(409, edit, "an approved synthesis is not edited; " + context);
                assertEquals(Syntheses.APPROVED, stored.status, context);
                assertEquals(digest, stored.digest, context);
                assertEquals(List.of(digest), stored.audit("synthesis-approved"), context);
                assertEquals(List.of(), stored.audit("synthesis-changes-requested"), context);
                assertEquals(List.of(), stored.audit("synthesis-edited"), context);

                // Afterwards, every change to the approved synthesis is refused, even sent all at once.
                List<HttpResponse<String>> later = together(
                        request(counsellor, "PUT", id, "/synthesis", "{\"conclusion\": \"Modifiée après coup\"}"),
                        request(counsellor, "POST", id, "/synthesis/submit", null),
                        request(beneficiary, "POST", id, "/synthesis/approve", null),
                        request(beneficiary, "POST", id, "/synthesis/request-changes", "{\"comment\": \"Encore\"}"),
                        request(counsellor, "POST", id, "/synthesis?lang=fr", null));
                for (HttpResponse<String> answer : later) {
                    assertEquals(409, answer.statusCode(), "after approval: " + answer.request().uri() + " "
                            + answer.body());
                }
                Stored after = stored(id);
                assertEquals(Syntheses.APPROVED, after.status);
                assertEquals(digest, after.digest, "the digest never changes after approval");
                assertEquals(stored.content, after.content, "the approved content never changes");
                assertEquals(stored.revision, after.revision);
                assertEquals(List.of(digest), after.audit("synthesis-approved"));
            } else {
                changeRequests++;
                assertEquals(edit == 200 ? Syntheses.DRAFT : Syntheses.CHANGES_REQUESTED, stored.status, context);
                assertNull(stored.digest, context);
                assertEquals(List.of(), stored.audit("synthesis-approved"), context);
                assertEquals(1, stored.audit("synthesis-changes-requested").size(), context);
                assertEquals(edit == 200 ? 1 : 0, stored.audit("synthesis-edited").size(), context);
            }
        }
        System.out.printf("synthesis races: %d rounds, approval won %d, change request won %d%n", SYNTHESIS_ROUNDS,
                approvals, changeRequests);
    }

    @Test
    void sessionsSentTogetherNeverExceedTheLegalMaximum() throws Exception {
        int minutes = 400;
        int fit = SessionLog.MAXIMUM_MINUTES / minutes;
        for (int round = 0; round < SESSION_ROUNDS; round++) {
            String id = CaseFixtures.open(counsellor, "B-HOURS-" + round);
            List<HttpRequest> sessions = new ArrayList<>();
            for (int i = 0; i < PARALLEL_SESSIONS; i++) {
                sessions.add(request(counsellor, "POST", id, "/sessions", "{\"date\": \"2026-11-" + (10 + i)
                        + "\", \"minutes\": " + minutes + ", \"activities\": \"Entretien " + i + "\"}"));
            }
            List<HttpResponse<String>> answers = together(sessions.toArray(HttpRequest[]::new));
            long accepted = answers.stream().filter(answer -> answer.statusCode() == 201).count();
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() != 201) {
                    assertEquals(409, answer.statusCode(), answer.body());
                    JsonNode problem = JSON.readTree(answer.body());
                    assertEquals("urn:bilan:problem:case-rule", problem.path("type").asText());
                    assertEquals("over-legal-maximum", problem.path("errors").path(0).path("code").asText());
                }
            }
            assertEquals(fit, accepted, "round " + round + ": floor(1440 / 400) sessions fit");
            int stored = QuarkusTransaction.requiringNew().call(() -> CaseSession.minutesUsed(id));
            assertEquals(fit * minutes, stored);
            assertTrue(stored <= SessionLog.MAXIMUM_MINUTES);
            given().auth().oauth2(counsellor).get("/api/v1/cases/" + id).then().statusCode(200)
                    .body("hours.minutesUsed", org.hamcrest.Matchers.equalTo(fit * minutes))
                    .body("hours.minutesLeft", org.hamcrest.Matchers.equalTo(SessionLog.MAXIMUM_MINUTES - fit * minutes));
        }
    }

    /** The content of a real synthesis, drafted through the API for a case taken to its conclusion. */
    private String synthesisContent() {
        String id = CaseFixtures.open(counsellor, "B-RACE-TEMPLATE");
        CaseFixtures.intoInvestigation(counsellor, id);
        given().auth().oauth2(counsellor).contentType("application/json")
                .body(administration("riasec-interests", "typical-profile.json"))
                .post("/api/v1/cases/" + id + "/administrations").then().statusCode(201);
        given().auth().oauth2(counsellor).contentType("application/json").body("{\"to\": \"conclusion\"}")
                .post("/api/v1/cases/" + id + "/transitions").then().statusCode(200);
        given().auth().oauth2(counsellor).post("/api/v1/cases/" + id + "/synthesis?lang=fr").then().statusCode(200);
        return QuarkusTransaction.requiringNew().call(() -> CaseSynthesis.<CaseSynthesis>findById(id).content);
    }

    /** Puts the case in its conclusion with that synthesis submitted to the beneficiary. */
    private void withSubmittedSynthesis(String id, String content) {
        QuarkusTransaction.requiringNew().run(() -> {
            CaseRecord record = CaseRecord.findById(id);
            record.phase = CasePhase.CONCLUSION.code();
            record.concludedAt = OffsetDateTime.now(clock);
            CaseSynthesis synthesis = new CaseSynthesis();
            synthesis.caseId = id;
            synthesis.status = Syntheses.SUBMITTED;
            synthesis.language = "fr";
            synthesis.content = content;
            synthesis.revision = 1;
            synthesis.submittedAt = OffsetDateTime.now(clock);
            synthesis.persist();
            // The synthesis is approved once gone through in a conclusion session.
            CaseSession session = new CaseSession();
            session.caseId = id;
            session.phase = CasePhase.CONCLUSION.code();
            session.heldOn = LocalDate.now(clock);
            session.minutes = 60;
            session.activities = "Restitution de la synthèse";
            session.recordedBy = "counsellor";
            session.recordedAt = OffsetDateTime.now(clock);
            session.persist();
        });
    }

    /** The synthesis as stored, and the audit entries of the case. */
    private record Stored(String status, String digest, String content, int revision, List<String[]> entries) {

        /** The details of the audit entries with that action. */
        List<String> audit(String action) {
            return entries.stream().filter(entry -> entry[0].equals(action)).map(entry -> entry[1]).toList();
        }
    }

    private static Stored stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CaseSynthesis synthesis = CaseSynthesis.findById(id);
            List<String[]> entries = CaseAudit.<CaseAudit>list("caseId = ?1 order by id", id).stream()
                    .map(entry -> new String[] {entry.action, entry.detail}).toList();
            return new Stored(synthesis.status, synthesis.digest, synthesis.content, synthesis.revision, entries);
        });
    }

    private static void assertWonOrRefusedByTheRules(HttpResponse<String> answer, String context) {
        if (answer.statusCode() == 200) {
            return;
        }
        assertEquals(409, answer.statusCode(), context + ": " + answer.body());
        try {
            JsonNode problem = JSON.readTree(answer.body());
            assertEquals("urn:bilan:problem:case-rule", problem.path("type").asText(), answer.body());
            assertTrue(Set.of("not-submitted", "synthesis-submitted", "synthesis-approved")
                    .contains(problem.path("errors").path(0).path("code").asText()), answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static HttpRequest request(String key, String method, String caseId, String path, String body) {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/cases/" + caseId + path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Accept", "application/json");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends the requests at the same instant, each from its own thread; the answers in the same order. */
    private List<HttpResponse<String>> together(HttpRequest... requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.length);
        try (ExecutorService senders = Executors.newFixedThreadPool(requests.length)) {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (HttpRequest request : requests) {
                pending.add(senders.submit(() -> {
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        }
    }
}
