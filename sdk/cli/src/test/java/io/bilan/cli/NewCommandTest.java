package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import io.bilan.testkit.PackageTestKit;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NewCommandTest {

    @TempDir
    Path dir;

    static Stream<Arguments> kinds() {
        return Stream.of("questionnaire", "test", "observation-grid")
                .flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
    }

    @ParameterizedTest(name = "{0}, script {1}")
    @MethodSource("kinds")
    void createsAPackageThatIsValidWithoutWarningsAndWhoseFixturePasses(String kind, boolean script) {
        List<String> args = script
                ? List.of("new", "my-instrument", "--kind", kind, "--dir", dir.toString(), "--script")
                : List.of("new", "my-instrument", "--kind", kind, "--dir", dir.toString());

        CommandRun created = bilan(args.toArray(String[]::new));

        assertEquals(0, created.exit(), created.err());
        Path root = dir.resolve("my-instrument");
        assertEquals(root.toString(), created.outLines().getFirst());
        assertEquals(script, Files.exists(root.resolve("scoring.js")));
        CommandRun validated = bilan("validate", "--require-languages", "fr,en", root.toString());
        assertEquals(0, validated.exit(), validated.out() + validated.err());
        assertEquals(List.of(root + ": valid, 0 errors, 0 warnings"), validated.outLines());
        CommandRun tested = bilan("test", root.toString());
        assertEquals(0, tested.exit(), tested.out());
        assertEquals("1 passed, 0 failed", tested.outLines().getLast());
    }

    @Test
    void writesABuildWhoseTestRunsThePackageThroughTheTestKit() throws Throwable {
        assertEquals(0, bilan("new", "oral-presentation", "--kind", "observation-grid", "--dir", dir.toString()).exit());
        Path root = dir.resolve("oral-presentation");

        Path testClass = root.resolve("src/test/java/instruments/oral_presentation/OralPresentationTest.java");
        String source = Files.readString(testClass);
        assertTrue(source.startsWith("package instruments.oral_presentation;\n"), source);
        assertTrue(source.contains("class OralPresentationTest {"), source);
        assertTrue(source.contains("Stream<DynamicNode> oralPresentation()"), source);
        assertTrue(source.contains("PackageTestKit.requiringLanguages(\"fr\", \"en\").tests(Path.of(\"\").toAbsolutePath())"),
                source);
        String pom = Files.readString(root.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>oral-presentation</artifactId>"), pom);
        assertTrue(pom.contains("<bilan.version>" + NewCommand.cliVersion() + "</bilan.version>"), pom);
        assertFalse(NewCommand.cliVersion().contains("${"), "the version is filled in by the build");
        assertTrue(pom.contains("<directory>${project.basedir}/.build</directory>"),
                "the build writes to a hidden folder, which is not part of the package");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-d", dir.resolve("classes").toString(), "-classpath", System.getProperty("java.class.path")),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(testClass)).call();
        assertTrue(compiled, diagnostics.toString());
        List<String> passed = runKit(root);
        assertTrue(passed.containsAll(List.of("is valid without warnings", "two observers rate every criterion",
                "scores deterministically")), passed.toString());
    }

    /** Runs the kit's tests of the package, as the generated test class would; the names of those that passed. */
    private static List<String> runKit(Path root) throws Throwable {
        List<String> passed = new ArrayList<>();
        for (DynamicNode container : PackageTestKit.requiringLanguages("fr", "en").tests(root).toList()) {
            for (DynamicNode node : ((DynamicContainer) container).getChildren().toList()) {
                ((DynamicTest) node).getExecutable().execute();
                passed.add(node.getDisplayName());
            }
        }
        return passed;
    }

    @Test
    void theReadmeAndFixtureSayWhatTheScriptAdds() throws Exception {
        assertEquals(0, bilan("new", "quick-sums", "--kind", "test", "--dir", dir.toString(), "--script").exit());
        Path root = dir.resolve("quick-sums");
        assertTrue(Files.readString(root.resolve("manifest.json")).contains("\"scoring\": {\"script\": \"scoring.js\"}"));
        assertTrue(Files.readString(root.resolve("README.md")).contains("`scoring.js`"));
        assertTrue(Files.readString(root.resolve("fixtures/two-right-one-wrong.json"))
                .contains("\"results\": {\"passed\": true, \"unanswered\": []}"));
    }

    @Test
    void refusesAnIdOutsideTheFormatsRuleAndWritesNothing() throws Exception {
        CommandRun run = bilan("new", "My_Instrument", "--kind", "questionnaire", "--dir", dir.toString());

        assertEquals(2, run.exit());
        assertTrue(run.errLines().getFirst().contains("must be lower-case words joined by hyphens"), run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void refusesAnExistingFolderAndLeavesItAlone() throws Exception {
        Path existing = Files.createDirectories(dir.resolve("my-instrument"));
        Files.writeString(existing.resolve("notes.txt"), "mine");

        CommandRun run = bilan("new", "my-instrument", "--kind", "test", "--dir", dir.toString());

        assertEquals(2, run.exit());
        assertTrue(run.errLines().getFirst().contains("already exists: nothing was written"), run.err());
        try (Stream<Path> files = Files.list(existing)) {
            assertEquals(List.of(existing.resolve("notes.txt")), files.toList());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary folder is left");
        }
    }

    @Test
    void refusesAnUnknownKind() {
        CommandRun run = bilan("new", "my-instrument", "--kind", "survey", "--dir", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("questionnaire, test or observation-grid"), run.err());
    }
}
