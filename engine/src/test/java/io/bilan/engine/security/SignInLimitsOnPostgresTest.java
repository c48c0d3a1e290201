package io.bilan.engine.security;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests as {@link SignInLimitsTest}, on PostgreSQL: attempts sent together are counted by the database. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class SignInLimitsOnPostgresTest extends SignInLimitsTest {
}
