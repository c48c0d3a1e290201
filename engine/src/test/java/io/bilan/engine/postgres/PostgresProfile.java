package io.bilan.engine.postgres;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Runs the engine on the PostgreSQL every development and CI machine provides at 127.0.0.1:5432 (database
 * {@code test}, user {@code postgres}, trust authentication), or at {@code BILAN_TEST_POSTGRES_URL}. The schema
 * is dropped and migrated again at start, so runs are repeatable.
 */
public class PostgresProfile implements QuarkusTestProfile {

    public static final String URL = System.getenv().getOrDefault("BILAN_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("BILAN_TEST_POSTGRES_USER", "postgres");

    @Override
    public Map<String, String> getConfigOverrides() {
        requireReachable();
        return Map.of(
                "quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", System.getenv().getOrDefault("BILAN_TEST_POSTGRES_PASSWORD", ""),
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }

    /** Fails with a message saying what to start, rather than letting the tests be skipped. */
    public static void requireReachable() {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", USER);
        credentials.setProperty("password", System.getenv().getOrDefault("BILAN_TEST_POSTGRES_PASSWORD", ""));
        credentials.setProperty("connectTimeout", "5");
        // The driver directly: DriverManager does not see drivers of Quarkus's test class loader.
        try (Connection connection = new org.postgresql.Driver().connect(URL, credentials)) {
            connection.isValid(2);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL tests need a PostgreSQL 15+ server at " + URL + " (user "
                    + USER + "): start one, or point BILAN_TEST_POSTGRES_URL/_USER/_PASSWORD at one. " + e.getMessage(), e);
        }
    }
}
