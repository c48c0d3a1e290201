package io.bilan.runtime.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of an instrument package, read from a folder or a zip, with the package digest.
 *
 * <p>The digest is SHA-256 over every file in path order: the path in UTF-8, a zero byte, the length as
 * 8 bytes big-endian, then the content. A folder and the zip packed from it share a digest, whatever the
 * zip's timestamps or compression.
 *
 * @param origin where the package was read from, for messages
 * @param files  package-relative path ({@code /}-separated) to content
 */
public record PackageSource(String origin, SortedMap<String, byte[]> files) {

    /** The manifest's path inside a package. */
    public static final String MANIFEST = "manifest.json";
    /** The folder of fixture files. */
    public static final String FIXTURES = "fixtures/";

    public PackageSource {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The content of a file, if the package has it. */
    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** A file's content as UTF-8 text, if the package has it. */
    public Optional<String> text(String path) {
        return file(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Paths of the fixture files ({@code fixtures/*.json}), sorted. */
    public List<String> fixturePaths() {
        return files.keySet().stream()
                .filter(path -> path.startsWith(FIXTURES) && path.endsWith(".json"))
                .toList();
    }

    /** {@code sha256:<hex>} of the package content, as described above. */
    public String digest() {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] length = new byte[8];
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            sha256.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            long size = file.getValue().length;
            for (int i = 7; i >= 0; i--) {
                length[i] = (byte) size;
                size >>>= 8;
            }
            sha256.update(length);
            sha256.update(file.getValue());
        }
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    /** The total size of the files in bytes. */
    public long size() {
        return files.values().stream().mapToLong(bytes -> bytes.length).sum();
    }
}
