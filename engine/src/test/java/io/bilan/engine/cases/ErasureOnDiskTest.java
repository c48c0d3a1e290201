package io.bilan.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.CatalogReady;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Erasure on the embedded H2 file as the engine is configured by default (its own JDBC URL, the keyring in the data
 * folder), with the log written in the data folder too: once a case is erased and the database closed and opened
 * again, no byte of any file there holds a marker written into every personal field of the case.
 */
@QuarkusTest
@TestProfile(ErasureOnDiskTest.OnDisk.class)
class ErasureOnDiskTest {

    static final Path DATA = Path.of("target/erasure-on-disk").toAbsolutePath();

    /** The default database URL of application.properties, in a data folder of its own, emptied first. */
    public static class OnDisk implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            delete(DATA);
            Properties defaults = new Properties();
            try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
                defaults.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String url = defaults.getProperty("quarkus.datasource.jdbc.url").replace("${bilan.data-dir}", DATA.toString());
            return Map.of("bilan.data-dir", DATA.toString(),
                    "quarkus.datasource.jdbc.url", url,
                    "bilan.erasure.keyring-dir", DATA.resolve("keyring").toString(),
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", DATA.resolve("bilan.log").toString());
        }
    }

    @Test
    void anErasedCaseLeavesNoByteOfItsPersonalDataInTheDataFolder() throws Exception {
        CatalogReady.await();
        ErasureScenario scenario = new ErasureScenario();
        String id = scenario.writeEverywhere();
        DataSource database = Arc.container().instance(DataSource.class).get();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // Flushed to the file now, so that what is scanned below is what the engine wrote.
            statement.execute("CHECKPOINT SYNC");
        }
        // Sealed before any erasure: the file never holds the plaintext.
        assertEquals(List.of(), filesHolding(scenario.markBytes(), null), "the marker is in no file, the log included");

        scenario.erase();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        // Opened again, as at a restart: nothing of the case, and the marker in no file of the folder.
        String url = "jdbc:h2:file:" + DATA.resolve("bilan") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;TRACE_LEVEL_FILE=0";
        try (Connection connection = new org.h2.Driver().connect(url, credentials());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM bilan_case WHERE id = '" + id + "'")) {
            assertTrue(rows.next());
            assertEquals(0, rows.getInt(1));
        }
        assertFalse(Files.exists(DATA.resolve("bilan.trace.db")), "H2 writes no trace file");
        assertTrue(Files.size(DATA.resolve("bilan.mv.db")) > 0);
        assertEquals(List.of(), filesHolding(scenario.markBytes(), null), "no file of the data folder holds the marker");
    }

    private static Properties credentials() {
        Properties credentials = new Properties();
        credentials.setProperty("user", "bilan");
        credentials.setProperty("password", "");
        return credentials;
    }

    /** The files of the data folder holding {@code needle}, but {@code except}. */
    static List<String> filesHolding(byte[] needle, String except) throws IOException {
        List<String> holding = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DATA)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(except)
                        && ErasureScenario.contains(Files.readAllBytes(file), needle)) {
                    holding.add(DATA.relativize(file).toString());
                }
            }
        }
        return holding;
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
