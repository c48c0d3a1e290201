package io.bilan.engine.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * At start, after the migrations: completes the erasures an engine stop interrupted between the commit and the
 * destruction of the key, and seals the personal data written in clear before it was sealed (once, the first start
 * after the migration that introduced sealing).
 */
@ApplicationScoped
public class PersonalDataStartup {

    private static final Logger LOG = Logger.getLogger(PersonalDataStartup.class);

    /** The personal columns of each table, with the key of its rows and the column naming the row's case. */
    record Personal(String table, List<String> key, String owner, List<String> columns, boolean bytes) {
    }

    static final List<Personal> PERSONAL = List.of(
            new Personal("bilan_case", List.of("id"), "id", List.of("beneficiary", "beneficiary_subject", "contact",
                    "demand", "fit_route", "closing_route", "beneficiary_signed_by"), false),
            new Personal("case_session", List.of("id"), "case_id", List.of("activities"), false),
            new Personal("case_administration", List.of("id"), "case_id",
                    List.of("responses", "report", "administered_by"), false),
            new Personal("case_synthesis", List.of("case_id"), "case_id",
                    List.of("content", "change_request", "approved_by"), false),
            new Personal("case_consent", List.of("id"), "case_id", List.of("recipient", "purpose", "given_by"),
                    false),
            new Personal("case_audit", List.of("id"), "case_id", List.of("detail", "actor"), false),
            new Personal("idempotent_request", List.of("caller", "idempotency_key"), "scope", List.of("body"), true));

    private final DataSource dataSource;
    private final Keyring keyring;

    PersonalDataStartup(DataSource dataSource, Keyring keyring) {
        this.dataSource = dataSource;
        this.keyring = keyring;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        run();
    }

    /** Completes interrupted erasures, and seals rows written in clear if the migration asked for it. */
    public void run() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            completeErasures(connection);
            sealPlaintext(connection);
        }
    }

    private void completeErasures(Connection connection) throws SQLException {
        for (String owner : keyring.pendingErasures()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM bilan_case WHERE id = ?")) {
                query.setString(1, owner);
                try (ResultSet found = query.executeQuery()) {
                    if (found.next()) {
                        keyring.unmarkErasing(owner);
                    } else {
                        keyring.destroy(owner);
                    }
                }
            }
        }
    }

    private void sealPlaintext(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int pending;
            // Two instances starting together: the second waits for the first's commit, then finds nothing to do.
            try (PreparedStatement claim = connection.prepareStatement("DELETE FROM personal_data_sealing")) {
                pending = claim.executeUpdate();
            }
            if (pending == 0) {
                connection.rollback();
                return;
            }
            int sealed = 0;
            for (Personal personal : PERSONAL) {
                sealed += seal(connection, personal);
            }
            sealed += hashCallers(connection);
            connection.commit();
            if (sealed > 0) {
                LOG.infof("personal data: %d row(s) written before sealing are now sealed; compact the database "
                        + "(H2: SHUTDOWN COMPACT, PostgreSQL: VACUUM FULL) to drop their plaintext copies", sealed);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Replaces the callers of kept responses by their keyed hash, as {@code IdempotentRequest.Id.of} names them. */
    private int hashCallers(Connection connection) throws SQLException {
        int hashed = 0;
        try (PreparedStatement rows = connection.prepareStatement(
                "SELECT caller, idempotency_key FROM idempotent_request WHERE caller NOT LIKE 'hmac:%'");
                ResultSet row = rows.executeQuery();
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE idempotent_request SET caller = ? WHERE caller = ? AND idempotency_key = ?")) {
            while (row.next()) {
                write.setString(1, "hmac:" + keyring.lookupHash(row.getString(1)));
                write.setString(2, row.getString(1));
                write.setString(3, row.getString(2));
                hashed += write.executeUpdate();
            }
        }
        return hashed;
    }

    private int seal(Connection connection, Personal personal) throws SQLException {
        String keys = String.join(", ", personal.key());
        String select = "SELECT " + keys + ", " + personal.owner() + ", " + String.join(", ", personal.columns())
                + " FROM " + personal.table() + " WHERE " + personal.owner() + " IS NOT NULL";
        boolean cases = personal.table().equals("bilan_case");
        String update = "UPDATE " + personal.table() + " SET "
                + String.join(", ", personal.columns().stream().map(c -> c + " = ?").toList())
                + (cases ? ", beneficiary_subject_hash = ?" : "") + " WHERE "
                + String.join(" AND ", personal.key().stream().map(k -> k + " = ?").toList());
        int sealed = 0; // rows
        try (PreparedStatement rows = connection.prepareStatement(select);
                ResultSet row = rows.executeQuery();
                PreparedStatement write = connection.prepareStatement(update)) {
            while (row.next()) {
                int keyCount = personal.key().size();
                String owner = row.getString(keyCount + 1);
                int parameter = 1;
                boolean changed = false;
                for (int i = 0; i < personal.columns().size(); i++) {
                    int column = keyCount + 2 + i;
                    if (personal.bytes()) {
                        byte[] value = row.getBytes(column);
                        changed |= value != null && !Keyring.isSealed(value);
                        write.setBytes(parameter++, Keyring.isSealed(value) ? value : keyring.seal(owner, value));
                    } else {
                        String value = row.getString(column);
                        changed |= value != null && !Keyring.isSealed(value);
                        write.setString(parameter++, Keyring.isSealed(value) ? value : keyring.seal(owner, value));
                    }
                }
                if (cases) {
                    String subject = keyring.open(owner, row.getString(keyCount + 2 + personal.columns().indexOf("beneficiary_subject")));
                    write.setString(parameter++, keyring.lookupHash(subject));
                }
                for (int k = 0; k < keyCount; k++) {
                    write.setObject(parameter++, row.getObject(k + 1));
                }
                if (changed) {
                    write.executeUpdate();
                    sealed++;
                }
            }
        }
        return sealed;
    }
}
