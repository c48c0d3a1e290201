package io.bilan.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.runtime.source.PackageReader;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Zips of the example package, as published by authors, optionally with an edited manifest. */
public final class Packages {

    public static final Path TEAMWORK = Path.of("../examples/packages/teamwork-styles");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Packages() {
    }

    /**
     * The teamwork-styles package renamed {@code id}, with {@code script} as its scoring.js and no fixtures, so
     * that publishing it never runs the script: what a hostile author could publish.
     */
    public static byte[] withScript(String id, String script) throws Exception {
        PackageSource source = new PackageReader().read(TEAMWORK);
        ObjectNode manifest = (ObjectNode) JSON.readTree(source.file(PackageSource.MANIFEST).orElseThrow());
        manifest.put("id", id);
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest));
        files.put(manifest.path("scoring").path("script").asText(), script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("test", files), zip);
        return zip.toByteArray();
    }

    /**
     * The teamwork-styles package renamed {@code id}, without its script and fixtures: a purely declarative
     * instrument (scales, norms, bands), scored without a script or Java scorer.
     */
    public static byte[] declarative(String id) throws Exception {
        return declarative(id, manifest -> { });
    }

    /** {@link #declarative(String)} with its manifest then changed by {@code edit}. */
    public static byte[] declarative(String id, Consumer<ObjectNode> edit) throws Exception {
        PackageSource source = new PackageReader().read(TEAMWORK);
        ObjectNode manifest = (ObjectNode) JSON.readTree(source.file(PackageSource.MANIFEST).orElseThrow());
        manifest.put("id", id);
        manifest.remove("scoring");
        edit.accept(manifest);
        TreeMap<String, byte[]> files = new TreeMap<>();
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("test", files), zip);
        return zip.toByteArray();
    }

    /** The package in {@code folder}, as a zip. */
    public static byte[] zip(Path folder) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageReader().read(folder), zip);
        return zip.toByteArray();
    }

    /** The teamwork-styles package as a zip, its manifest changed by {@code edit}. */
    public static byte[] teamwork(Consumer<ObjectNode> edit) throws Exception {
        PackageSource source = new PackageReader().read(TEAMWORK);
        ObjectNode manifest = (ObjectNode) JSON.readTree(source.file(PackageSource.MANIFEST).orElseThrow());
        edit.accept(manifest);
        TreeMap<String, byte[]> files = new TreeMap<>(source.files());
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest));
        // The fixtures name the version they were written for; a renumbered copy must not expect it.
        for (String fixture : source.fixturePaths()) {
            ObjectNode document = (ObjectNode) JSON.readTree(files.get(fixture));
            if (document.get("expect") instanceof ObjectNode expect) {
                expect.remove("instrument");
            }
            files.put(fixture, JSON.writeValueAsBytes(document));
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        PackageWriter.writeZip(new PackageSource("test", files), zip);
        return zip.toByteArray();
    }
}
