package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A counsellor's list of cases costs the same few SQL statements whether it holds one case or ten. */
@QuarkusTest
class CaseListStatementsTest {

    /** The cases, their counsellors, their sessions, the phases of their administrations, their approved syntheses. */
    private static final long STATEMENTS = 5;

    @Inject
    EntityManagerFactory entities;

    @BeforeEach
    void setUp() throws InterruptedException {
        CatalogReady.await();
    }

    @Test
    void listingTenCasesRunsAsManyStatementsAsListingOne() {
        String one = TestCallers.of(Roles.COUNSELLOR, "centre-list-one");
        String ten = TestCallers.of(Roles.COUNSELLOR, "centre-list-ten");
        openWithASession(one, 1);
        openWithASession(ten, 10);

        long forOne = statementsToList(one, 1);
        long forTen = statementsToList(ten, 10);

        assertEquals(forOne, forTen, "one case: " + forOne + " statements; ten cases: " + forTen);
        assertEquals(STATEMENTS, forTen);
    }

    @Test
    void anEmptyListRunsOneStatement() {
        String none = TestCallers.of(Roles.COUNSELLOR, "centre-list-none");
        assertEquals(1, statementsToList(none, 0));
    }

    private static void openWithASession(String counsellor, int cases) {
        for (int i = 0; i < cases; i++) {
            String id = CaseFixtures.open(counsellor, "B-LIST-" + i);
            given().auth().oauth2(counsellor).contentType("application/json")
                    .body("{\"date\": \"2026-11-20\", \"minutes\": 60, \"activities\": \"Entretien\"}")
                    .post("/api/v1/cases/" + id + "/sessions").then().statusCode(201);
        }
    }

    /** The statements one listing runs, once the caller's key is known (checking it is not the list's cost). */
    private long statementsToList(String counsellor, int expected) {
        given().auth().oauth2(counsellor).get("/api/v1/cases").then().statusCode(200).body("$", hasSize(expected));
        Statistics statistics = entities.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().auth().oauth2(counsellor).get("/api/v1/cases").then().statusCode(200).body("$", hasSize(expected))
                .body("hours.minutesUsed", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(60)));
        return statistics.getPrepareStatementCount();
    }
}
