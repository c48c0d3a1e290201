package io.bilan.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shipped competence outcome says what its level measures, so a profile combines only like with like: what
 * a person rates, a role play shows or a test measures is mastery; the examples an interview documents and the
 * practice a person names are documentation.
 */
class EvidenceMeasuresTest {

    private static final Path LIBRARY = Path.of(".");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Package, source of its competence outcomes, what their level measures. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "transversal-competences", Map.of("self-assessment", "mastery", "experience", "documentation"),
            "roleplay-client-conflict", Map.of("observation", "mastery"),
            "reasoning-aptitude", Map.of("test", "mastery"),
            "career-interview-grid", Map.of("observation", "documentation"));

    @Test
    void everyCompetenceMappingDeclaresWhatItsLevelMeasures() throws IOException {
        List<String> undeclared = new ArrayList<>();
        for (Path manifest : manifests()) {
            String id = manifest.getParent().getFileName().toString();
            for (JsonNode outcome : JSON.readTree(manifest.toFile()).path("outcomes")) {
                if (outcome.path("type").asText().equals("competence")) {
                    String measures = outcome.path("measures").asText(null);
                    if (measures == null) {
                        undeclared.add(id + " " + outcome);
                    } else {
                        assertEquals(EXPECTED.get(id).get(outcome.path("source").asText()), measures, id + " " + outcome);
                    }
                }
            }
        }
        assertEquals(List.of(), undeclared);
    }

    @Test
    void everyExpectedCompetenceOutcomeOfTheFixturesSaysWhatItMeasures() throws IOException {
        int checked = 0;
        for (Map.Entry<String, Map<String, String>> expected : EXPECTED.entrySet()) {
            try (Stream<Path> fixtures = Files.list(LIBRARY.resolve(expected.getKey()).resolve("fixtures"))) {
                for (Path fixture : fixtures.sorted().toList()) {
                    for (JsonNode outcome : JSON.readTree(fixture.toFile()).path("expect").path("outcomes")) {
                        if (outcome.path("type").asText().equals("competence")) {
                            assertEquals(expected.getValue().get(outcome.path("source").asText()),
                                    outcome.path("measures").asText(null), fixture + " " + outcome);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 100, "only " + checked + " competence outcomes in the fixtures");
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> folders = Files.list(LIBRARY)) {
            return folders.map(folder -> folder.resolve("manifest.json")).filter(Files::isRegularFile).sorted().toList();
        }
    }
}
