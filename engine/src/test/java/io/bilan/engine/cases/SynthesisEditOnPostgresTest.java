package io.bilan.engine.cases;

import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same tests as {@link SynthesisEditTest}, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class SynthesisEditOnPostgresTest extends SynthesisEditTest {
}
