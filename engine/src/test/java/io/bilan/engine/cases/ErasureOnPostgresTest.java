package io.bilan.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.persistence.Keyring;
import io.bilan.engine.postgres.PostgresProfile;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Erasure on PostgreSQL: the rows of a case never hold its personal data in clear (so neither do dead tuples, the
 * WAL nor backups), and once the case is erased its sealed values, as a backup would still have them, open no more.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ErasureOnPostgresTest {

    @Test
    void personalDataIsStoredSealedAndUnreadableOnceErased() throws Exception {
        CatalogReady.await();
        ErasureScenario scenario = new ErasureScenario();
        String id = scenario.writeEverywhere();
        DataSource database = Arc.container().instance(DataSource.class).get();
        assertEquals(List.of(), tablesHolding(database, scenario.mark), "no row of any table holds the marker in clear");

        // What a backup taken now keeps of the case: its sealed demand and synthesis.
        String demand;
        String synthesis;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT demand FROM bilan_case WHERE id = '" + id + "'")) {
                assertTrue(row.next());
                demand = row.getString(1);
            }
            try (ResultSet row = statement.executeQuery("SELECT content FROM case_synthesis WHERE case_id = '" + id + "'")) {
                assertTrue(row.next());
                synthesis = row.getString(1);
            }
        }
        assertTrue(Keyring.isSealed(demand) && Keyring.isSealed(synthesis), "stored sealed");
        Keyring keyring = ErasureScenario.keyring();
        assertEquals("demand " + scenario.mark, keyring.open(id, demand), "opens while the case exists");

        scenario.erase();
        assertEquals(List.of(), tablesHolding(database, id), "no row names the erased case");
        assertThrows(IllegalStateException.class, () -> keyring.open(id, demand));
        assertThrows(IllegalStateException.class, () -> keyring.open(id, synthesis));
        assertFalse(keyring.holds(id));
    }

    /** The tables of the schema with a row whose text holds {@code needle}. */
    static List<String> tablesHolding(DataSource database, String needle) throws Exception {
        List<String> holding = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.contains("bilan_case"));
            for (String table : tables) {
                // Every column as text; a bytea column shows as hex there, so it is searched as bytes too.
                String bytes = table.equals("idempotent_request")
                        ? " OR position(convert_to('" + needle + "', 'UTF8') in coalesce(t.body, ''::bytea)) > 0" : "";
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\" t WHERE "
                        + "position('" + needle + "' in t::text) > 0" + bytes)) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        holding.add(table);
                    }
                }
            }
        }
        return holding;
    }
}
