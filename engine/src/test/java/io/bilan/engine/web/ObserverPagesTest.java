package io.bilan.engine.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Observers rate a role play in their own browsers (each its own profile and cookies, at a phone's size), neither
 * seeing the other's ratings; the counsellor then reads the ratings and their agreement through the API, and the
 * stored administration is the report the scoring API gives for the same answers. Used, revoked and expired links
 * open nothing, a session opens one observer's page only, and a counsellor of another centre finds nothing.
 */
@QuarkusTest
class ObserverPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRID = "roleplay-client-conflict";
    private static final List<String> CRITERIA =
            List.of("listening", "feelings", "calm", "questions", "solutions", "agreement", "closing");
    /** Camille's and the guest's ratings: 0, 1, 0, 2, 0, 2, 1 points apart. */
    private static final List<Integer> CAMILLE = List.of(3, 2, 4, 3, 2, 1, 4);
    private static final List<Integer> GUEST = List.of(3, 3, 4, 1, 2, 3, 3);

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    io.bilan.engine.scoring.ScoringService scoring;

    @Inject
    @io.quarkus.qute.Location("observation-summary.html")
    io.quarkus.qute.Template summaryFragment;

    private String counsellor;

    @BeforeEach
    void ready() throws InterruptedException {
        CatalogReady.await();
        counsellor = TestCallers.of(Roles.COUNSELLOR);
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    // --- the counsellor's side, through the API ---

    private String caseInInvestigation(String key, String beneficiary) {
        String caseId = given().auth().oauth2(key).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(key).contentType("application/json").body("{\"demand\": \"Changer de métier\"}")
                .put("/api/v1/cases/" + caseId + "/demand").then().statusCode(200);
        given().auth().oauth2(key).contentType("application/json").body("{\"decision\": \"fit\"}")
                .put("/api/v1/cases/" + caseId + "/fit-decision").then().statusCode(200);
        String beneficiaryKey = given().auth().oauth2(key).post("/api/v1/cases/" + caseId + "/beneficiary-key")
                .then().statusCode(201).extract().path("key");
        given().auth().oauth2(beneficiaryKey).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(key).post("/api/v1/cases/" + caseId + "/signatures").then().statusCode(200);
        given().auth().oauth2(key).contentType("application/json").body("{\"to\": \"investigation\"}")
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        return caseId;
    }

    private JsonNode openObservation(String key, String caseId, String body) throws IOException {
        return JSON.readTree(given().auth().oauth2(key).contentType("application/json").body(body)
                .post("/api/v1/cases/" + caseId + "/observations").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/cases/" + caseId + "/observations/"))
                .extract().asString());
    }

    private JsonNode observation(String caseId, String id) throws IOException {
        return JSON.readTree(given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/observations/" + id)
                .then().statusCode(200).extract().asString());
    }

    private static String link(JsonNode observation, String observer) {
        for (JsonNode one : observation.get("observers")) {
            if (one.get("observer").asText().equals(observer)) {
                return one.get("link").asText();
            }
        }
        throw new AssertionError("no observer " + observer);
    }

    private static String statusOf(JsonNode observation, String observer) {
        for (JsonNode one : observation.get("observers")) {
            if (one.get("observer").asText().equals(observer)) {
                return one.get("status").asText();
            }
        }
        throw new AssertionError("no observer " + observer);
    }

    // --- an observer's side, in a browser of their own ---

    private void start(Browser browser, String link, String lang) {
        browser.driver.get(url("/language?to=" + lang + "&back=/"));
        browser.driver.get(url(link));
        browser.driver.findElement(By.cssSelector("form[action^='/o/'] button")).click();
        waitFor(browser.driver, By.id("player"));
    }

    private static void rate(Browser browser, List<Integer> ratings) {
        for (int i = 0; i < CRITERIA.size(); i++) {
            browser.driver.findElement(By.cssSelector("label[for='q-" + CRITERIA.get(i) + "-" + ratings.get(i) + "']"))
                    .click();
        }
    }

    private static void waitUntilSaved(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String text = d.findElement(By.id("save-status")).getText();
            return text.startsWith("Saved at") || text.startsWith("Enregistré à");
        });
    }

    private static void waitFor(WebDriver driver, By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(by).isEmpty());
    }

    private static void submit(Browser browser) {
        String before = browser.driver.getCurrentUrl();
        browser.driver.findElement(By.id("submit")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.id("player")).isEmpty() || !d.findElements(By.id("error-summary")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("player")).isEmpty(),
                () -> before + "\n" + browser.driver.findElement(By.tagName("main")).getText());
    }

    private static String main(Browser browser) {
        return browser.driver.findElement(By.tagName("main")).getText();
    }

    @Test
    void twoObserversRateARolePlayAloneAndTheCounsellorSeesTheirAgreement() throws Exception {
        String caseId = caseInInvestigation(counsellor, "B-OBSERVE-1");
        JsonNode opened = openObservation(counsellor, caseId, "{\"instrument\": \"" + GRID + "\", "
                + "\"observers\": [\"camille\", \"guest1\"], \"lang\": \"en\"}");
        String id = opened.get("id").asText();
        assertEquals("open", opened.get("status").asText());
        assertTrue(link(opened, "camille").startsWith("/o/"));
        assertTrue(observation(caseId, id).get("observers").get(0).get("link").isNull(), "a link is shown once");

        try (Browser camille = Browser.start(); Browser guest = Browser.start()) {
            camille.driver.manage().window().setSize(new Dimension(390, 844));
            guest.driver.manage().window().setSize(new Dimension(820, 1180));

            camille.driver.get(url("/language?to=fr&back=/"));
            camille.driver.get(url(link(opened, "camille")));
            camille.assertAccessible("observer's link (fr)");
            camille.screenshot("observer-start-fr-phone", 390);
            start(camille, link(opened, "camille"), "fr");
            camille.assertAccessible("observer's grid (fr)");
            camille.screenshot("observer-grid-fr-phone", 390);
            assertTrue(main(camille).contains("« camille »"), main(camille));
            // The behavioural anchors are the choices themselves.
            assertTrue(camille.driver.findElement(By.cssSelector("label[for='q-listening-4']")).getText()
                    .contains("reformule la réclamation"));
            rate(camille, CAMILLE);
            waitUntilSaved(camille.driver);
            camille.screenshot("observer-grid-rated-fr-phone", 390, By.id("q-calm"));

            start(guest, link(opened, "guest1"), "en");
            guest.assertAccessible("observer's grid (en)");
            guest.screenshot("observer-grid-en-tablet", 820);
            // The guest sees nothing of Camille's ratings, saved as they are.
            assertTrue(guest.driver.findElements(By.cssSelector("input[type=radio]:checked")).isEmpty());
            assertFalse(main(guest).contains("camille"));
            assertEquals("0 / 7", guest.driver.findElement(By.id("progress-text")).getText());
            rate(guest, GUEST);
            waitUntilSaved(guest.driver);

            JsonNode waiting = observation(caseId, id);
            assertEquals("opened", statusOf(waiting, "camille"));
            assertTrue(waiting.get("ratings").isNull(), "no rating is read before all are in");

            submit(camille);
            camille.assertAccessible("observer's thanks (fr)");
            camille.screenshot("observer-done-fr-phone", 390);
            assertTrue(main(camille).contains("Merci, vos notes sont envoyées"), main(camille));
            waiting = observation(caseId, id);
            assertEquals("submitted", statusOf(waiting, "camille"));
            assertEquals("opened", statusOf(waiting, "guest1"));
            assertEquals("open", waiting.get("status").asText());
            assertTrue(waiting.get("ratings").isNull(), "no rating is read before all are in");

            // The guest's page, reloaded after Camille submitted, still shows only the guest's own ratings.
            guest.driver.navigate().refresh();
            waitFor(guest.driver, By.id("player"));
            for (int i = 0; i < CRITERIA.size(); i++) {
                assertTrue(guest.driver.findElement(By.id("q-" + CRITERIA.get(i) + "-" + GUEST.get(i))).isSelected());
            }
            assertEquals(CRITERIA.size(), guest.driver.findElements(By.cssSelector("input[type=radio]:checked")).size());
            submit(guest);
            guest.assertAccessible("observer's thanks (en)");
            guest.screenshot("observer-done-en-tablet", 820);

            // Going back to the page after submitting shows the thanks, never the ratings.
            camille.driver.get(url(camille.driver.getCurrentUrl().replace(url(""), "")));
            assertTrue(camille.driver.findElements(By.cssSelector("input[type=radio]")).isEmpty());

            // The fragment the counsellor's pages include, in a page of the engine: the ratings and the agreement.
            for (String lang : List.of("fr", "en")) {
                JsonNode view = observation(caseId, id);
                var summary = ObservationSummary.of(JSON.copy().findAndRegisterModules()
                        .treeToValue(view, io.bilan.engine.cases.Observations.ObservationView.class),
                        scoring.instrument(GRID, view.get("version").asText()), lang);
                String html = summaryFragment.data("summary", summary).data("t", PageTexts.of(lang)).render();
                guest.driver.get(url("/language?to=" + lang + "&back=/"));
                guest.driver.executeScript("document.getElementById('main').innerHTML = arguments[0]", html);
                guest.assertAccessible("observation summary (" + lang + ")");
                guest.screenshot("observation-summary-" + lang + "-tablet", 820);
                String table = guest.driver.findElement(By.cssSelector("table.ratings")).getText();
                assertTrue(table.contains(lang.equals("fr") ? "Pose des questions" : "Asks questions"), table);
                assertEquals(2, guest.driver.findElements(By.cssSelector("table.ratings tr.apart")).size());
                assertEquals(List.of("3", "3", "0"), guest.driver.findElements(By.cssSelector("table.ratings tbody tr:first-child td"))
                        .stream().map(cell -> cell.getText()).toList());
                String agreement = guest.driver.findElement(By.cssSelector(".agreement")).getText();
                assertTrue(agreement.contains(lang.equals("fr") ? "43" : "43%") && agreement.contains("71"), agreement);
            }
        }

        JsonNode stored = observation(caseId, id);
        assertEquals("stored", stored.get("status").asText());
        ObjectNode answers = JSON.createObjectNode();
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        for (int i = 0; i < CRITERIA.size(); i++) {
            answers.putObject(CRITERIA.get(i)).put("camille", CAMILLE.get(i)).put("guest1", GUEST.get(i));
            expected.put(CRITERIA.get(i), Map.of("camille", CAMILLE.get(i), "guest1", GUEST.get(i)));
        }
        assertEquals(JSON.valueToTree(expected), stored.get("ratings"));
        JsonNode agreement = stored.get("agreement");
        // Seven pairs, one per criterion: 3 with the same rating, 5 at most 1 point apart.
        assertEquals(7, agreement.get("pairs").asInt());
        assertEquals(3.0 / 7, agreement.get("exact").asDouble(), 1e-12);
        assertEquals(5.0 / 7, agreement.get("adjacent").asDouble(), 1e-12);
        assertEquals(JSON.readTree("[\"questions\", \"agreement\"]"), agreement.get("apart"));
        JsonNode questions = agreement.get("criteria").get(3);
        assertEquals("questions", questions.get("criterion").asText());
        assertEquals(2, questions.get("ratings").asInt());
        assertEquals(1, questions.get("min").asInt());
        assertEquals(3, questions.get("max").asInt());
        assertEquals(2, questions.get("range").asInt());

        long administration = stored.get("administration").asLong();
        JsonNode administered = JSON.readTree(given().auth().oauth2(counsellor)
                .get("/api/v1/cases/" + caseId + "/administrations/" + administration).then().statusCode(200)
                .extract().asString());
        assertEquals(GRID, administered.get("instrument").asText());
        assertEquals(stored.get("createdBy").asText(), administered.get("administeredBy").asText(),
                "administered by the counsellor who opened the observation");
        ObjectNode responses = JSON.createObjectNode();
        responses.set("answers", answers);
        JsonNode scored = JSON.readTree(given().auth().oauth2(counsellor).contentType("application/json")
                .body(responses.toString()).post("/api/v1/instruments/" + GRID + "/"
                        + administered.get("version").asText() + "/score?lang=en")
                .then().statusCode(200).extract().asString());
        assertEquals(scored, administered.get("report"));
        assertTrue(scored.toString().contains("observer-disagreement"), "the package's own flag agrees");
        JsonNode read = JSON.readTree(given().auth().oauth2(counsellor)
                .get("/api/v1/cases/" + caseId + "/administrations/" + administration + "/responses").then()
                .statusCode(200).extract().asString());
        assertEquals(answers, read.get("responses").get("answers"));

        String audit = given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId + "/audit").then()
                .statusCode(200).extract().asString();
        for (String action : List.of("observation-opened", "observer-link-opened", "observer-submitted",
                "instrument-administered", "observation-read")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
    }

    @Test
    void usedRevokedAndExpiredLinksOpenNothingAndASessionOpensOneObserverOnly() throws Exception {
        String caseId = caseInInvestigation(counsellor, "B-OBSERVE-2");
        JsonNode opened = openObservation(counsellor, caseId, "{\"instrument\": \"" + GRID + "\", "
                + "\"observers\": [\"a\", \"b\", \"c\", \"d\"], \"expiresInDays\": 2}");
        String id = opened.get("id").asText();
        try (Browser first = Browser.start(); Browser second = Browser.start()) {
            start(first, link(opened, "a"), "en");
            String pageOfA = first.driver.getCurrentUrl();
            String cookie = first.driver.manage().getCookieNamed("bilan_observer").getValue();

            // Used: the link opened once opens nothing in another browser.
            second.driver.get(url("/language?to=en&back=/"));
            second.driver.get(url(link(opened, "a")));
            assertTrue(main(second).contains("Link already used"), main(second));
            second.assertAccessible("used link");
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .post(link(opened, "a")).then().statusCode(410);

            // A's page without A's session, and A's session on B's page: nothing.
            second.driver.get(pageOfA);
            assertTrue(main(second).contains("Please open your link again"), main(second));
            second.assertAccessible("no observer session");
            start(second, link(opened, "b"), "en");
            String pageOfB = second.driver.getCurrentUrl();
            first.driver.get(pageOfB);
            assertTrue(first.driver.findElements(By.id("player")).isEmpty(), "A's cookie is not sent to B's page");

            // Writes need the session's CSRF token, even with the cookie.
            given().cookie("bilan_observer", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("a:listening", "3").formParam("action", "submit")
                    .post(pageOfA.replace(url(""), "")).then().statusCode(403);
            given().cookie("bilan_observer", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("a:listening", "3").post(pageOfA.replace(url(""), "") + "/draft").then().statusCode(403);

            // Submitting nothing rated, or a rating off the grid, is refused next to the item.
            first.driver.get(pageOfA);
            first.driver.findElement(By.id("submit")).click();
            waitFor(first.driver, By.id("error-summary"));
            first.assertAccessible("observer's grid with a problem");
            assertTrue(main(first).contains("rate at least one criterion"), main(first));

            // Revoked: B's page says so, and C's link opens nothing.
            given().auth().oauth2(counsellor).delete("/api/v1/cases/" + caseId + "/observations/" + id
                    + "/observers/b").then().statusCode(200);
            second.driver.get(pageOfB);
            assertTrue(main(second).contains("Observation closed"), main(second));
            second.assertAccessible("revoked observer");
            given().auth().oauth2(counsellor).delete("/api/v1/cases/" + caseId + "/observations/" + id
                    + "/observers/c").then().statusCode(200);
            second.driver.get(url(link(opened, "c")));
            assertTrue(main(second).contains("Link withdrawn"), main(second));

            // Expired: D's link, two days later.
            Instant now = clock.instant();
            try {
                clock.advance(Duration.ofDays(3));
                second.driver.get(url(link(opened, "d")));
                assertTrue(main(second).contains("Link expired"), main(second));
                second.assertAccessible("expired link");
                second.screenshot("observer-link-expired-en-phone", 390);
            } finally {
                clock.set(now);
            }
            JsonNode observers = observation(caseId, id);
            assertEquals("opened", statusOf(observers, "a"));
            assertEquals("revoked", statusOf(observers, "b"));
            assertEquals("revoked", statusOf(observers, "c"));

            // Closing with nothing submitted stores nothing; A submits, D is revoked, and the ratings are stored.
            given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/observations/" + id + "/close")
                    .then().statusCode(409).body("errors[0].code", org.hamcrest.Matchers.equalTo("no-ratings-submitted"));
            // A lost their link: a new one replaces it, and the session the old one opened opens nothing any more.
            String renewed = given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/observations/" + id
                    + "/observers/a/link").then().statusCode(200).extract().path("link");
            given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/observations/" + id
                    + "/observers/b/link").then().statusCode(409)
                    .body("errors[0].code", org.hamcrest.Matchers.equalTo("observer-done"));
            first.driver.get(pageOfA);
            assertTrue(main(first).contains("Please open your link again"), main(first));
            first.driver.get(url(link(opened, "a")));
            assertTrue(main(first).contains("Link not found"), main(first));
            start(first, renewed, "en");
            assertEquals(pageOfA, first.driver.getCurrentUrl());
            rate(first, CAMILLE);
            submit(first);
            JsonNode waiting = observation(caseId, id);
            assertEquals("open", waiting.get("status").asText(), "d has neither submitted nor been revoked");
            JsonNode closed = JSON.readTree(given().auth().oauth2(counsellor)
                    .post("/api/v1/cases/" + caseId + "/observations/" + id + "/close").then().statusCode(200)
                    .extract().asString());
            assertEquals("stored", closed.get("status").asText());
            assertEquals("revoked", statusOf(closed, "d"));
            assertEquals(1, closed.get("ratings").get("listening").size());
            assertEquals(0, closed.get("agreement").get("pairs").asInt());
            assertTrue(closed.get("agreement").get("exact").isNull());
        }
    }

    @Test
    void aCounsellorOfAnotherCentreOrNotOnTheCaseFindsNothing() throws Exception {
        String caseId = caseInInvestigation(counsellor, "B-OBSERVE-3");
        JsonNode opened = openObservation(counsellor, caseId, "{\"instrument\": \"" + GRID + "\", "
                + "\"observers\": [\"camille\"]}");
        String path = "/api/v1/cases/" + caseId + "/observations";
        for (String stranger : List.of(TestCallers.of(Roles.COUNSELLOR, "centre-b"), TestCallers.staff())) {
            given().auth().oauth2(stranger).get(path).then().statusCode(404);
            given().auth().oauth2(stranger).get(path + "/" + opened.get("id").asText()).then().statusCode(404);
            given().auth().oauth2(stranger).post(path + "/" + opened.get("id").asText() + "/close").then()
                    .statusCode(404);
            given().auth().oauth2(stranger).delete(path + "/" + opened.get("id").asText() + "/observers/camille")
                    .then().statusCode(404);
            given().auth().oauth2(stranger).contentType("application/json")
                    .body("{\"instrument\": \"" + GRID + "\", \"observers\": [\"x\"]}").post(path).then().statusCode(404);
        }
        given().auth().oauth2(counsellor).get(path + "/unknown").then().statusCode(404);
    }

    @Test
    void anObservationIsOpenedOnAGridWithNamedObservers() throws Exception {
        String caseId = caseInInvestigation(counsellor, "B-OBSERVE-4");
        String path = "/api/v1/cases/" + caseId + "/observations";
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"riasec-interests\", \"observers\": [\"x\"]}").post(path).then()
                .statusCode(409).body("errors[0].code", org.hamcrest.Matchers.equalTo("not-an-observation-grid"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"" + GRID + "\", \"observers\": [\"ok\", \"not ok\", \"ok\"]}").post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", org.hamcrest.Matchers.contains("/observers/1", "/observers/2"))
                .body("errors.code", org.hamcrest.Matchers.contains("invalid-observer", "duplicate-observer"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"" + GRID + "\", \"observers\": []}").post(path)
                .then().statusCode(400).body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/observers"));
        given().auth().oauth2(counsellor).contentType("application/json").header("Accept-Language", "fr")
                .body("{\"instrument\": \"" + GRID + "\", \"observers\": [\"a\"], \"expiresInDays\": 91}").post(path)
                .then().statusCode(400).body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/expiresInDays"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("jours"));
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"observers\": [\"a\"]}").post(path).then().statusCode(400);
        given().auth().oauth2(counsellor).get(path).then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        // The beneficiary is no observer, nor invited to the grid as a questionnaire.
        given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"instrument\": \"" + GRID + "\"}").post("/api/v1/cases/" + caseId + "/invitations").then()
                .statusCode(409);
    }

    @Test
    void anInterviewGridShowsItsObserverOnlyItsCriteria() throws Exception {
        // A case just opened is in the preliminary phase, which the interview grid belongs to.
        String caseId = given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"B-OBSERVE-5\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        JsonNode opened = openObservation(counsellor, caseId,
                "{\"instrument\": \"career-interview-grid\", \"observers\": [\"Zoé\"]}");
        try (Browser zoe = Browser.start()) {
            start(zoe, link(opened, "Zoé"), "en");
            zoe.assertAccessible("interview grid (en)");
            // Twelve criteria, and none of the notes and evidence the counsellor writes.
            assertEquals(12, zoe.driver.findElements(By.cssSelector("fieldset.item")).size());
            assertTrue(zoe.driver.findElements(By.tagName("textarea")).isEmpty());
            zoe.driver.findElement(By.cssSelector("label[for='q-value-achievement-3']")).click();
            zoe.driver.findElement(By.cssSelector("label[for='q-interest-s-2']")).click();
            submit(zoe);
        }
        JsonNode stored = observation(caseId, opened.get("id").asText());
        assertEquals("stored", stored.get("status").asText(), "its one observer submitted");
        assertEquals(JSON.readTree("{\"value-achievement\": {\"Zoé\": 3}, \"interest-s\": {\"Zoé\": 2}}"),
                stored.get("ratings"));
        JsonNode administered = JSON.readTree(given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId
                + "/administrations/" + stored.get("administration").asLong()).then().statusCode(200).extract().asString());
        ObjectNode responses = JSON.createObjectNode();
        responses.putObject("answers").setAll((ObjectNode) stored.get("ratings"));
        JsonNode scored = JSON.readTree(given().auth().oauth2(counsellor).contentType("application/json")
                .body(responses.toString()).post("/api/v1/instruments/career-interview-grid/"
                        + administered.get("version").asText() + "/score?lang=fr")
                .then().statusCode(200).extract().asString());
        assertEquals(scored, administered.get("report"));
    }
}
