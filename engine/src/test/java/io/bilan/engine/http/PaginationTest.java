package io.bilan.engine.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.TestClock;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists that grow come a page at a time: {@code limit}, an opaque {@code cursor}, and the next page's address in a
 * {@code Link} header, the body staying a JSON array. Walking the pages gives every item once, in the list's order.
 */
@QuarkusTest
class PaginationTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Inject
    TestClock clock;

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    /**
     * The items' {@code field} over every page, following the Link headers from {@code first}, which must take
     * {@code expectedPages} pages (any number up to 50 when negative).
     */
    private static List<String> walk(String caller, String first, String field, int expectedPages) {
        int most = expectedPages < 0 ? 50 : expectedPages;
        List<String> seen = new ArrayList<>();
        String address = first;
        int pages = 0;
        while (address != null) {
            Response page = given().auth().oauth2(caller).get(address).then().statusCode(200).extract().response();
            seen.addAll(page.jsonPath().getList(field, String.class));
            pages++;
            assertTrue(pages <= most, "more pages than " + most + " from " + first);
            address = next(page);
        }
        if (expectedPages >= 0) {
            assertEquals(expectedPages, pages, "pages from " + first);
        }
        return seen;
    }

    /** The address of the next page, or null on the last. */
    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertTrue(next.matches(), link);
        return next.group(1);
    }

    private static String open(String counsellor, String beneficiary) {
        return given().auth().oauth2(counsellor).contentType("application/json")
                .body("{\"beneficiary\": \"" + beneficiary + "\"}").post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void casesComeNewestFirstAPageAtATimeWithTheNextPageInALinkHeader() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR, "centre-pages");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open(counsellor, "B-PAGE-" + i));
        }
        List<String> newestFirst = given().auth().oauth2(counsellor).get("/api/v1/cases").then().statusCode(200)
                .body("$", hasSize(5)).extract().jsonPath().getList("id", String.class);
        assertEquals(opened.reversed(), newestFirst);

        Response first = given().auth().oauth2(counsellor).queryParam("limit", 2).get("/api/v1/cases").then()
                .statusCode(200).body("$", hasSize(2)).extract().response();
        String second = next(first);
        assertNotNull(second);
        assertTrue(second.startsWith("http://") && second.contains("/api/v1/cases?") && second.contains("limit=2")
                && second.contains("cursor="), second);
        // A case opened meanwhile comes before the first page: the pages that follow neither skip nor repeat one.
        String later = open(counsellor, "B-PAGE-LATER");
        List<String> seen = new ArrayList<>(first.jsonPath().getList("id", String.class));
        seen.addAll(walk(counsellor, second, "id", 2));
        assertEquals(newestFirst, seen);
        assertEquals(later, given().auth().oauth2(counsellor).queryParam("limit", 1).get("/api/v1/cases").then()
                .extract().path("[0].id"));
        // The last page has no next.
        given().auth().oauth2(counsellor).queryParam("limit", 6).get("/api/v1/cases").then().statusCode(200)
                .body("$", hasSize(6)).header("Link", equalTo(null));
    }

    @Test
    void aBeneficiarySeesTheirOwnCasesThePagedWayToo() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR, "centre-pages-beneficiary");
        String caseId = open(counsellor, "B-PAGE-OWN");
        String key = given().auth().oauth2(counsellor).post("/api/v1/cases/" + caseId + "/beneficiary-key").then()
                .statusCode(201).extract().path("key");
        given().auth().oauth2(key).queryParam("limit", 1).get("/api/v1/cases").then().statusCode(200)
                .body("id", equalTo(List.of(caseId))).header("Link", equalTo(null));
    }

    @Test
    void aLimitOutOfRangeOrACursorThisListDidNotGiveIsA400NamingTheParameter() {
        for (String limit : List.of("0", "201", "-1", "ten", "1.5")) {
            given().queryParam("limit", limit).get("/api/v1/cases").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:bilan:problem:invalid-request"))
                    .body("errors[0].pointer", equalTo("limit"))
                    .body("errors[0].code", equalTo("invalid-limit"));
        }
        String notACursor = "%%%";
        String oneKey = Base64.getUrlEncoder().encodeToString("registered-nurse".getBytes(StandardCharsets.UTF_8));
        String notAnInstant = Base64.getUrlEncoder().encodeToString("12\n34".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of(notACursor, oneKey, notAnInstant, "bm90IGJhc2U2NA==x")) {
            given().queryParam("cursor", cursor).get("/api/v1/cases").then().statusCode(400)
                    .body("errors[0].pointer", equalTo("cursor"))
                    .body("errors[0].code", equalTo("invalid-cursor"));
        }
        given().queryParam("cursor", notAnInstant).header("Accept-Language", "fr").get("/api/v1/api-keys").then()
                .statusCode(400).body("errors[0].message", startsWith("ce curseur"));
        given().queryParam("cursor", oneKey).queryParam("q", "plombier").get("/api/v1/occupations").then()
                .statusCode(400).body("errors[0].pointer", equalTo("cursor"));
        given().queryParam("limit", 500).get("/api/v1/occupations").then().statusCode(400)
                .body("errors[0].pointer", equalTo("limit"));
    }

    @Test
    void pagingThroughTheAuditTrailEndsThoughEachReadIsRecorded() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR, "centre-pages-audit");
        String caseId = open(counsellor, "B-PAGE-AUDIT");
        String audit = "/api/v1/cases/" + caseId + "/audit";
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(counsellor).get("/api/v1/cases/" + caseId).then().statusCode(200);
        }
        // case-opened, three case-read, and the audit-read of the first page: five pages of one, then no more.
        List<String> actions = walk(counsellor, audit + "?limit=1", "action", 5);
        assertEquals(List.of("case-opened", "case-read", "case-read", "case-read", "audit-read"), actions);
        // The reads of those pages are in the trail for the next reading.
        given().auth().oauth2(counsellor).get(audit).then().statusCode(200).body("$", hasSize(10))
                .header("Link", equalTo(null));
    }

    @Test
    void apiKeysComeNewestFirstAPageAtATime() {
        String admin = TestCallers.of(Roles.ADMIN);
        // Other tests set the shared clock back: these keys are made after every key already there.
        clock.moveAfterEveryApiKey();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"name\": \"paged " + i + "\", \"roles\": [\"researcher\"]}").post("/api/v1/api-keys").then()
                    .statusCode(201).extract().path("id"));
        }
        List<String> newest = given().auth().oauth2(admin).queryParam("limit", 6).get("/api/v1/api-keys").then()
                .statusCode(200).extract().jsonPath().getList("id", String.class);
        assertEquals(created.reversed(), newest.subList(0, 5));
        // Three pages of two give the same six keys, the newest first: however many keys the engine holds.
        List<String> paged = new ArrayList<>();
        String address = "/api/v1/api-keys?limit=2";
        for (int page = 0; page < 3; page++) {
            Response answer = given().auth().oauth2(admin).get(address).then().statusCode(200).body("$", hasSize(2))
                    .extract().response();
            paged.addAll(answer.jsonPath().getList("id", String.class));
            address = next(answer);
            assertNotNull(address, "a next page after page " + (page + 1));
        }
        assertEquals(newest, paged);
    }

    @Test
    void occupationsComeAPageAtATimeInTheSearchsOrder() {
        List<String> all = walk(TestCallers.staff(), "/api/v1/occupations?limit=200&lang=fr", "id", -1);
        assertTrue(all.size() > 400, "occupations: " + all.size());
        assertEquals(all.size(), new HashSet<>(all).size(), "no occupation twice");
        given().get("/api/v1/occupations").then().statusCode(200).body("$", hasSize(PageRequest.DEFAULT_LIMIT));
        List<String> nurses = given().queryParam("q", "infirmier").queryParam("limit", 200).get("/api/v1/occupations")
                .then().extract().jsonPath().getList("id", String.class);
        assertTrue(nurses.size() > 2, nurses.toString());
        List<String> paged = walk(TestCallers.staff(), "/api/v1/occupations?q=infirmier&limit=2", "id",
                (nurses.size() + 1) / 2);
        assertEquals(nurses, paged);
    }

    @Test
    void invitationsOfACaseComeOldestFirstAPageAtATime() {
        String counsellor = TestCallers.of(Roles.COUNSELLOR, "centre-pages-invitations");
        String caseId = open(counsellor, "B-PAGE-INVITED");
        String invitations = "/api/v1/cases/" + caseId + "/invitations";
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Each new invitation to the same instrument revokes the one before: the list keeps them all.
            created.add(given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"instrument\": \"preliminary-interview\"}").post(invitations).then().statusCode(201)
                    .extract().path("id"));
        }
        assertEquals(created, walk(counsellor, invitations + "?limit=2", "id", 2));
        Response last = given().auth().oauth2(counsellor).queryParam("limit", 3).get(invitations).then()
                .statusCode(200).extract().response();
        assertNull(last.header("Link"));
        assertFalse(last.jsonPath().getList("id").isEmpty());
    }
}
