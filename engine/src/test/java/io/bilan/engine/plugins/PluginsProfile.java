package io.bilan.engine.plugins;

import io.bilan.api.spi.BilanPlugin;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/** An engine with a plugins folder holding a working plugin jar and a broken one, built as a researcher would. */
public class PluginsProfile implements QuarkusTestProfile {

    static final String SCORER = "example.answered";

    private static final String SOURCE = """
            package example.plugin;

            import io.bilan.api.spi.BilanPlugin;
            import io.bilan.api.spi.ScoreAdditions;
            import io.bilan.api.spi.Scorer;
            import io.bilan.api.spi.ScoringInput;
            import java.util.List;

            public final class AnsweredPlugin implements BilanPlugin {
                public List<Scorer> scorers() {
                    return List.of(new Scorer() {
                        public String name() { return "%s"; }
                        public ScoreAdditions score(ScoringInput input) { return ScoreAdditions.none(); }
                    });
                }
            }
            """.formatted(SCORER);

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path folder = Files.createTempDirectory("bilan-plugins");
            Path classes = Files.createTempDirectory("bilan-plugin-classes");
            Path source = classes.resolve("AnsweredPlugin.java");
            Files.writeString(source, SOURCE);
            if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), source.toString()) != 0) {
                throw new IllegalStateException("the test plugin does not compile");
            }
            jar(folder.resolve("answered.jar"), classes, "example.plugin.AnsweredPlugin");
            jar(folder.resolve("broken.jar"), classes, "example.plugin.Missing");
            return Map.of("bilan.plugins-folder", folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jar(Path jar, Path classes, String service) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (String name : new String[] {"AnsweredPlugin.class", "AnsweredPlugin$1.class"}) {
                zip.putNextEntry(new JarEntry("example/plugin/" + name));
                zip.write(Files.readAllBytes(classes.resolve("example/plugin/" + name)));
            }
            zip.putNextEntry(new JarEntry("META-INF/services/" + BilanPlugin.class.getName()));
            zip.write((service + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
