package io.bilan.engine.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.TestCallers;
import io.bilan.engine.persistence.Keyring;
import io.bilan.engine.persistence.PersonalDataStartup;
import io.bilan.engine.security.Roles;
import io.quarkus.arc.Arc;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database written before personal data was sealed: its rows are sealed at the next start, and read as before. */
@QuarkusTest
class SealingOfOlderRowsTest {

    @Test
    void plaintextRowsAreSealedOnceAndStillRead() throws Exception {
        CatalogReady.await();
        String id = UUID.randomUUID().toString();
        String subject = "legacy-" + id;
        DataSource database = Arc.container().instance(DataSource.class).get();
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bilan_case (id, centre, "
                    + "beneficiary, beneficiary_subject, contact, phase, demand, created_by, created_at) "
                    + "VALUES (?, ?, 'B-old', ?, '{\"email\":\"old@example.org\"}', 'preliminary', 'old demand', "
                    + "'key:someone', CURRENT_TIMESTAMP)")) {
                insert.setString(1, id);
                insert.setString(2, TestCallers.CENTRE);
                insert.setString(3, subject);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO case_audit (case_id, at, actor, "
                    + "action, detail) VALUES (?, CURRENT_TIMESTAMP, ?, 'case-opened', 'old detail')")) {
                insert.setString(1, id);
                insert.setString(2, subject);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotent_request (caller, "
                    + "idempotency_key, operation, request_hash, status, body, scope, created_at) "
                    + "VALUES (?, 'k1', 'POST /api/v1/cases', 'h', 201, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, subject);
                insert.setBytes(2, "{\"demand\":\"old demand\"}".getBytes(StandardCharsets.UTF_8));
                insert.setString(3, id);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM personal_data_sealing");
                statement.executeUpdate("INSERT INTO personal_data_sealing (pending) VALUES (TRUE)");
            }
        }

        Arc.container().instance(PersonalDataStartup.class).get().run();

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT beneficiary, beneficiary_subject, contact, demand, "
                    + "beneficiary_subject_hash FROM bilan_case WHERE id = '" + id + "'")) {
                assertTrue(row.next());
                for (int column = 1; column <= 4; column++) {
                    assertTrue(Keyring.isSealed(row.getString(column)), "column " + column + " sealed");
                }
                assertEquals(64, row.getString(5).length());
            }
            try (ResultSet row = statement.executeQuery("SELECT actor, detail FROM case_audit WHERE case_id = '" + id + "'")) {
                assertTrue(row.next());
                assertTrue(Keyring.isSealed(row.getString(1)) && Keyring.isSealed(row.getString(2)));
            }
            try (ResultSet row = statement.executeQuery("SELECT caller, body FROM idempotent_request WHERE scope = '" + id + "'")) {
                assertTrue(row.next());
                assertTrue(row.getString(1).startsWith("hmac:"));
                assertTrue(Keyring.isSealed(row.getBytes(2)));
            }
            try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM personal_data_sealing")) {
                row.next();
                assertEquals(0, row.getInt(1), "done once");
            }
        }
        // The beneficiary still finds and reads their case.
        String beneficiary = Jwt.issuer("https://idp.bilan.test").subject(subject).groups(Set.of(Roles.BENEFICIARY))
                .claim("centre", TestCallers.CENTRE).sign();
        given().auth().oauth2(beneficiary).get("/api/v1/cases").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(beneficiary).get("/api/v1/cases/" + id).then().statusCode(200)
                .body("demand", equalTo("old demand")).body("beneficiary", equalTo("B-old"))
                .body("contact.email", equalTo("old@example.org"));
    }
}
