package io.bilan.engine.http;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests as {@link PaginationTest}, on PostgreSQL: the cursors compare instants and ids as H2 does. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PaginationOnPostgresTest extends PaginationTest {
}
