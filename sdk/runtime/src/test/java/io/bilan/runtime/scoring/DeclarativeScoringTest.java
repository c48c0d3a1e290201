package io.bilan.runtime.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.Flag;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.response.ResponseSet;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every declarative rule, on the package {@code every-rule}, with expectations computed by hand in the
 * comments. Items l1..l4 use a 1-5 Likert format.
 */
class DeclarativeScoringTest {

    private static final Instrument EVERY_RULE = TestPackages.load("every-rule");
    private static final double EXACT = 1e-12;

    static Map<String, Object> complete() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("l1", 4);
        answers.put("l2", 2);
        answers.put("l3", 5);
        answers.put("l4", 1);
        answers.put("l5", 3);
        answers.put("l6", 4);
        answers.put("sc1", "b");
        answers.put("mc1", List.of("x"));
        answers.put("rk1", List.of("q", "p", "s", "r"));
        answers.put("fc1", Map.of("most", "n", "least", "o"));
        answers.put("kn1", "b");
        answers.put("kn2", "b");
        answers.put("kn3", "a");
        answers.put("nu1", 3);
        answers.put("oc1", Map.of("A", 3, "B", 4));
        return answers;
    }

    private static ScoreReport score(Map<String, Object> answers) {
        return score(answers, ScoreOptions.in("en"));
    }

    private static ScoreReport score(Map<String, Object> answers, ScoreOptions options) {
        return EVERY_RULE.score(ResponseSet.of(answers), options);
    }

    private static ScaleResult scale(ScoreReport report, String id) {
        return report.scales().get(id);
    }

    @Test
    void reversesFromDeclaredBoundsAndAppliesWeights() {
        // l1=4, l2=2 reversed to 1+5-2=4, l3=5 weighted 2 -> 10, l4=1: raw 19, weights 5, mean 3.8
        ScaleResult sum = scale(score(complete()), "S_sum");
        assertEquals(19, sum.raw(), EXACT);
        assertEquals(3.8, sum.mean(), EXACT);
        assertEquals(4, sum.answered());
        assertEquals(4, sum.items());
        assertFalse(sum.prorated());
        // possible range: 1+1+2*1+1 = 5 to 5+5+2*5+5 = 25
        assertEquals(5, sum.min(), EXACT);
        assertEquals(25, sum.max(), EXACT);
    }

    @Test
    void reversalUsesDeclaredBoundsEvenWhenTheDataNeverReachThem() {
        // All answers at 3: reversal keeps 3 only because bounds are 1 and 5 as declared.
        Map<String, Object> answers = complete();
        answers.putAll(Map.of("l1", 3, "l2", 3, "l3", 3, "l4", 3));
        assertEquals(15, scale(score(answers), "S_sum").raw(), EXACT);
        // Extremes: l2=5 reverses to 1, l2=1 reverses to 5.
        answers.putAll(Map.of("l1", 5, "l2", 1, "l3", 5, "l4", 5));
        assertEquals(25, scale(score(answers), "S_sum").raw(), EXACT);
        answers.putAll(Map.of("l1", 1, "l2", 5, "l3", 1, "l4", 1));
        assertEquals(5, scale(score(answers), "S_sum").raw(), EXACT);
    }

    @Test
    void proratesASumWhenEnoughItemsAreAnswered() {
        // l4 missing: 4 + 4 + 10 = 18 over weight 4 of 5 -> raw 18 * 5 / 4 = 22.5, mean 18 / 4 = 4.5
        Map<String, Object> answers = complete();
        answers.remove("l4");
        ScaleResult sum = scale(score(answers), "S_sum");
        assertEquals(22.5, sum.raw(), EXACT);
        assertEquals(4.5, sum.mean(), EXACT);
        assertEquals(3, sum.answered());
        assertTrue(sum.prorated());
    }

    @Test
    void proratesItemsOfDifferentRangesWithinThePossibleRange() {
        // S_mixed = l1 (1..5) + fc1 option m (0..2) + fc1 option n (0..2), minAnswered 1.
        // Only l1 = 5 answered: the top of its range, so the prorated sum is the scale's top, 9,
        // where the classic sum x 3 / 1 = 15 would overshoot the maximum.
        Map<String, Object> answers = complete();
        answers.put("l1", 5);
        answers.remove("fc1");
        ScaleResult mixed = scale(score(answers), "S_mixed");
        assertEquals(9, mixed.max(), EXACT);
        assertEquals(9, mixed.raw(), EXACT);
        // l1 = 2: a quarter of the way up 1..5, so a quarter of the way up 1..9: 1 + 0.25 x 8 = 3
        answers.put("l1", 2);
        assertEquals(3, scale(score(answers), "S_mixed").raw(), EXACT);
        // Nothing missing: the plain sum, 2 + 1 + 2 = 5 (fc1 most n, least o)
        answers.putAll(complete());
        answers.put("l1", 2);
        assertEquals(5, scale(score(answers), "S_mixed").raw(), EXACT);
    }

    @Test
    void nullCountsAsUnanswered() {
        Map<String, Object> answers = complete();
        answers.put("l4", null);
        assertEquals(22.5, scale(score(answers), "S_sum").raw(), EXACT);
    }

    @Test
    void omitsAScaleBelowItsMinimumAndFlagsIt() {
        // Only l1 and l2 answered: 2 < minAnswered 3.
        Map<String, Object> answers = complete();
        answers.remove("l3");
        answers.remove("l4");
        ScoreReport report = score(answers);
        ScaleResult sum = scale(report, "S_sum");
        assertEquals(ScaleStatus.INSUFFICIENT_DATA, sum.status());
        assertNull(sum.raw());
        assertNull(sum.mean());
        assertNull(sum.norm());
        assertEquals(2, sum.answered());
        Flag flag = report.flags().stream().filter(f -> f.code().equals("insufficient-data")).findFirst().orElseThrow();
        assertEquals("Scale \"Organisation (sum)\" has no score: 2 of 4 items answered, at least 3 needed.", flag.message());
        // The outcome fed by that scale is left out rather than reported as 0.
        assertTrue(report.outcomes().stream().noneMatch(o -> o.target().equals("achievement")));
    }

    @Test
    void flagMessagesFollowTheReportLanguage() {
        Map<String, Object> answers = complete();
        answers.remove("l3");
        answers.remove("l4");
        ScoreReport report = score(answers, ScoreOptions.in("fr"));
        assertEquals("fr", report.language());
        assertEquals("Organisation (somme)", scale(report, "S_sum").label());
        assertTrue(report.flags().getFirst().message().startsWith("L’échelle « Organisation (somme) » n’a pas de score"));
    }

    @Test
    void keepsTheSumOfAnsweredItemsWhenProratingIsOff() {
        // S_noprorate = l1 + l2 (minAnswered 1, prorate false); l2 missing -> raw 4, mean 4
        Map<String, Object> answers = complete();
        answers.remove("l2");
        ScaleResult scale = scale(score(answers), "S_noprorate");
        assertEquals(4, scale.raw(), EXACT);
        assertEquals(4, scale.mean(), EXACT);
        assertFalse(scale.prorated());
    }

    @Test
    void refusesTheResponseSetWhenAFailScaleLacksAnswers() {
        Map<String, Object> answers = complete();
        answers.remove("l6");
        InvalidResponseException refused = assertThrows(InvalidResponseException.class, () -> score(answers));
        assertEquals("insufficient-answers", refused.problems().getFirst().code());
        assertEquals("/answers", refused.problems().getFirst().pointer());
    }

    @Test
    void meanScaleAndItsBandEdges() {
        // S_mean = mean(l1, reversed l2); bands from 1 (low), 2.5 (mid), 3.5 (high)
        Map<String, Object> answers = complete();
        assertEquals(4, scale(score(answers), "S_mean").mean(), EXACT);
        assertEquals("high", scale(score(answers), "S_mean").band().id());
        assertEquals("You like order.", scale(score(answers), "S_mean").band().text());
        // l1=3, l2=4 -> (3 + 2) / 2 = 2.5: exactly on the edge belongs to the upper band
        answers.putAll(Map.of("l1", 3, "l2", 4));
        assertEquals("mid", scale(score(answers), "S_mean").band().id());
        // l1=2, l2=4 -> (2 + 2) / 2 = 2: below 2.5
        answers.putAll(Map.of("l1", 2, "l2", 4));
        assertEquals("low", scale(score(answers), "S_mean").band().id());
        // l1=1, l2=5 -> 1: the lowest possible score is in the first band
        answers.putAll(Map.of("l1", 1, "l2", 5));
        assertEquals("low", scale(score(answers), "S_mean").band().id());
    }

    @Test
    void singleChoiceScoresAndReversedNumeric() {
        // sc1=b scores 2; nu1=3 reversed on 0..10 -> 7; raw 9; range 0+0 .. 4+10
        ScaleResult scale = scale(score(complete()), "S_choice");
        assertEquals(9, scale.raw(), EXACT);
        assertEquals(0, scale.min(), EXACT);
        assertEquals(14, scale.max(), EXACT);
    }

    @Test
    void rankingCountsNPlusOneMinusRank() {
        // order q, p, s, r: p is 2nd of 4 -> 3; q is 1st -> 4, reversed on 1..4 -> 1; raw 4
        assertEquals(4, scale(score(complete()), "S_rank").raw(), EXACT);
        Map<String, Object> answers = complete();
        answers.put("rk1", List.of("r", "s", "q", "p"));
        // p last -> 1; q 3rd -> 2 reversed -> 3; raw 4 again, from the other end
        assertEquals(4, scale(score(answers), "S_rank").raw(), EXACT);
        answers.put("rk1", List.of("p", "r", "s", "q"));
        // p first -> 4; q last -> 1 reversed -> 4; raw 8, the maximum
        assertEquals(8, scale(score(answers), "S_rank").raw(), EXACT);
    }

    @Test
    void forcedChoiceCountsTwoForMostZeroForLeastOneOtherwise() {
        // most n, least o: m -> 1, n -> 2; raw 3
        assertEquals(3, scale(score(complete()), "S_fc").raw(), EXACT);
        Map<String, Object> answers = complete();
        answers.put("fc1", Map.of("most", "o", "least", "m"));
        // m -> 0, n -> 1
        assertEquals(1, scale(score(answers), "S_fc").raw(), EXACT);
    }

    @Test
    void multipleChoiceCountsEachPickedOption() {
        assertEquals(1, scale(score(complete()), "S_mc").raw(), EXACT);
        Map<String, Object> answers = complete();
        answers.put("mc1", List.of("y", "x"));
        assertEquals(2, scale(score(answers), "S_mc").raw(), EXACT);
        answers.put("mc1", List.of());
        // An empty pick list is an answer: nothing picked, 0.
        ScaleResult none = scale(score(answers), "S_mc");
        assertEquals(0, none.raw(), EXACT);
        assertEquals(2, none.answered());
    }

    @Test
    void knowledgeItemsEarnPointsAndPartialCredit() {
        // kn1 right (1), kn2 partial credit b (0.5), kn3 wrong (0): 1.5 of 1 + 1 + 2 = 4
        ScaleResult test = scale(score(complete()), "S_test");
        assertEquals(1.5, test.raw(), EXACT);
        assertEquals(4, test.max(), EXACT);
        Map<String, Object> answers = complete();
        answers.putAll(Map.of("kn1", "b", "kn2", "a", "kn3", "c"));
        assertEquals(4, scale(score(answers), "S_test").raw(), EXACT);
        answers.putAll(Map.of("kn1", "a", "kn2", "c", "kn3", "b"));
        assertEquals(0, scale(score(answers), "S_test").raw(), EXACT);
    }

    @Test
    void observationCriterionIsTheMeanOfObservers() {
        assertEquals(3.5, scale(score(complete()), "S_obs").mean(), EXACT);
        Map<String, Object> answers = complete();
        answers.put("oc1", 2);
        assertEquals(2, scale(score(answers), "S_obs").mean(), EXACT);
    }

    @Test
    void convertsWithTheDefaultNormTableAndItsBands() {
        // raw 19 is exactly a row: percentile 84, T 60, stanine 7, sten 7; band on T from 60: high
        ScaleResult sum = scale(score(complete()), "S_sum");
        assertEquals("adults", sum.norm().norm());
        assertEquals(84, sum.norm().percentile(), EXACT);
        assertEquals(60, sum.norm().t(), EXACT);
        assertEquals(7, sum.norm().stanine());
        assertEquals(7, sum.norm().sten());
        assertEquals("high", sum.band().id());
    }

    @Test
    void aScoreBetweenRowsTakesTheRowBelow() {
        // l1=4, l2=3 -> 3, l3=4 -> 8, l4=3: raw 18, between rows 15 and 19 -> row 15 (T 50, average)
        Map<String, Object> answers = complete();
        answers.putAll(Map.of("l1", 4, "l2", 3, "l3", 4, "l4", 3));
        ScaleResult sum = scale(score(answers), "S_sum");
        assertEquals(18, sum.raw(), EXACT);
        assertEquals(50, sum.norm().t(), EXACT);
        assertEquals("average", sum.band().id());
        // Prorated 22.5 lies between rows 22 and 25 -> row 22
        answers.putAll(complete());
        answers.remove("l4");
        assertEquals(66, scale(score(answers), "S_sum").norm().t(), EXACT);
    }

    @Test
    void aScoreBelowTheTableTakesTheFirstRowAndIsFlagged() {
        // Students' table starts at 8; raw 5 (every item at its lowest) is below it.
        Map<String, Object> answers = complete();
        answers.putAll(Map.of("l1", 1, "l2", 5, "l3", 1, "l4", 1));
        ScoreReport report = score(answers, new ScoreOptions("en", "students"));
        ScaleResult sum = scale(report, "S_sum");
        assertEquals("students", sum.norm().norm());
        assertEquals(5, sum.norm().percentile(), EXACT);
        assertTrue(report.flags().stream().anyMatch(f -> f.code().equals("norm-out-of-range")));
    }

    @Test
    void anUnknownNormTableIsRefused() {
        InvalidResponseException refused = assertThrows(InvalidResponseException.class,
                () -> score(complete(), new ScoreOptions("en", "nobody")));
        assertEquals("unknown-norm", refused.problems().getFirst().code());
    }

    @Test
    void outcomesCarryTheScoreAsALevelBetweenItsBounds() {
        List<OutcomeResult> outcomes = score(complete()).outcomes();
        // S_mean 4 on 1..5 -> 0.75; S_sum 19 on 5..25 -> 0.7; S_obs 3.5 on 1..4 -> 0.8333...
        assertEquals(new OutcomeResult("interest", "C", "S_mean", 0.75, null), outcomes.get(0));
        assertEquals(0.7, outcomes.get(1).level(), EXACT);
        assertEquals(2.5 / 3, outcomes.get(2).level(), EXACT);
        assertEquals("observation", outcomes.get(2).source().code());
    }

    @Test
    void flagsATestTakingLongerThanItsTimeLimit() {
        ScoreReport report = EVERY_RULE.score(new ResponseSet("p-1", complete(), 601.0), ScoreOptions.in("en"));
        assertEquals(601.0, report.durationSeconds());
        assertEquals("p-1", report.respondent());
        assertTrue(report.flags().stream().anyMatch(f -> f.code().equals("time-limit-exceeded")));
        ScoreReport inTime = EVERY_RULE.score(new ResponseSet("p-1", complete(), 600.0), ScoreOptions.in("en"));
        assertTrue(inTime.flags().stream().noneMatch(f -> f.code().equals("time-limit-exceeded")));
    }

    @Test
    void reportsCarryIdentityAndDigest() {
        ScoreReport report = score(complete());
        assertEquals("every-rule@1.0.0", report.instrument());
        assertEquals(EVERY_RULE.digest(), report.digest());
        assertTrue(report.digest().matches("sha256:[0-9a-f]{64}"));
    }

    @Test
    void anUndeclaredLanguageFallsBackToEnglish() {
        assertEquals("en", score(complete(), ScoreOptions.in("de")).language());
    }

    @Test
    void scalesReadTheirAnswersByIndexInTheOrderTheScalesFirstNameThem() throws Exception {
        // S_sum names l1..l4, S_fail l5 and l6, S_choice sc1 and nu1, then rk1, fc1, mc1, kn1..kn3, oc1; ft1 and rg1
        // feed no scale.
        List<String> order = List.of("l1", "l2", "l3", "l4", "l5", "l6", "sc1", "nu1", "rk1", "fc1", "mc1", "kn1",
                "kn2", "kn3", "oc1");
        assertEquals(order.size(), EVERY_RULE.answerCount());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, EVERY_RULE.answerIndex(order.get(i)), order.get(i));
        }
        assertEquals(-1, EVERY_RULE.answerIndex("ft1"));
        assertEquals(-1, EVERY_RULE.answerIndex("unknown"));

        Map<String, Object> answers = complete();
        answers.remove("l2");
        Object[] byIndex = new Object[EVERY_RULE.answerCount()];
        answers.forEach((item, answer) -> {
            if (EVERY_RULE.answerIndex(item) >= 0) {
                byIndex[EVERY_RULE.answerIndex(item)] = answer;
            }
        });
        var json = TestPackages.runtime().json();
        assertEquals(json.writeValueAsString(EVERY_RULE.scoreAccepted(answers, "p", ScoreOptions.in("en"))),
                json.writeValueAsString(EVERY_RULE.scoreAccepted(byIndex, answers, "p", ScoreOptions.in("en"))));
    }
}
