package io.bilan.engine.catalog;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Stored packages' fixtures on PostgreSQL, whose schema the same migration changes. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class StoredFixturesOnPostgresTest extends StoredFixturesTest {
}
