package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.config.EngineConfig;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list of passed fixtures ({@code bilan.catalog.fixtures-passed}) spares a start-up package its fixtures only
 * when it names the package under this very runtime. Each package of this engine's folder is teamwork-styles under
 * another id, with a fixture that expects a wrong score, so a start-up that runs its fixtures refuses it: listed
 * under this runtime it is published, and scores right; listed under another runtime, or not at all, it is not.
 */
@QuarkusTest
@TestProfile(StartupPassedFixturesTest.ListedPackages.class)
class StartupPassedFixturesTest {

    private static final String FIXTURE = "fixtures/clear-primary-style.json";
    private static final String ANOTHER_RUNTIME = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static class ListedPackages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // Under target, which the build cleans.
                Path work = Files.createTempDirectory(Path.of("target"), "passed-fixtures").toAbsolutePath();
                Path folder = Files.createDirectories(work.resolve("packages"));
                Path list = work.resolve("fixtures-passed.txt");
                // Built as the engine builds its own (RuntimeProducer), with the default limits: the same identity.
                try (BilanRuntime runtime = BilanRuntime.builder().build()) {
                    String here = wrongFixture(folder, "listed-here", runtime);
                    String elsewhere = wrongFixture(folder, "listed-elsewhere", runtime);
                    wrongFixture(folder, "not-listed", runtime);
                    Files.writeString(list, "# as the build writes it\n\n" + here + " " + runtime.identity() + "\n"
                            + elsewhere + "  " + ANOTHER_RUNTIME + "\n" + "a line that is no entry\n");
                }
                return Map.of("bilan.catalog.folders", folder.toString(),
                        "bilan.catalog.fixtures-passed", list.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    BilanRuntime runtime;

    @Inject
    EngineConfig config;

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        // This profile's engine publishes its catalogue on a fresh database.
        CatalogReady.await();
    }

    @Test
    void aPackageListedUnderThisRuntimeIsPublishedWithoutRunningItsFixtures() throws Exception {
        // The list this engine read names its own runtime: the profile built one alike. (It would not if the runtime's
        // classes and its installed jar came from two builds, e.g. sdk/runtime compiled again but not installed.)
        String list = Files.readString(config.catalog().fixturesPassed().orElseThrow());
        assertTrue(list.contains(" " + runtime.identity() + "\n"), () -> "the list names another runtime:\n" + list);

        score("listed-here").statusCode(200)
                // Hand-computed in teamwork-styles' fixture: coordinating 15, delivering 23 (the copy expects 16).
                .body("scales.coordinating.raw", equalTo(15.0f))
                .body("scales.delivering.raw", equalTo(23.0f));
        assertEquals(runtime.identity(), QuarkusTransaction.requiringNew().call(() -> PackageRecord
                .<PackageRecord>find("instrumentId", "listed-here").singleResult().fixturesPassedUnder));
    }

    @Test
    void aPackageListedUnderAnotherRuntimeOrNotListedRunsItsFixturesAndIsNotPublished() {
        for (String id : new String[] {"listed-elsewhere", "not-listed"}) {
            given().get("/api/v1/instruments/" + id).then().statusCode(404);
        }
    }

    /**
     * Writes teamwork-styles as {@code id}, its fixture expecting coordinating to be 16 where it is 15, into
     * {@code folder} as a zip, and returns its digest as the start-up reads it.
     */
    private static String wrongFixture(Path folder, String id, BilanRuntime runtime) throws Exception {
        PackageSource source = new PackageReader().readZip(Packages.teamwork(manifest -> manifest.put("id", id)), id);
        ObjectNode fixture = (ObjectNode) JSON.readTree(source.file(FIXTURE).orElseThrow());
        ((ObjectNode) fixture.path("expect").path("scales").path("coordinating")).put("raw", 16);
        TreeMap<String, byte[]> files = new TreeMap<>(source.files());
        files.put(FIXTURE, JSON.writeValueAsBytes(fixture));
        Path zip = folder.resolve(id + ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            PackageWriter.writeZip(new PackageSource(id, files), out);
        }
        return runtime.read(zip).digest();
    }

    private static io.restassured.response.ValidatableResponse score(String id) throws IOException {
        String answers = JSON.readTree(Files.readAllBytes(Packages.TEAMWORK.resolve(FIXTURE))).get("responses")
                .toString();
        return given().contentType("application/json").body(answers)
                .post("/api/v1/instruments/" + id + "/1.0.0/score").then();
    }
}
