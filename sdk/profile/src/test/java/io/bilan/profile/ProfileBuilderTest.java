package io.bilan.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.BandResult;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.Mastery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The combination rules of a profile, each with its expectation computed by hand. */
class ProfileBuilderTest {

    static ScoreReport report(String instrument, List<OutcomeResult> outcomes) {
        return report(instrument, Map.of(), outcomes);
    }

    static ScoreReport report(String instrument, Map<String, ScaleResult> scales, List<OutcomeResult> outcomes) {
        return new ScoreReport(instrument, "sha256:" + instrument.hashCode(), "en", null, scales, outcomes, List.of(),
                List.of(), Map.of(), null);
    }

    static OutcomeResult competence(String id, double level, EvidenceSource source) {
        return new OutcomeResult("competence", id, null, level, source);
    }

    static OutcomeResult documentation(String id, double level, EvidenceSource source) {
        return new OutcomeResult("competence", id, null, level, source, null, EvidenceMeasure.DOCUMENTATION);
    }

    static OutcomeResult interest(String area, double level, EvidenceSource source) {
        return new OutcomeResult("interest", area, area, level, source);
    }

    static OutcomeResult value(String value, double level) {
        return new OutcomeResult("work-value", value, value, level, null);
    }

    private static List<String> ids(List<Profile.CompetenceAssessment> competences) {
        return competences.stream().map(Profile.CompetenceAssessment::competence).toList();
    }

