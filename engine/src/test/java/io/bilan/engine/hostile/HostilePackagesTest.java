package io.bilan.engine.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.engine.catalog.PackageRecord;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile packages published through the API. Each is the valid example package with one hostile twist, so the
 * twist is the only reason to refuse it: each is refused with a problem naming what is wrong, and nothing of it
 * is stored.
 */
@QuarkusTest
class HostilePackagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "hostile-package";

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        CatalogReady.await();
    }

    /** The files of the example package, renamed {@value #ID}; a valid package as it is. */
    private static Map<String, byte[]> validFiles() throws Exception {
        PackageSource source = new PackageReader().read(Packages.TEAMWORK);
        ObjectNode manifest = (ObjectNode) JSON.readTree(source.file(PackageSource.MANIFEST).orElseThrow());
        manifest.put("id", ID);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest));
        source.files().forEach((path, content) -> {
            if (!path.startsWith("fixtures/") && !path.equals(PackageSource.MANIFEST)) {
                files.put(path, content);
            }
        });
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files, Charset names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        return zip(files, StandardCharsets.UTF_8);
    }

    private static byte[] validWith(String path, byte[] content) throws Exception {
        Map<String, byte[]> files = validFiles();
        files.put(path, content);
        return zip(files);
    }

    private static byte[] manifestWith(String text) throws Exception {
        Map<String, byte[]> files = validFiles();
        files.put(PackageSource.MANIFEST, text.getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    /** Marks the central directory record of {@code name} as a Unix symbolic link, as zip -y writes one. */
    private static byte[] markAsLink(byte[] zip, String name) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (bytes.getInt(at) == 0x02014b50 && Short.toUnsignedInt(bytes.getShort(at + 28)) == wanted.length
                    && java.util.Arrays.equals(zip, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                bytes.putShort(at + 4, (short) (3 << 8 | 20));
                bytes.putInt(at + 38, 0120777 << 16);
                return zip;
            }
        }
        throw new IllegalArgumentException(name + " not in the zip");
    }

    private static long storedPackages() {
        return QuarkusTransaction.requiringNew().call(() -> PackageRecord.count());
    }

    /** Publishes {@code zip}, expects a refusal with {@code status} and the error {@code code}, and nothing stored. */
    private static void refused(String why, byte[] zip, int status, String code) {
        long before = storedPackages();
        var response = given().contentType("application/zip").body(zip).post("/api/v1/instruments").then()
                .statusCode(status)
                .contentType("application/problem+json");
        if (code != null) {
            response.body("errors.code", hasItem(code));
        }
        assertEquals(before, storedPackages(), why + ": nothing stored");
        given().get("/api/v1/instruments/" + ID).then().statusCode(404);
    }

    @Test
    void theValidPackageTheTwistsStartFromIsAccepted() throws Exception {
        // Checked with another id, so that the hostile ones below stay unpublished whatever their order.
        Map<String, byte[]> files = validFiles();
        ObjectNode manifest = (ObjectNode) JSON.readTree(files.get(PackageSource.MANIFEST));
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest.put("id", "hostile-baseline")));
        given().contentType("application/zip").body(zip(files)).post("/api/v1/instruments").then().statusCode(201);
    }

    @Test
    void aPackageOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] random = new byte[11 << 20];
        new java.util.Random(7).nextBytes(random);
        long before = storedPackages();
        given().contentType("application/zip").body(validWith("padding.bin", random)).post("/api/v1/instruments")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:body-too-large"));
        assertEquals(before, storedPackages());
    }

    @Test
    void zipBombsAndTooManyEntriesAreRefused() throws Exception {
        byte[] bomb = validWith("bomb.txt", new byte[60 << 20]);
        assertTrue(bomb.length < 1 << 20, "the bomb is small as a zip: " + bomb.length);
        refused("bomb", bomb, 400, "file-too-large");

        Map<String, byte[]> many = validFiles();
        for (int i = 0; i < 1_001; i++) {
            many.put("extra/" + i + ".txt", new byte[] {'x'});
        }
        refused("entries", zip(many), 400, "too-many-entries");
    }

    @Test
    void entriesEscapingThePackageAndLinksAreRefused() throws Exception {
        for (String path : new String[] {"../outside.json", "/etc/cron.d/bilan", "texts/../../outside", "C:/bilan.js",
                "a\\..\\b.js"}) {
            refused(path, validWith(path, "{}".getBytes(StandardCharsets.UTF_8)), 400, "entry-outside-package");
        }
        refused("link", markAsLink(validWith("passwd", "/etc/passwd".getBytes(StandardCharsets.UTF_8)), "passwd"),
                400, "link-in-package");
    }

    @Test
    void duplicateEntriesAndNamesThatAreNotUtf8AreRefused() throws Exception {
        // ZipOutputStream refuses duplicate names, so rename the second entry in the bytes afterwards.
        byte[] twice = validWith("manifesX.json", "{}".getBytes(StandardCharsets.UTF_8));
        String latin1 = new String(twice, StandardCharsets.ISO_8859_1).replace("manifesX.json", "manifest.json");
        refused("duplicate", latin1.getBytes(StandardCharsets.ISO_8859_1), 400, "duplicate-entry");

        Map<String, byte[]> files = validFiles();
        files.put("texts/r\u00e9sum\u00e9.txt", new byte[] {'x'});
        refused("latin-1 name", zip(files, StandardCharsets.ISO_8859_1), 400, "entry-name-not-utf8");
    }

    @Test
    void malformedDeepAndHugeJsonIsRefusedWithTheFileNamed() throws Exception {
        String manifest = new String(validFiles().get(PackageSource.MANIFEST), StandardCharsets.UTF_8);
        refused("cut", manifestWith(manifest.substring(0, manifest.length() / 2)), 400, null);
        refused("deep", manifestWith(manifest.replaceFirst("\\{", "{\"deep\": " + "[".repeat(10_000)
                + "]".repeat(10_000) + ",")), 400, null);
        refused("huge string", manifestWith(manifest.replaceFirst("\\{", "{\"huge\": \"" + "a".repeat(6_000_000)
                + "\",")), 400, null);
        refused("huge number", manifestWith(manifest.replaceFirst("\\{", "{\"huge\": " + "9".repeat(100_000)
                + ",")), 400, null);
        given().contentType("application/zip").body(manifestWith("{\"id\": ")).post("/api/v1/instruments").then()
                .statusCode(400).body("errors.file", hasItem(PackageSource.MANIFEST));
    }
}
