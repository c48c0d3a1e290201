package io.bilan.runtime.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.runtime.TestPackages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Folders and zips give the same package and digest; unsafe zips are refused with a clear code. */
class PackageReaderTest {

    private final PackageReader reader = new PackageReader();

    @Test
    void aFolderAndItsPackedZipShareTheDigest() throws Exception {
        PackageSource folder = TestPackages.source("every-rule");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(folder, zip);
        PackageSource unpacked = reader.readZip(zip.toByteArray(), "every-rule.zip");
        assertEquals(folder.digest(), unpacked.digest());
        assertEquals(folder.files().keySet(), unpacked.files().keySet());
    }

    @Test
    void packingIsReproducible() throws Exception {
        PackageSource folder = TestPackages.source("every-rule");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        PackageWriter.writeZip(folder, first);
        PackageWriter.writeZip(folder, second);
        assertTrue(java.util.Arrays.equals(first.toByteArray(), second.toByteArray()));
    }

    @Test
    void theDigestChangesWithAnyByte() throws Exception {
        byte[] a = zip("manifest.json", "{}");
        byte[] b = zip("manifest.json", "{ }");
        assertTrue(!reader.readZip(a, "a").digest().equals(reader.readZip(b, "b").digest()));
    }

    @Test
    void aZipOfTheFolderItselfIsUnwrapped() throws Exception {
        PackageSource source = reader.readZip(zip("pkg/manifest.json", "{}", "pkg/fixtures/a.json", "{}"), "pkg.zip");
        assertEquals(java.util.Set.of("manifest.json", "fixtures/a.json"), source.files().keySet());
    }

    @Test
    void refusesEntriesThatEscapeThePackage() throws Exception {
        assertEquals("entry-outside-package", refused(zip("../evil.json", "{}")));
        assertEquals("entry-outside-package", refused(zip("/etc/passwd", "x")));
        assertEquals("entry-outside-package", refused(zip("a/../../b", "x")));
    }

    @Test
    void refusesDuplicateEntries() throws Exception {
        // ZipOutputStream refuses duplicate names, so rename the second entry in the bytes afterwards.
        byte[] zip = zip("manifest.json", "{}", "manifesX.json", "{}");
        String latin1 = new String(zip, StandardCharsets.ISO_8859_1).replace("manifesX.json", "manifest.json");
        assertEquals("duplicate-entry", refused(latin1.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void refusesAZipBomb() throws Exception {
        PackageReader small = new PackageReader(new PackageLimits(1 << 20, 100, 1 << 20, 1 << 20));
        byte[] bomb = zip("manifest.json", "0".repeat(2 << 20));
        assertTrue(bomb.length < 1 << 20);
        PackageReadException e = assertThrows(PackageReadException.class, () -> small.readZip(bomb, "bomb.zip"));
        assertTrue(e.code().equals("file-too-large") || e.code().equals("package-too-large"), e.code());
    }

    @Test
    void refusesTooManyEntries() throws Exception {
        PackageReader small = new PackageReader(new PackageLimits(1 << 20, 2, 1 << 20, 1 << 20));
        assertEquals("too-many-entries", assertThrows(PackageReadException.class,
                () -> small.readZip(zip("a", "1", "b", "2", "c", "3"), "many.zip")).code());
    }

    @Test
    void refusesSomethingThatIsNotAZip() {
        assertEquals("not-a-zip", refused("hello".getBytes(StandardCharsets.UTF_8)));
    }

    private String refused(byte[] zip) {
        return assertThrows(PackageReadException.class, () -> reader.readZip(zip, "test.zip")).code();
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
