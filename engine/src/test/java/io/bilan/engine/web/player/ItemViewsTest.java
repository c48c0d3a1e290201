package io.bilan.engine.web.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.engine.web.PageTexts;
import io.bilan.runtime.BilanRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped and example package, and the test package with an item of every type, gets a control for each of
 * its items, with each fixture's answers shown as given: any valid package renders without code changes.
 */
class ItemViewsTest {

    private static final ObjectMapper JSON = BilanRuntime.newObjectMapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Set<String> WIDGETS = Set.of("radios", "checkboxes", "ranking", "forced", "number", "text", "group");

    @TestFactory
    Stream<DynamicTest> everyPackageRendersWithItsFixturesAnswers() throws IOException {
        Stream<Path> folders = Stream.of(Path.of("../instruments"), Path.of("../examples/packages"),
                Path.of("src/test/resources/packages")).flatMap(parent -> {
                    try {
                        return Files.list(parent).filter(folder -> Files.isRegularFile(folder.resolve("manifest.json")))
                                .sorted().toList().stream();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        return folders.map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws IOException {
        InstrumentManifest manifest = JSON.readValue(folder.resolve("manifest.json").toFile(), InstrumentManifest.class);
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(folder.resolve("fixtures"))) {
            fixtures = files.sorted().toList();
        }
        for (String lang : List.of("fr", "en")) {
            for (Path fixture : fixtures) {
                JsonNode read = JSON.readTree(fixture.toFile());
                if (read.has("expectProblems")) {
                    continue; // answers the schema refuses: the player shows them as problems, not as choices
                }
                JsonNode answers = read.path("responses").path("answers");
                List<ItemView> views = ItemViews.of(manifest, answers, Map.of(), Map.of(), lang, PageTexts.of(lang));
                assertEquals(manifest.items().size(), views.size());
                for (ItemView view : views) {
                    assertTrue(WIDGETS.contains(view.widget()), view.widget());
                    assertTrue(!view.label().isBlank(), view.id() + " has its text in " + lang);
                    JsonNode answer = answers.path(view.id());
                    if (view.widget().equals("radios") && answer.isValueNode() && !answer.isNull()) {
                        assertEquals(1, view.choices().stream().filter(ItemView.Choice::checked).count(),
                                folder.getFileName() + " " + fixture.getFileName() + " " + view.id() + " = " + answer);
                    }
                    if (view.widget().equals("checkboxes") && answer.isArray()) {
                        assertEquals(answer.size(), view.choices().stream().filter(ItemView.Choice::checked).count());
                    }
                    if (view.widget().equals("group") && answer.isArray()) {
                        // An empty list still shows one blank entry to fill.
                        assertEquals(Math.max(1, answer.size()), view.entries().size());
                    }
                }
            }
        }
    }
}
