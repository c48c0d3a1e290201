package io.bilan.engine.cases;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same submissions as {@link ObservationRacesTest}, on PostgreSQL, where concurrent transactions truly overlap. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ObservationRacesOnPostgresTest extends ObservationRacesTest {
}
