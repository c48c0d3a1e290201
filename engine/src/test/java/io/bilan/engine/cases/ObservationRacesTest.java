package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.CatalogReady;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Observers who submit at the same instant, each a second time as a double click would: their ratings are stored
 * once, as one administration holding every observer's ratings.
 */
@QuarkusTest
class ObservationRacesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBSERVERS = 4;
    private static final int ROUNDS = 3;

    @Inject
    Observations observations;

    @Test
    void observersSubmittingTogetherStoreOneAdministration() throws Exception {
        CatalogReady.await();
        String counsellor = CaseFixtures.counsellor();
        ExecutorService threads = Executors.newFixedThreadPool(OBSERVERS * 2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String caseId = CaseFixtures.open(counsellor, "B-OBSERVE-RACE-" + round);
                CaseFixtures.intoInvestigation(counsellor, caseId);
                List<String> names = new ArrayList<>();
                for (int i = 0; i < OBSERVERS; i++) {
                    names.add("obs" + i);
                }
                JsonNode opened = JSON.readTree(given().auth().oauth2(counsellor).contentType("application/json")
                        .body(JSON.createObjectNode().put("instrument", "roleplay-client-conflict")
                                .set("observers", JSON.valueToTree(names)).toString())
                        .post("/api/v1/cases/" + caseId + "/observations").then().statusCode(201).extract().asString());
                List<Observations.Rater> raters = new ArrayList<>();
                for (JsonNode observer : opened.get("observers")) {
                    String token = observer.get("link").asText().substring(Observations.LINK_PATH.length());
                    Observations.Opened link = observations.openLink(token);
                    raters.add(observations.rater(link.observer(), link.secret()).orElseThrow());
                }
                CyclicBarrier start = new CyclicBarrier(OBSERVERS * 2);
                List<Future<?>> submissions = new ArrayList<>();
                for (int i = 0; i < OBSERVERS * 2; i++) {
                    Observations.Rater rater = raters.get(i % OBSERVERS);
                    int rating = 1 + i % OBSERVERS;
                    submissions.add(threads.submit(() -> {
                        start.await();
                        return observations.submit(rater, JSON.createObjectNode().put("listening", rating)
                                .put("calm", 4));
                    }));
                }
                for (Future<?> submission : submissions) {
                    submission.get();
                }
                JsonNode stored = JSON.readTree(given().auth().oauth2(counsellor)
                        .get("/api/v1/cases/" + caseId + "/observations/" + opened.get("id").asText()).then()
                        .statusCode(200).extract().asString());
                assertEquals("stored", stored.get("status").asText());
                assertEquals(OBSERVERS, stored.get("ratings").get("listening").size());
                assertEquals(OBSERVERS * (OBSERVERS - 1) / 2 * 2, stored.get("agreement").get("pairs").asInt());
                JsonNode administrations = JSON.readTree(given().auth().oauth2(counsellor)
                        .get("/api/v1/cases/" + caseId + "/administrations").then().statusCode(200).extract().asString());
                assertEquals(1, administrations.size(), "one administration for all observers");
                assertEquals(stored.get("administration").asLong(), administrations.get(0).get("id").asLong());
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
