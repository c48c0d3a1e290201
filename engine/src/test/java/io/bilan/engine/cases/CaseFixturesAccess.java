package io.bilan.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Case helpers for tests outside this package. */
public final class CaseFixturesAccess {

    private CaseFixturesAccess() {
    }

    /** A case of {@code counsellor}'s centre taken into the investigation phase; its id. */
    public static String caseInInvestigation(String counsellor) {
        String id = CaseFixtures.open(counsellor, "B-FUZZ-TARGET");
        CaseFixtures.intoInvestigation(counsellor, id);
        return id;
    }

    /** Every administration of the case has a report, and an audit entry for each, as one transaction writes them. */
    public static void assertConsistent(String caseId) {
        QuarkusTransaction.requiringNew().run(() -> {
            long administrations = CaseAdministration.count("caseId", caseId);
            for (CaseAdministration administration : CaseAdministration.<CaseAdministration>list("caseId", caseId)) {
                assertNotNull(administration.report);
                assertNotNull(administration.digest);
            }
            assertEquals(administrations, CaseAudit.count("caseId = ?1 and action = ?2", caseId,
                    "instrument-administered"), "one audit entry per stored result");
        });
    }
}
