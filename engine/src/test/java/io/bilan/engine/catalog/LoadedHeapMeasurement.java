package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;

import io.bilan.engine.CatalogReady;
import io.bilan.engine.Packages;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures of SECURITY.md ("Catalogue memory and quotas"): the heap after a full collection while an admin
 * publishes versions of a 9.7 MB package (unpacked). A measurement, not a check: run it on demand with
 * {@code -Dmeasure.heap=true} (and {@code -Dbilan.catalog.loaded-budget=...} to try another budget).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "measure.heap", matches = "true")
class LoadedHeapMeasurement {

    private static final int PADDING = 9_600_000;

    @Test
    void heapAfterFullCollectionWhilePublishingLargeVersions() throws Exception {
        CatalogReady.await();
        int versions = Integer.getInteger("measure.versions", 30);
        System.out.printf("heap-measure versions=0 heap=%d MB%n", heapAfterFullCollection());
        for (int i = 1; i <= versions; i++) {
            given().contentType("application/zip").body(large("large-styles", "1.0." + i, i))
                    .post("/api/v1/instruments").then().statusCode(201);
            if (i % 10 == 0) {
                System.out.printf("heap-measure versions=%d heap=%d MB%n", i, heapAfterFullCollection());
            }
        }
    }

    private static long heapAfterFullCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static byte[] large(String id, String version, long seed) throws Exception {
        Random random = new Random(seed);
        byte[] padding = new byte[PADDING];
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < PADDING; i++) {
            padding[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        PackageSource source = new PackageReader().readZip(
                Packages.teamwork(manifest -> manifest.put("id", id).put("version", version)), "measure");
        TreeMap<String, byte[]> files = new TreeMap<>(source.files());
        files.put("notes.txt", padding);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("measure", files), zip);
        return zip.toByteArray();
    }
}
