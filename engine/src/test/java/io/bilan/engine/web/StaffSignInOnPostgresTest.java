package io.bilan.engine.web;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests as {@link StaffSignInTest}, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class StaffSignInOnPostgresTest extends StaffSignInTest {
}
