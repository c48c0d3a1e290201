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