    private static Profile.CompetenceAssessment assessed(Profile profile, String id) {
        return profile.competences().stream().filter(c -> c.competence().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void competenceEvidenceIsWeightedBySourceAndConflictsAreFlagged() {
        Profile profile = ProfileBuilder.build(List.of(
                report("transversal-competences@1.0.0", List.of(competence("teamwork", 0.9, EvidenceSource.SELF_ASSESSMENT))),
                report("roleplay-client-conflict@1.0.0", List.of(competence("teamwork", 0.4, EvidenceSource.OBSERVATION))),
                report("transversal-competences@1.0.0", List.of(competence("teamwork", 0.5, EvidenceSource.EXPERIENCE)))));

        Profile.CompetenceAssessment teamwork = assessed(profile, "teamwork");
        // (1 x 0.9 + 3 x 0.4 + 2 x 0.5) / (1 + 3 + 2) = 3.1 / 6
        assertEquals(3.1 / 6, teamwork.level(), 1e-12);
        assertEquals(1.0, teamwork.confidence(), 1e-12, "weights 6 / 6");
        assertEquals("self-higher", teamwork.conflict(), "self 0.9, observed 0.4: 0.5 apart");
        assertEquals(3, teamwork.evidence().size());
        assertEquals(List.of(teamwork), profile.potential(), "0.5 <= 0.5167 < 0.75, with its evidence");
        assertEquals(List.of(), profile.strengths());
        assertEquals(ProfileBuilder.RULES, profile.version());
    }

    @Test
    void strengthsNeedMoreThanSelfAssessment() {
        Profile profile = ProfileBuilder.build(List.of(
                report("reasoning-aptitude@1.0.0", List.of(competence("numeracy", 0.8, EvidenceSource.TEST))),
                report("transversal-competences@1.0.0", List.of(competence("numeracy", 0.9, EvidenceSource.SELF_ASSESSMENT),
                        competence("empathy", 1.0, EvidenceSource.SELF_ASSESSMENT),
                        competence("creativity", 0.2, EvidenceSource.SELF_ASSESSMENT),
                        competence("http://data.europa.eu/esco/skill/abc", 0.5, EvidenceSource.SELF_ASSESSMENT)))));

        // numeracy: (3 x 0.8 + 0.9) / 4 = 0.825, confidence 4 / 6; 0.1 apart is no conflict
        assertEquals(0.825, assessed(profile, "numeracy").level(), 1e-12);
        assertEquals(4.0 / 6, assessed(profile, "numeracy").confidence(), 1e-12);
        assertNull(assessed(profile, "numeracy").conflict());
        // empathy: 1.0 but self-assessed only, confidence 1/6: not a strength
        assertEquals(1.0 / 6, assessed(profile, "empathy").confidence(), 1e-12);
        assertEquals(List.of("numeracy"), ids(profile.strengths()));
        assertEquals(2, profile.strengths().get(0).evidence().size(), "the test and the self-assessment");
        assertEquals(List.of("http://data.europa.eu/esco/skill/abc"), ids(profile.potential()));
        // the framework's order, then ESCO URIs
        assertEquals(List.of("empathy", "creativity", "numeracy", "http://data.europa.eu/esco/skill/abc"),
                profile.competences().stream().map(Profile.CompetenceAssessment::competence).toList());
    }

    @Test
    void evidenceCitingTheEscoUriOfAFrameworkCompetenceJoinsIt() {
        Profile profile = ProfileBuilder.build(List.of(report("x@1.0.0", List.of(
                competence("teamwork", 0.6, EvidenceSource.SELF_ASSESSMENT),
                competence("http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0", 0.9, EvidenceSource.TEST)))));
        assertEquals(List.of("teamwork"), profile.competences().stream().map(Profile.CompetenceAssessment::competence).toList());
        // (1 x 0.6 + 3 x 0.9) / 4
        assertEquals(3.3 / 4, assessed(profile, "teamwork").level(), 1e-12);
    }

    @Test
    void conflictThresholdAt0Point4InBothDirections() {
        Profile profile = ProfileBuilder.build(List.of(report("x@1.0.0", List.of(
                competence("teamwork", 0.3, EvidenceSource.SELF_ASSESSMENT), competence("teamwork", 0.7, EvidenceSource.TEST),
                competence("empathy", 0.5, EvidenceSource.SELF_ASSESSMENT), competence("empathy", 0.8, EvidenceSource.OBSERVATION)))));
        assertEquals("self-lower", assessed(profile, "teamwork").conflict(), "0.4 apart exactly");
        assertNull(assessed(profile, "empathy").conflict(), "0.3 apart");
    }

    /** The case seen in a real bilan: one "confirmed" interview example (0.5) beside a self-rating of 1. */
    @Test
    void aDocumentedExampleAddsConfidenceAndNeverLowersMastery() {
        Profile profile = ProfileBuilder.build(List.of(
                report("transversal-competences@1.2.0", List.of(competence("active-listening", 1.0, EvidenceSource.SELF_ASSESSMENT))),
                report("career-interview-grid@1.2.0", List.of(documentation("active-listening", 0.5, EvidenceSource.OBSERVATION)))));
        Profile.CompetenceAssessment listening = assessed(profile, "active-listening");
        // level: the self-rating alone, 1.0 (before: (1 x 1 + 3 x 0.5) / 4 = 0.625); confidence (1 + 3) / 6
        assertEquals(1.0, listening.level(), 1e-12);
        assertEquals(Mastery.EXPERT, listening.mastery());
        assertEquals(4.0 / 6, listening.confidence(), 1e-12);
        assertEquals(EvidenceMeasure.MASTERY, listening.basis());
        assertNull(listening.conflict(), "a documentation level is not compared with self-assessed mastery");
        assertEquals(List.of("active-listening"), ids(profile.strengths()), "step 4, confidence 0.67 >= 0.5");
        assertEquals(EvidenceMeasure.DOCUMENTATION, listening.evidence().get(1).measures());
    }

    @Test
    void onlyLikeIsCombinedWithLike() {
        Profile profile = ProfileBuilder.build(List.of(report("x@1.0.0", List.of(
                competence("teamwork", 0.6, EvidenceSource.SELF_ASSESSMENT),
                competence("teamwork", 0.9, EvidenceSource.TEST),
                documentation("teamwork", 0.1, EvidenceSource.EXPERIENCE),
                documentation("empathy", 0.75, EvidenceSource.OBSERVATION),
                documentation("empathy", 0.3, EvidenceSource.EXPERIENCE),
                documentation("numeracy", 1.0, EvidenceSource.OBSERVATION),
                documentation("numeracy", 1.0, EvidenceSource.EXPERIENCE)))));
        Profile.CompetenceAssessment teamwork = assessed(profile, "teamwork");
        // mastery (1 x 0.6 + 3 x 0.9) / 4 = 0.825; the experience's 0.1 only adds its weight: (1 + 3 + 2) / 6
        assertEquals(0.825, teamwork.level(), 1e-12);
        assertEquals(1.0, teamwork.confidence(), 1e-12);
        assertEquals(EvidenceMeasure.MASTERY, teamwork.basis());
        // documentation only: (3 x 0.75 + 2 x 0.3) / 5 = 0.57, step 3, said to rest on documentation
        Profile.CompetenceAssessment empathy = assessed(profile, "empathy");
        assertEquals(0.57, empathy.level(), 1e-12);
        assertEquals(Mastery.PROFICIENT, empathy.mastery());
        assertEquals(EvidenceMeasure.DOCUMENTATION, empathy.basis());
        assertEquals(5.0 / 6, empathy.confidence(), 1e-12);
        // documentation at 1, confidence 5 / 6, yet no mastery evidence: not a strength
        Profile.CompetenceAssessment numeracy = assessed(profile, "numeracy");
        assertEquals(1.0, numeracy.level(), 1e-12);
        assertEquals(List.of("teamwork"), ids(profile.strengths()));
        assertEquals(List.of("empathy"), ids(profile.potential()));
    }

    @Test
    void documentationNeverMovesAMasteryLevel() {
        java.util.Random random = new java.util.Random(16);
        EvidenceSource[] sources = EvidenceSource.values();
        for (int trial = 0; trial < 500; trial++) {
            List<OutcomeResult> mastery = new java.util.ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                mastery.add(competence("teamwork", random.nextDouble(), sources[random.nextInt(sources.length)]));
            }
            List<OutcomeResult> both = new java.util.ArrayList<>(mastery);
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                both.add(documentation("teamwork", random.nextDouble(), sources[random.nextInt(sources.length)]));
            }
            Profile.CompetenceAssessment without = assessed(ProfileBuilder.build(List.of(report("x@1.0.0", mastery))), "teamwork");
            Profile.CompetenceAssessment with = assessed(ProfileBuilder.build(List.of(report("x@1.0.0", both))), "teamwork");
            assertEquals(without.level(), with.level(), 1e-12, "trial " + trial);
            assertEquals(without.conflict(), with.conflict(), "trial " + trial);
            assertTrue(with.confidence() >= without.confidence(), "trial " + trial);
        }
    }

