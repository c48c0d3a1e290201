package io.bilan.runtime.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.ScoreReport;
import io.bilan.api.response.ResponseSet;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.ValidationReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scripts and Java scorers run after the declarative scales; what they return is checked. */
class ExtensionScoringTest {

    private static Map<String, Object> answers() {
        Map<String, Object> answers = new HashMap<>();
        for (String area : List.of("r", "i", "a")) {
            for (int k = 1; k <= 3; k++) {
                answers.put(area + k, area.equals("r") ? 5 : 2);
            }
        }
        return answers;
    }

    @Test
    void aScriptAddsScalesResultsTextsAndOutcomes() {
        Instrument scripted = TestPackages.load("scripted");
        ScoreReport report = scripted.score(ResponseSet.of(answers()), ScoreOptions.in("en"));
        // R = 15, I = 6, A = 6: top R, ties between I and A keep declaration order; spread 15 - 6 = 9
        assertEquals("RIA", report.results().get("code"));
        assertEquals(9, report.scales().get("spread").raw());
        assertEquals("script", report.scales().get("spread").source());
        assertEquals(List.of("Your strongest area is R."), report.interpretation());
        assertEquals(1.0, report.outcomes().getFirst().level(), 1e-12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScriptReceivesTheAnswersAndScalesAsDocumented() {
        Instrument echo = TestPackages.load("input-echo");
        Map<String, Object> answers = new HashMap<>();
        answers.put("l1", 4);
        answers.put("l2", 2);
        answers.put("l3", null);
        answers.put("sc1", "b");
        answers.put("rk1", List.of("q", "p", "s", "r"));
        answers.put("fc1", Map.of("most", "n", "least", "o"));
        answers.put("oc1", Map.of("A", 3));
        answers.put("nu1", 2.5);
        answers.put("rg1", List.of(Map.of("title", "Cook", "years", 3)));
        answers.put("l5", 2);
        answers.put("l6", 3);
        ScoreReport report = echo.score(new ResponseSet("p", answers, 42.0), ScoreOptions.in("en"));
        Map<String, Object> input = (Map<String, Object>) report.results().get("input");
        assertEquals(Map.of("id", "input-echo", "version", "1.0.0"), input.get("instrument"));
        // In the documented order (a Map.of's order would change from one start of the JVM to the next).
        assertEquals(List.of("id", "version"), List.copyOf(((Map<String, Object>) input.get("instrument")).keySet()));
        assertEquals(42.0, ((Number) input.get("durationSeconds")).doubleValue());
        // Unanswered items (absent or null) are absent; nested answers arrive as they were sent.
        assertEquals(Map.of("l1", 4, "l2", 2, "l5", 2, "l6", 3, "sc1", "b", "rk1", List.of("q", "p", "s", "r"),
                "fc1", Map.of("most", "n", "least", "o"), "oc1", Map.of("A", 3), "nu1", 2.5,
                "rg1", List.of(Map.of("title", "Cook", "years", 3))), input.get("answers"));
        Map<String, Map<String, Object>> scales = (Map<String, Map<String, Object>>) input.get("scales");
        assertEquals(List.of("S_sum", "S_noprorate", "S_fail", "S_mean", "S_choice", "S_rank", "S_fc", "S_mc", "S_test",
                "S_obs", "S_mixed"), List.copyOf(scales.keySet()));
        // S_noprorate = l1 + l2 = 6, mean 3
        assertEquals(Map.of("raw", 6, "mean", 3, "answered", 2, "items", 2, "min", 2, "max", 10,
                "prorated", false, "status", "scored"), scales.get("S_noprorate"));
        // S_sum has 2 of 4 items, under its minimum of 3: no score, and its norm and band are absent.
        assertEquals(Map.of("answered", 2, "items", 4, "min", 5, "max", 25, "prorated", false,
                "status", "insufficient-data"), scales.get("S_sum"));
        // S_mean = mean(4, reversed 2 -> 4) = 4, band high
        assertEquals("high", scales.get("S_mean").get("band"));
    }

    @Test
    void theSameInputGivesTheSameReport() {
        Instrument scripted = TestPackages.load("scripted");
        ScoreReport first = scripted.score(ResponseSet.of(answers()), ScoreOptions.in("fr"));
        for (int i = 0; i < 50; i++) {
            assertEquals(first, scripted.score(ResponseSet.of(answers()), ScoreOptions.in("fr")));
        }
    }

    @Test
    void aJavaScorerFoundByServiceLoaderScoresLikeAScript() {
        Instrument javaScored = TestPackages.load("java-scored");
        ScoreReport report = javaScored.score(ResponseSet.of(answers()), ScoreOptions.in("fr"));
        assertEquals("R", report.results().get("top"));
        assertEquals(List.of("Votre domaine le plus fort est R."), report.interpretation());
    }

    @Test
    void aPackageNamingAMissingScorerIsRefused() {
        try (BilanRuntime withoutPlugins = BilanRuntime.builder().plugins(List.of()).build()) {
            ValidationReport report = withoutPlugins.validate(TestPackages.source("java-scored"));
            assertEquals("unknown-scorer", report.errors().getFirst().code());
            assertEquals("/scoring/scorer", report.errors().getFirst().pointer());
        }
    }

    @Test
    void anEndlessScriptFailsItsCallOnlyAndTheNextCallWorks() {
        ValidationReport endless = TestPackages.runtime().validate(TestPackages.source("hostile-endless-loop"));
        Instrument instrument = endless.instrument().orElseThrow();
        ScoringException failure = assertThrows(ScoringException.class,
                () -> instrument.score(ResponseSet.of(answers()), ScoreOptions.in("en")));
        assertTrue(failure.code().equals("script-statement-limit") || failure.code().equals("script-time-limit"),
                failure.code());
        // Another instrument's script keeps working.
        assertEquals("RIA", TestPackages.load("scripted").score(ResponseSet.of(answers()), ScoreOptions.in("en"))
                .results().get("code"));
    }

    @Test
    void competenceOutcomesCarryTheirEvidenceAndMustNameTheFramework() {
        Instrument instrument = TestPackages.load("competence-evidence");
        Map<String, Object> job = Map.of("title", "Cashier", "months", 30, "used", List.of("numeracy"));
        ScoreReport report = instrument.score(ResponseSet.of(Map.of("jobs", List.of(job),
                "cite", "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0")), ScoreOptions.in("en"));
        assertEquals(new io.bilan.api.report.OutcomeResult("competence", "numeracy", null, 0.5,
                io.bilan.api.vocabulary.EvidenceSource.EXPERIENCE, "Cashier"), report.outcomes().get(0));
        assertEquals("http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0",
                report.outcomes().get(1).target(), "any ESCO skill URI may be cited");

        ScoringException failure = assertThrows(ScoringException.class, () -> instrument.score(
                ResponseSet.of(Map.of("cite", "juggling")), ScoreOptions.in("en")));
        assertEquals("invalid-script-result", failure.code());
        assertTrue(failure.getMessage().contains("/outcomes/0/target: \"juggling\" is not a valid competence target"),
                failure.getMessage());
    }

    @Test
    void aCompetencesFieldListsTheFrameworkInTheDefinitionAndTheResponseSchema() {
        Instrument instrument = TestPackages.load("competence-evidence");
        var field = instrument.definition("fr").path("items").path(0).path("fields").path(2);
        assertEquals("competences", field.path("type").asText());
        assertEquals(io.bilan.api.vocabulary.Competence.values().length, field.path("options").size());
        assertEquals("public-speaking", field.path("options").path(0).path("value").asText());
        assertEquals("Prendre la parole en public", field.path("options").path(0).path("label").asText());
        var schema = instrument.responseSchema().path("properties").path("answers").path("properties").path("jobs")
                .path("items").path("properties").path("used");
        assertTrue(schema.path("uniqueItems").asBoolean());
        assertEquals(io.bilan.api.vocabulary.Competence.values().length, schema.path("items").path("enum").size());
    }

    @Test
    void aResultMissingADeclaredLanguageIsRefused() {
        Instrument instrument = TestPackages.runtime().validate(TestPackages.source("hostile-bad-result"))
                .instrument().orElseThrow();
        ScoringException failure = assertThrows(ScoringException.class,
                () -> instrument.score(ResponseSet.of(answers()), ScoreOptions.in("en")));
        assertEquals("invalid-script-result", failure.code());
        assertTrue(failure.getMessage().contains("/flags/0/message: the text has no \"fr\" version"), failure.getMessage());
    }

    @Test
    void aScriptCannotOverwriteADeclaredScale() {
        Instrument instrument = TestPackages.runtime().validate(TestPackages.source("hostile-clashing-scale"))
                .instrument().orElseThrow();
        ScoringException failure = assertThrows(ScoringException.class,
                () -> instrument.score(ResponseSet.of(answers()), ScoreOptions.in("en")));
        assertEquals("invalid-script-result", failure.code());
    }

    @Test
    void aSyntaxErrorIsAProblemOfThePackageWithItsLine() {
        ValidationReport report = TestPackages.runtime().validate(TestPackages.source("hostile-syntax-error"));
        assertEquals("script-syntax-error", report.errors().getFirst().code());
        assertEquals("scoring.js", report.errors().getFirst().file());
        assertTrue(report.errors().getFirst().message().contains("scoring.js:2"), report.errors().getFirst().message());
    }
}
