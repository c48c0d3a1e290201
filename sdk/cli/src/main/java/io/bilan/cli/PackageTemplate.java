package io.bilan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The files of a new package, from the templates under {@code /io/bilan/cli/templates/}: one folder per kind,
 * and {@code common/} for the Maven build. A template's {@code @NAME@} markers are replaced by the id and by
 * the {@code *.fragment} files that a scoring script brings, or by nothing without one.
 */
final class PackageTemplate {

    /** The kinds of instrument, each with the name of its example fixture. */
    enum Kind {
        QUESTIONNAIRE("questionnaire", "complete-answers"),
        TEST("test", "two-right-one-wrong"),
        OBSERVATION_GRID("observation-grid", "two-observers");

        final String code;
        final String fixture;

        Kind(String code, String fixture) {
            this.code = code;
            this.fixture = fixture;
        }

        static Kind of(String code) {
            return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("expected questionnaire, test or observation-grid"));
        }

        @Override
        public String toString() {
            return code;
        }
    }

    private static final String ROOT = "/io/bilan/cli/templates/";

    private final Kind kind;
    private final String id;
    private final boolean script;
    private final String bilanVersion;

    PackageTemplate(Kind kind, String id, boolean script, String bilanVersion) {
        this.kind = kind;
        this.id = id;
        this.script = script;
        this.bilanVersion = bilanVersion;
    }

    /** Every file of the package, by path, in the order they are listed to the author. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.json", render(kind.code + "/manifest.json"));
        if (script) {
            files.put("scoring.js", render(kind.code + "/scoring.js"));
        }
        String fixture = "fixtures/" + kind.fixture + ".json";
        files.put(fixture, render(kind.code + "/" + fixture));
        files.put("README.md", render(kind.code + "/README.md"));
        files.put("pom.xml", render("common/pom.xml"));
        files.put("src/test/java/" + javaPackage().replace('.', '/') + "/" + testClass() + ".java",
                render("common/PackageTest.java"));
        return files;
    }

    /** {@code instruments.learning_at_work} for {@code learning-at-work}. */
    String javaPackage() {
        String segment = id.replace('-', '_');
        return "instruments." + (SourceVersion.isKeyword(segment) ? segment + "_" : segment);
    }

    /** {@code LearningAtWorkTest} for {@code learning-at-work}. */
    String testClass() {
        return Arrays.stream(id.split("-"))
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining()) + "Test";
    }

    private String render(String template) {
        String testMethod = testClass().substring(0, 1).toLowerCase(Locale.ROOT)
                + testClass().substring(1, testClass().length() - "Test".length());
        if (!SourceVersion.isName(testMethod)) {
            testMethod += "Package";
        }
        return read(template)
                .replace("@SCORING@", script ? ",\n  \"scoring\": {\"script\": \"scoring.js\"}" : "")
                .replace("@SCRIPT_EXPECT@", fragment("script-expect"))
                .replace("@SCRIPT_NOTE@", fragment("script-note"))
                .replace("@README_SCRIPT_EN@", fragment("readme-script-en"))
                .replace("@README_SCRIPT_FR@", fragment("readme-script-fr"))
                .replace("@JAVA_PACKAGE@", javaPackage())
                .replace("@TEST_CLASS@", testClass())
                .replace("@TEST_METHOD@", testMethod)
                .replace("@CLI_VERSION@", bilanVersion)
                .replace("@ID@", id);
    }

    /** What the script brings to a file, without the template file's last line break; nothing without one. */
    private String fragment(String name) {
        if (!script) {
            return "";
        }
        String text = read(kind.code + "/" + name + ".fragment");
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String read(String template) {
        try (InputStream in = PackageTemplate.class.getResourceAsStream(ROOT + template)) {
            if (in == null) {
                throw new IllegalStateException("the CLI lacks its template " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resourceProperty(String resource, String name) {
        Properties properties = new Properties();
        try (InputStream in = PackageTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the CLI lacks " + resource);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(name);
    }
}