    @Test
    void interestsWeighDialogueHalfAndGiveTheCode() {
        Profile profile = ProfileBuilder.build(List.of(
                report("riasec-interests@1.0.0", List.of(interest("R", 0.2, null), interest("I", 0.5, null),
                        interest("A", 0.8, null), interest("S", 0.9, null), interest("E", 0.4, null), interest("C", 0.1, null))),
                report("career-interview-grid@1.0.0", List.of(interest("S", 0.3, EvidenceSource.OBSERVATION)))));

        // S: (1 x 0.9 + 0.5 x 0.3) / 1.5 = 0.7, below A 0.8
        assertEquals(0.7, profile.interests().scores().get("S"), 1e-12);
        assertEquals("ASI", profile.interests().hollandCode());
        assertEquals(false, profile.interests().tied());
        assertEquals("high", profile.interests().consistency(), "A and S are adjacent");
        assertEquals(0.7, profile.interests().differentiation(), 1e-12, "0.8 - 0.1");
    }

    @Test
    void valuesAreRankedWithTiesInOnetOrder() {
        Profile profile = ProfileBuilder.build(List.of(report("work-values@1.0.0", List.of(value("achievement", 0.5),
                value("working-conditions", 0.5), value("recognition", 0.2), value("relationships", 0.9),
                value("support", 0.6), value("independence", 0.9)))));
        assertEquals(List.of("relationships", "independence", "support", "achievement", "working-conditions", "recognition"),
                profile.values().ranked());
    }

    @Test
    void aptitudesComeFromTestsAndMissingPartsAreNamed() {
        Map<String, ScaleResult> scales = new LinkedHashMap<>();
        scales.put("numerical", new ScaleResult("Numerical", 8.0, null, 12, 12, 0.0, 12.0, false, ScaleStatus.SCORED,
                null, new BandResult("secure", "Secure", null), null));
        scales.put("logical", new ScaleResult("Logical", null, null, 3, 12, 0.0, 12.0, false,
                ScaleStatus.INSUFFICIENT_DATA, null, null, null));
        Profile profile = ProfileBuilder.build(List.of(report("reasoning-aptitude@1.0.0", scales,
                List.of(competence("numeracy", 8.0 / 12, EvidenceSource.TEST)))));

        assertEquals(List.of(new Profile.Aptitude("reasoning-aptitude@1.0.0", "numerical", "Numerical", 8.0, 12.0, "secure")),
                profile.aptitudes());
        assertEquals(List.of("reasoning-aptitude@1.0.0 sha256:" + "reasoning-aptitude@1.0.0".hashCode()), profile.reports());
        List<String> parts = profile.missing().stream().map(Profile.MissingPart::part).toList();
        assertEquals(List.of("interests", "values", "competences"), parts);
        assertEquals(26, profile.missing().get(2).detail().size(), "all but numeracy");
        assertEquals(List.of("riasec-interests"), profile.missing().get(0).instruments());
    }

    @Test
    void anEmptyProfileSaysEverythingIsMissing() {
        Profile profile = ProfileBuilder.build(List.of());
        assertNull(profile.interests());
        assertNull(profile.values());
        assertTrue(profile.competences().isEmpty());
        assertEquals(List.of("interests", "values", "competences", "observed-competences", "aptitudes"),
                profile.missing().stream().map(Profile.MissingPart::part).toList());
    }
}
