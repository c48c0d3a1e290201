package io.bilan.career;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.Mastery;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.Sector;
import io.bilan.profile.Profile;
import io.bilan.profile.ProfileBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profile, the occupations' requirements and the validation of a project speak of competences on one scale, the
 * four mastery steps: what the profile calls a strength the validation never calls a gap, a hindering factor or a
 * step to develop, and a level at or above the step required is never a gap.
 */
class OneCompetenceScaleTest {

    private static final OccupationCatalogue CATALOGUE = OccupationCatalogue.builtIn();
    private static final CareerMatcher MATCHER = new CareerMatcher(CATALOGUE);
    private static final EvidenceSource[] SOURCES = EvidenceSource.values();

    @ParameterizedTest(name = "level {0} is step {1}")
    @CsvSource({"0, 1", "0.2499, 1", "0.25, 2", "0.49, 2", "0.5, 3", "0.7499, 3", "0.75, 4", "0.9, 4", "1, 4",
            // three thirds of 0.75 computed in floating point (0.7499999999999999) is step 4 all the same
            "0.7499999999999999, 4"})
    void levelsFallInQuarterSteps(double level, int step) {
        assertEquals(step, Mastery.of(level).step());
    }

    @ParameterizedTest(name = "required step {0} begins at {1}")
    @CsvSource({"1, 0", "2, 0.25", "3, 0.5", "4, 0.75"})
    void theTopStepIsReachableWithoutAPerfectScore(int step, double threshold) {
        Mastery required = Mastery.step(step);
        assertEquals(threshold, required.threshold(), 1e-12);
        assertTrue(required.metBy(threshold));
        assertFalse(step > 1 && required.metBy(threshold - 0.001));
    }

    @Test
    void theStepsHaveNamesInBothLanguages() {
        assertEquals(List.of("Notions", "Application", "Maîtrise", "Expertise"),
                List.of(Mastery.values()).stream().map(m -> m.label("fr")).toList());
        assertEquals(List.of("Basic knowledge", "Application", "Proficiency", "Expertise"),
                List.of(Mastery.values()).stream().map(m -> m.label("en")).toList());
    }

    /** The case seen in a real bilan: empathy 0.75 with confidence 1 is a strength, and meets a required step 4. */
    @Test
    void aStrengthAtTheThresholdMeetsTheTopRequirement() {
        Profile profile = ProfileBuilder.build(List.of(report(List.of(
                outcome("empathy", 0.75, EvidenceSource.SELF_ASSESSMENT, EvidenceMeasure.MASTERY),
                outcome("empathy", 0.75, EvidenceSource.OBSERVATION, EvidenceMeasure.MASTERY),
                outcome("empathy", 0.75, EvidenceSource.EXPERIENCE, EvidenceMeasure.MASTERY),
                // 0.625 (2.5 on a 0 to 4 reading) is step 3: it meets a required 3, not a required 4
                outcome("decision-making", 0.625, EvidenceSource.TEST, EvidenceMeasure.MASTERY)))));
        assertEquals(List.of("empathy"), profile.strengths().stream().map(Profile.CompetenceAssessment::competence).toList());
        Occupation trainer = occupation(List.of(new Occupation.RequiredCompetence(Competence.EMPATHY, 4),
                new Occupation.RequiredCompetence(Competence.DECISION_MAKING, 4),
                new Occupation.RequiredCompetence(Competence.ORGANISATION, 3)));
        CareerOption option = new CareerMatcher(OccupationCatalogue.of(List.of(trainer))).assess(profile, trainer);
        assertEquals(List.of(new CareerOption.Gap("decision-making", Mastery.EXPERT, Mastery.PROFICIENT, 0.625, null, null),
                new CareerOption.Gap("organisation", Mastery.PROFICIENT, null, null, null, null)),
                CareerMatcherTest.withoutAdvice(option.gaps()));
        assertEquals(List.of("competence-held"), option.favourable().stream().map(CareerOption.Factor::code).toList());
        assertEquals("empathy", option.favourable().get(0).subject());
        assertEquals(List.of("competence-gap"), option.unfavourable().stream().map(CareerOption.Factor::code).toList());
        assertEquals("decision-making", option.unfavourable().get(0).subject());
        // empathy 1 (met), decision-making 0.625 / 0.75 = 5 / 6: (1 + 5 / 6) / 2 = 11 / 12
        assertEquals(11.0 / 12, option.competenceFit(), 1e-12);
    }

