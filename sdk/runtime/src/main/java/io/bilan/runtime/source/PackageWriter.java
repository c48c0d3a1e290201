package io.bilan.runtime.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Packs a package into a zip whose bytes depend only on the package content (sorted entries, fixed times). */
public final class PackageWriter {

    private static final FileTime EPOCH_1980 = FileTime.fromMillis(315_532_800_000L);

    private PackageWriter() {
    }

    /** Writes {@code source} as a zip to {@code out}, which stays open. */
    public static void writeZip(PackageSource source, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(9);
        for (Map.Entry<String, byte[]> file : source.files().entrySet()) {
            ZipEntry entry = new ZipEntry(file.getKey());
            entry.setLastModifiedTime(EPOCH_1980);
            zip.putNextEntry(entry);
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }
}
