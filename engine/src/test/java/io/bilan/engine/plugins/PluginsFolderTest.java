package io.bilan.engine.plugins;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Java scorer plugins from the plugins folder: a working one scores, a broken one fails only its instruments. */
@QuarkusTest
@TestProfile(PluginsProfile.class)
class PluginsFolderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERS = "{\"answers\": {\"coord1\": 5, \"coord2\": 5, \"coord3\": 1, \"coord4\": 5}}";

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    /** The example package renamed {@code id}, scored by the Java scorer {@code scorer}, without fixtures. */
    private static byte[] scoredBy(String id, String scorer) throws Exception {
        PackageSource source = new PackageReader().read(Packages.TEAMWORK);
        ObjectNode manifest = (ObjectNode) JSON.readTree(source.file(PackageSource.MANIFEST).orElseThrow());
        manifest.put("id", id);
        manifest.putObject("scoring").put("scorer", scorer);
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("test", files), zip);
        return zip.toByteArray();
    }

    @Test
    void aPluginScorerFromTheFolderScores() throws Exception {
        given().contentType("application/zip").body(scoredBy("plugin-scored", PluginsProfile.SCORER))
                .post("/api/v1/instruments").then().statusCode(201);
        given().contentType("application/json").body(ANSWERS).post("/api/v1/instruments/plugin-scored/1.0.0/score")
                .then().statusCode(200).body("instrument", equalTo("plugin-scored@1.0.0"));
    }

    @Test
    void aBrokenPluginFailsOnlyTheInstrumentsNamingItsScorer() throws Exception {
        given().contentType("application/zip").body(scoredBy("needs-broken", "example.from-broken-jar"))
                .post("/api/v1/instruments").then().statusCode(400)
                .body("errors.code", hasItem("unknown-scorer"))
                .body("errors[0].message", containsString("broken.jar"))
                .body("errors[0].message", containsString("example.plugin.Missing"));
        given().contentType("application/json").body(ANSWERS).post("/api/v1/instruments/teamwork-styles/1.0.0/score")
                .then().statusCode(200);
    }
}