    /**
     * Over generated profiles, built by the real rules from random evidence, and every occupation of the built-in
     * catalogue: a strength is never a gap, a hindering factor or a roadmap step; a level at or above the step
     * required is never a gap, and a gap is always below it.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void noStrengthIsEverAGapAndNoLevelAtTheRequiredStepIsOne(long seed) {
        Random random = new Random(seed);
        int checked = 0;
        for (int trial = 0; trial < 10; trial++) {
            Profile profile = ProfileBuilder.build(List.of(report(randomEvidence(random))));
            Set<String> strengths = profile.strengths().stream().map(Profile.CompetenceAssessment::competence)
                    .collect(Collectors.toSet());
            Map<String, Double> levels = profile.competences().stream()
                    .collect(Collectors.toMap(Profile.CompetenceAssessment::competence, Profile.CompetenceAssessment::level));
            for (Occupation occupation : CATALOGUE.all()) {
                CareerOption option = MATCHER.assess(profile, occupation);
                String where = "seed " + seed + ", trial " + trial + ", " + occupation.id();
                for (CareerOption.Gap gap : option.gaps()) {
                    assertFalse(strengths.contains(gap.competence()), where + ": strength " + gap.competence() + " is a gap");
                    if (gap.level() != null) {
                        assertTrue(gap.level() < gap.required().threshold(), where + ": " + gap);
                        assertTrue(gap.mastery().step() < gap.required().step(), where + ": " + gap);
                        assertEquals(levels.get(gap.competence()), gap.level(), where);
                    }
                }
                for (Occupation.RequiredCompetence required : occupation.competences()) {
                    Double level = levels.get(required.competence().id());
                    boolean gap = option.gaps().stream().anyMatch(g -> g.competence().equals(required.competence().id()));
                    if (level != null && level >= (required.level() - 1) / 4.0) {
                        assertFalse(gap, where + ": " + required + " met by " + level + " yet a gap");
                        checked++;
                    } else {
                        assertTrue(gap, where + ": " + required + " not met by " + level + " yet no gap");
                    }
                }
                for (CareerOption.Factor factor : option.unfavourable()) {
                    assertFalse(strengths.contains(factor.subject()), where + ": strength " + factor.subject()
                            + " is a hindering factor");
                }
                List<LocalizedText> steps = ProjectSteps.of(profile, occupation, option);
                for (String strength : strengths) {
                    Competence competence = Competence.find(strength).orElseThrow();
                    for (LocalizedText step : steps) {
                        assertFalse(step.resolve("fr", "en").contains("« " + competence.label("fr") + " »"),
                                where + ": step " + step.resolve("fr", "en"));
                        assertFalse(step.resolve("en", "fr").contains("\"" + competence.label("en") + "\""),
                                where + ": step " + step.resolve("en", "fr"));
                    }
                }
            }
        }
        assertTrue(checked > 0, "no requirement was met in seed " + seed + ": the generator proves nothing");
    }

    /** Random evidence for a random half of the framework, of every source and both measures. */
    private static List<OutcomeResult> randomEvidence(Random random) {
        List<OutcomeResult> outcomes = new ArrayList<>();
        for (Competence competence : Competence.values()) {
            if (random.nextBoolean()) {
                continue;
            }
            int pieces = 1 + random.nextInt(4);
            for (int i = 0; i < pieces; i++) {
                // Levels often on the steps' edges, where a mismatch of scales would show.
                double level = random.nextInt(3) == 0 ? random.nextInt(5) / 4.0 : random.nextDouble();
                outcomes.add(outcome(competence.id(), level, SOURCES[random.nextInt(SOURCES.length)],
                        random.nextInt(3) == 0 ? EvidenceMeasure.DOCUMENTATION : EvidenceMeasure.MASTERY));
            }
        }
        return outcomes;
    }

    static OutcomeResult outcome(String competence, double level, EvidenceSource source, EvidenceMeasure measure) {
        return new OutcomeResult("competence", competence, null, level, source, null, measure);
    }

    static ScoreReport report(List<OutcomeResult> outcomes) {
        return new ScoreReport("generated@1.0.0", "sha256:0", "en", null, Map.of(), outcomes, List.of(), List.of(),
                Map.of(), null);
    }

    private static Occupation occupation(List<Occupation.RequiredCompetence> competences) {
        Map<io.bilan.api.vocabulary.RiasecArea, Double> interests = CareerMatcherTest.riasec(2, 3, 1, 7, 2, 3);
        return new Occupation("adult-trainer", LocalizedText.of("en", "Adult trainer"), null, Sector.EDUCATION_TRAINING, 3, null,
                null, interests, Map.of(), competences, List.of(), null);
    }
}
