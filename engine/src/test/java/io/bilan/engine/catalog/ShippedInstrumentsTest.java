package io.bilan.engine.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine loads every package of instruments/ at start, and scoring one of its fixtures over HTTP gives
 * the same report as the SDK gives for it (whose fixtures check it by hand), or the same refusal.
 */
@QuarkusTest
class ShippedInstrumentsTest {

    private static final Path LIBRARY = Path.of("../instruments");
    private static final BilanRuntime SDK = BilanRuntime.builder().build();

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    @AfterAll
    static void close() {
        SDK.close();
    }

    private static List<Path> packages() throws IOException {
        try (Stream<Path> folders = Files.list(LIBRARY)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("manifest.json"))).sorted().toList();
        }
    }

    @Test
    void theCatalogueListsEveryShippedPackage() throws IOException {
        List<String> ids = packages().stream().map(folder -> folder.getFileName().toString()).toList();
        assertEquals(10, ids.size(), ids::toString);
        given().get("/api/v1/instruments").then().statusCode(200).body("id", hasItems(ids.toArray()));
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureScoresOverHttpAsInTheSdk() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : packages()) {
            Instrument instrument = SDK.load(SDK.read(folder));
            String url = "/api/v1/instruments/" + instrument.manifest().id() + "/" + instrument.manifest().version()
                    + "/score";
            try (Stream<Path> files = Files.list(folder.resolve("fixtures"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode fixture = SDK.json().readTree(file.toFile());
                    String language = fixture.path("language").asText("en");
                    tests.add(DynamicTest.dynamicTest(folder.getFileName() + "/" + file.getFileName(), () -> {
                        String body = given().contentType("application/json").queryParam("lang", language)
                                .body(fixture.path("responses").toString()).post(url).then().extract().asString();
                        JsonNode answer = SDK.json().readTree(body);
                        if (fixture.has("expectProblems")) {
                            JsonNode expected = fixture.path("expectProblems");
                            boolean pointers = java.util.stream.StreamSupport.stream(expected.spliterator(), false)
                                    .allMatch(problem -> problem.has("pointer"));
                            assertEquals(problems(expected, pointers), problems(answer.path("errors"), pointers), body);
                        } else {
                            JsonNode expected = SDK.json().valueToTree(instrument.score(fixture.path("responses"),
                                    new ScoreOptions(language, fixture.path("norm").asText(null))));
                            assertEquals(expected, answer);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** The code (and pointer) of each problem, in any order. */
    private static java.util.Set<String> problems(JsonNode list, boolean withPointers) {
        java.util.Set<String> problems = new java.util.TreeSet<>();
        list.forEach(problem -> problems.add(problem.path("code").asText()
                + (withPointers ? " " + problem.path("pointer").asText() : "")));
        return problems;
    }
}
