package io.bilan.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.spi.BilanPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin jars compiled here, as a researcher would build them, and loaded from a folder. */
class PluginFolderTest {

    private static final String PLUGIN = """
            package example.plugin;

            import io.bilan.api.spi.BilanPlugin;
            import io.bilan.api.spi.ScoreAdditions;
            import io.bilan.api.spi.Scorer;
            import io.bilan.api.spi.ScoringInput;
            import java.util.List;

            public final class CountPlugin implements BilanPlugin {
                public List<Scorer> scorers() {
                    return List.of(new Scorer() {
                        public String name() { return "%s"; }
                        public ScoreAdditions score(ScoringInput input) { return ScoreAdditions.none(); }
                    });
                }
            }
            """;

    /** Compiles the plugin against the SDK API and jars it with its service file (or {@code service} as given). */
    private static Path pluginJar(Path folder, String jarName, String scorerName, String service) throws IOException {
        Path sources = Files.createTempDirectory(folder, "src");
        Path source = sources.resolve("CountPlugin.java");
        Files.writeString(source, PLUGIN.formatted(scorerName));
        Path classes = Files.createTempDirectory(folder, "classes");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, compiled);
        Path jar = folder.resolve(jarName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("example/plugin/CountPlugin.class"));
            zip.write(Files.readAllBytes(classes.resolve("example/plugin/CountPlugin.class")));
            zip.putNextEntry(new JarEntry("example/plugin/CountPlugin$1.class"));
            zip.write(Files.readAllBytes(classes.resolve("example/plugin/CountPlugin$1.class")));
            zip.putNextEntry(new JarEntry("META-INF/services/" + BilanPlugin.class.getName()));
            zip.write(service.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void eachJarLoadsInItsOwnLoaderThatSharesOnlyTheSdkApi(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        pluginJar(plugins, "count.jar", "example.count", "example.plugin.CountPlugin\n");

        PluginFolder.Loaded loaded = PluginFolder.load(plugins);

        assertEquals(List.of(), loaded.failures());
        BilanPlugin plugin = loaded.plugins().getFirst();
        assertEquals("example.count", plugin.scorers().getFirst().name());
        ClassLoader loader = plugin.getClass().getClassLoader();
        assertTrue(loader.getName().startsWith("bilan-plugin-count.jar"), loader.getName());
        assertEquals(BilanPlugin.class, loader.loadClass(BilanPlugin.class.getName()), "the API is the engine's own");
        for (String hidden : List.of("io.bilan.runtime.BilanRuntime", "com.fasterxml.jackson.databind.ObjectMapper",
                "org.graalvm.polyglot.Context")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(hidden, false, loader), hidden);
        }
    }

    @Test
    void aBrokenJarIsReportedAndTheOthersStillLoad(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        pluginJar(plugins, "a-good.jar", "example.good", "example.plugin.CountPlugin\n");
        pluginJar(plugins, "b-missing-class.jar", "example.other", "example.plugin.NotThere\n");
        pluginJar(plugins, "c-no-service.jar", "example.third", "");
        Files.writeString(plugins.resolve("d-not-a-jar.jar"), "hello");
        Files.writeString(plugins.resolve("notes.txt"), "ignored");

        PluginFolder.Loaded loaded = PluginFolder.load(plugins);

        assertEquals(List.of("example.good"), loaded.plugins().stream()
                .flatMap(plugin -> plugin.scorers().stream()).map(scorer -> scorer.name()).toList());
        Map<String, String> failures = new java.util.TreeMap<>();
        loaded.failures().forEach(failure -> failures.put(failure.substring(0, failure.indexOf(':')), failure));
        assertEquals(List.of("b-missing-class.jar", "c-no-service.jar", "d-not-a-jar.jar"), List.copyOf(failures.keySet()));
        assertTrue(failures.get("b-missing-class.jar").contains("NotThere"), failures.toString());
    }

    @Test
    void oneJarCanBeGivenInsteadOfAFolder(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Path chosen = pluginJar(plugins, "chosen.jar", "example.chosen", "example.plugin.CountPlugin\n");
        pluginJar(plugins, "other.jar", "example.other", "example.plugin.CountPlugin\n");

        PluginFolder.Loaded loaded = PluginFolder.load(chosen);

        assertEquals(List.of(), loaded.failures());
        assertEquals(List.of("example.chosen"), loaded.plugins().stream()
                .flatMap(plugin -> plugin.scorers().stream()).map(scorer -> scorer.name()).toList());
    }

    @Test
    void aFileThatIsNotAJarIsAFailure(@TempDir Path work) throws Exception {
        Path notes = Files.writeString(work.resolve("plugins.txt"), "not a folder");

        assertEquals(new PluginFolder.Loaded(List.of(), List.of(notes + ": neither a folder nor a .jar")),
                PluginFolder.load(notes));
    }

    @Test
    void aMissingFolderHoldsNoPlugins(@TempDir Path work) {
        assertEquals(new PluginFolder.Loaded(List.of(), List.of()), PluginFolder.load(work.resolve("none")));
    }
}
