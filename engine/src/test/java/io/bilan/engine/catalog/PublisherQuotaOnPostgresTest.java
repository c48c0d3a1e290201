package io.bilan.engine.catalog;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/** The memory budget and the quotas on PostgreSQL, whose locking the quota's count relies on too. */
@QuarkusTest
@TestProfile(PublisherQuotaOnPostgresTest.OnPostgres.class)
class PublisherQuotaOnPostgresTest extends PublisherQuotaAndBudgetTest {

    public static class OnPostgres extends PostgresProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.putAll(new SmallLimits().getConfigOverrides());
            return overrides;
        }
    }
}
