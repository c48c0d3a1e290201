package io.bilan.runtime.psychometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.batch.BatchSummary;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * psych's own data set {@code bfi} (2800 respondents, 25 items on six points, missing answers, reverse-keyed
 * items) scored with the package {@code bfi} agrees to 1e-9 with what psych reports for its five scales.
 * psych is GPL, so bfi is not shipped: the check runs when {@code BILAN_PSYCH_BFI} names a folder that
 * {@code Rscript sdk/runtime/src/test/r/psych-expected.R --bfi <folder>} filled.
 */
@EnabledIfEnvironmentVariable(named = "BILAN_PSYCH_BFI", matches = ".+")
class PsychBfiAgreementTest {

    @Test
    void everyScaleAndEveryScoreAgreesWithPsych() throws Exception {
        Path folder = Path.of(System.getenv("BILAN_PSYCH_BFI"));
        JsonNode expected = TestPackages.runtime().json().readTree(folder.resolve("expected.json").toFile());
        PsychComparison psych;
        try (Reader in = Files.newBufferedReader(folder.resolve("responses.csv"), StandardCharsets.UTF_8)) {
            psych = new PsychComparison(TestPackages.load("bfi"), in, expected);
        }
        assertEquals(new BatchSummary(2800, 2800, 0), psych.summary());

        for (String scale : psych.scales()) {
            psych.assertScaleAgrees(scale);
            psych.assertPsychMeanAndSdAreTheScores(scale);
        }
        try (Reader in = Files.newBufferedReader(folder.resolve("psych-scores.csv"), StandardCharsets.UTF_8)) {
            psych.assertScoresAgree(in);
        }

        // The figures for docs/psychometrics.md.
        for (String scale : psych.scales()) {
            ScaleStatistics s = psych.statistics(scale);
            System.out.printf(Locale.ROOT, "bfi %s: n %d, raw alpha %.4f, std alpha %.4f, mean %.4f, sd %.4f%n",
                    scale, s.n(), s.alpha().raw(), s.alpha().standardized(), s.mean(), s.sd());
        }
        System.out.printf(Locale.ROOT, "bfi: %d figures compared with psych %s, largest difference %.3g%n",
                psych.figures(), expected.get("psych").asText(), psych.largestDifference());
    }
}
