package io.bilan.career;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.Mastery;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.Sector;
import io.bilan.profile.Profile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The combination rules of career options, computed by hand, and the properties a ranking must keep. */
class CareerMatcherTest {

    static Map<RiasecArea, Double> riasec(double... scores) {
        Map<RiasecArea, Double> map = new EnumMap<>(RiasecArea.class);
        for (RiasecArea area : RiasecArea.values()) {
            map.put(area, scores[area.ordinal()]);
        }
        return map;
    }

    static Map<WorkValue, Double> values(double... extents) {
        Map<WorkValue, Double> map = new EnumMap<>(WorkValue.class);
        for (WorkValue value : WorkValue.values()) {
            map.put(value, extents[value.ordinal()]);
        }
        return map;
    }

    static Occupation occupation(String id, Map<RiasecArea, Double> interests, Map<WorkValue, Double> values,
            List<Occupation.RequiredCompetence> competences) {
        return new Occupation(id, LocalizedText.of("en", id), null, Sector.HEALTH, 3, null, null, interests, values,
                competences, List.of(), null);
    }

    static Profile profile(double[] interests, double[] values, Map<String, Double> competences) {
        Profile.InterestsProfile riasec = null;
        if (interests != null) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (RiasecArea area : RiasecArea.values()) {
                scores.put(area.letter(), interests[area.ordinal()]);
            }
            riasec = new Profile.InterestsProfile(scores, null, null, null, null);
        }
        Profile.ValuesProfile workValues = null;
        if (values != null) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (WorkValue value : WorkValue.values()) {
                scores.put(value.code(), values[value.ordinal()]);
            }
            workValues = new Profile.ValuesProfile(scores, List.of());
        }
        List<Profile.CompetenceAssessment> portfolio = new ArrayList<>();
        competences.forEach((id, level) -> portfolio.add(new Profile.CompetenceAssessment(id, level, 1, null, List.of())));
        return new Profile(1, List.of(), portfolio, List.of(), List.of(), workValues, riasec, List.of(), List.of());
    }

    /** The gaps without their advice texts, to compare the figures alone. */
    static List<CareerOption.Gap> withoutAdvice(List<CareerOption.Gap> gaps) {
        return gaps.stream().map(g -> new CareerOption.Gap(g.competence(), g.required(), g.mastery(), g.level(), null,
                null)).toList();
    }

    private static final Occupation CARER = occupation("carer", riasec(2, 3, 1, 7, 2, 3), values(4, 4, 4, 7, 4, 4),
            List.of(new Occupation.RequiredCompetence(Competence.EMPATHY, 4),
                    new Occupation.RequiredCompetence(Competence.TEAMWORK, 3)));
    private static final double[] PERSON = {0.2, 0.5, 0.8, 0.9, 0.4, 0.1};
    private static final double[] PERSON_VALUES = {0.5, 0.5, 0.2, 0.9, 0.6, 0.9};

    @Test
    void everyPartOfTheScoreByHand() {
        CareerOption option = new CareerMatcher(OccupationCatalogue.of(List.of(CARER)))
                .assess(profile(PERSON, PERSON_VALUES, Map.of("empathy", 0.6)), CARER);

        // Interests. Occupation y = (2,3,1,7,2,3), mean 3, deviations (-1,0,-2,4,-1,0), SD sqrt(22/6) = 1.914854.
        // Person x = (.2,.5,.8,.9,.4,.1): covariance = (-.2 - 1.6 + 3.6 - .4) / 6 = 1.4 / 6 = 0.233333;
        // agreement = 0.233333 / (1.914854 x 0.5) = 0.243709. Codes: person SAI, occupation SIC (I and C tie at 3:
        // I first): S first-first 22, I third-second 2, M = 24. Fit = 0.5 x 1.243709 / 2 + 0.5 x 24 / 28 = 0.739499.
        assertEquals(0.7394986081559227, option.interestFit(), 1e-12);
        // Values: offered (e - 1) / 6 = (.5,.5,.5,1,.5,.5); |differences| = 0,0,.3,.1,.1,.4, mean .15: fit 0.85
        assertEquals(0.85, option.valuesFit(), 1e-12);
        // Competences: empathy 0.6 is step 3, below the step 4 required, which begins at (4 - 1) / 4 = 0.75: 0.6 / 0.75
        // = 0.8; teamwork has no evidence: fit 0.8 over the one assessed
        assertEquals(0.8, option.competenceFit(), 1e-12);
        // 0.5 x 0.7394986 + 0.25 x 0.85 + 0.25 x 0.8
        assertEquals(0.7822493040779614, option.score(), 1e-12);
        assertEquals(List.of(new CareerOption.Gap("empathy", Mastery.EXPERT, Mastery.PROFICIENT, 0.6, null, null),
                new CareerOption.Gap("teamwork", Mastery.PROFICIENT, null, null, null, null)),
                CareerMatcherTest.withoutAdvice(option.gaps()));
        assertEquals("Niveau à confirmer par un exemple vécu documenté en entretien (career-interview-grid) ou la mise en"
                + " situation observée (roleplay-client-conflict).", option.gaps().get(0).check().resolve("fr", "en"));
        assertEquals("Pas encore évaluée : auto-évaluation (transversal-competences), puis un exemple vécu documenté en"
                + " entretien (career-interview-grid).", option.gaps().get(1).check().resolve("fr", "en"));
        assertEquals("Se former ou la développer par la mise en pratique encadrée (stage, période de mise en situation en"
                + " milieu professionnel).", option.gaps().get(0).close().resolve("fr", "en"));
        assertEquals("À développer pour ce métier : Faire preuve d'empathie (niveau 3/4, maîtrise ; requis 4/4, expertise).",
                option.unfavourable().get(0).text().resolve("fr", "en"));
        assertEquals("To develop for this occupation: Empathy (level 3/4, proficiency; required 4/4, expertise).",
                option.unfavourable().get(0).text().resolve("en", "fr"));
        assertEquals(List.of("same-first-interest", "value-offered"),
                option.favourable().stream().map(CareerOption.Factor::code).toList());
        assertEquals("relationships", option.favourable().get(1).subject());
        assertEquals(List.of("competence-gap"), option.unfavourable().stream().map(CareerOption.Factor::code).toList());
        assertEquals(List.of(), option.notConsidered());
    }

    @Test
    void anOccupationBuildingOnTheExperienceHeldTakesTheBetterInterestFitAndSaysSo() {
        // A trainer of the carer's trade, Realistic first, that requires having worked as a carer first
        Occupation trainer = new Occupation("trainer", LocalizedText.of("en", "Trainer", "fr", "Formateur"), null,
                Sector.EDUCATION_TRAINING, 3, null, null, riasec(7, 2, 1, 1, 2, 3), Map.of(), List.of(), List.of(),
                null, null, null, 4, 6, List.of("carer"), null, null, null);
        CareerMatcher matcher = new CareerMatcher(OccupationCatalogue.of(List.of(CARER, trainer)));
        Profile profile = profile(PERSON, null, Map.of());

        // Its own figures y = (7,2,1,1,2,3), mean 16/6, deviations (13/3,-2/3,-5/3,-5/3,-2/3,1/3), SD sqrt(76/18) =
        // 2.054805. Person x = (.2,.5,.8,.9,.4,.1): covariance = (.866667 - .333333 - 1.333333 - 1.5 - .266667 +
        // .033333) / 6 = -0.422222; agreement = -0.422222 / (2.054805 x 0.5) = -0.410961. Codes: person SAI,
        // occupation RCI (I and E tie at 2: I first): I third-third 1, M = 1. Fit = 0.5 x 0.589039 / 2 + 0.5 x 1 / 28
        double own = 0.16511690947432656;
        CareerOption stranger = matcher.assess(profile, Situation.NONE, trainer);
        assertEquals(own, stranger.interestFit(), 1e-12);
        // R, the trainer's first area, at 0.2: low interest, and the trade it requires is not held
        assertEquals(List.of("low-interest", "prerequisite"),
                stranger.unfavourable().stream().map(CareerOption.Factor::code).toList());

        // Held as current or former occupation, the carer's fit (0.7394986, by hand in everyPartOfTheScoreByHand)
        // is the better one and counts
        for (Situation carer : List.of(new Situation("carer", null, null, false, null, null, null, null),
                new Situation(null, List.of("carer"), null, false, null, null, null, null))) {
            CareerOption option = matcher.assess(profile, carer, trainer);
            assertEquals(0.7394986081559227, option.interestFit(), 1e-12);
            // no values nor competences: the score is the interest fit, plus 0.03 for the experience it builds on
            assertEquals(0.7394986081559227 + 0.03, option.score(), 1e-12);
            CareerOption.Factor experience = option.favourable().stream()
                    .filter(f -> f.code().equals("opened-by-experience")).findFirst().orElseThrow();
            assertEquals("carer", experience.subject());
            assertEquals("Builds on your experience as carer: it meets this occupation's entry requirement, and your"
                    + " interests are weighed against that occupation too.", experience.text().resolve("en", "fr"));
            // the trade it builds on answers the interests: the trainer's own first area is not held against them
            assertEquals(List.of(), option.unfavourable());
        }
        // Ranked, it comes first for the one who holds the trade (the carer, their current job, is left out)
        assertEquals(List.of("trainer"), matcher.rank(profile, new Situation("carer", null, null, false, null, null,
                null, null), null, null, 10).options().stream().map(CareerOption::occupation).toList());

        // The experience never lowers a fit: held, the trainer counts the better of the two
        Occupation carerTrainer = new Occupation("carer-trainer", LocalizedText.of("en", "Carer trainer"), null,
                Sector.EDUCATION_TRAINING, 3, null, null, riasec(1, 3, 2, 7, 2, 1), Map.of(), List.of(), List.of(),
                null, null, null, 4, 6, List.of("builder"), null, null, null);
        Occupation builder = occupation("builder", riasec(7, 2, 1, 1, 2, 3), Map.of(), List.of());
        CareerMatcher second = new CareerMatcher(OccupationCatalogue.of(List.of(builder, carerTrainer)));
        Situation builderHeld = new Situation(null, List.of("builder"), null, false, null, null, null, null);
        assertEquals(second.assess(profile, Situation.NONE, carerTrainer).interestFit(),
                second.assess(profile, builderHeld, carerTrainer).interestFit(), 1e-12);
        assertTrue(second.assess(profile, builderHeld, carerTrainer).interestFit() > own);
    }

    @Test
    void projectStepsCompleteTheProfileThenCloseGapsThenFollowARoute() {
        Occupation nurse = new Occupation("nurse", LocalizedText.of("en", "Nurse"), null, Sector.HEALTH, 4, null, null,
                riasec(2, 3, 1, 7, 2, 3), values(4, 4, 4, 7, 4, 4), CARER.competences(),
                List.of(LocalizedText.of("fr", "Diplôme d'État", "en", "State diploma")), null);
        Profile incomplete = new Profile(1, List.of(), List.of(new Profile.CompetenceAssessment("empathy", 0.6, 1, null,
                List.of())), List.of(), List.of(), null, null, List.of(),
                List.of(new Profile.MissingPart("values", null, List.of("work-values"))));
        CareerOption option = new CareerMatcher(OccupationCatalogue.of(List.of(nurse))).assess(incomplete, nurse);
        List<String> steps = ProjectSteps.of(incomplete, nurse, option).stream().map(t -> t.resolve("fr", "en")).toList();
        assertEquals(List.of("Préciser les valeurs de travail (work-values).",
                "Renforcer « Faire preuve d'empathie » (Maîtrise 3/4, requis Expertise 4/4). Vérifier : niveau à confirmer"
                        + " par un exemple vécu documenté en entretien (career-interview-grid) ou la mise en situation"
                        + " observée (roleplay-client-conflict). Développer : la formation du métier la travaille :"
                        + " Diplôme d'État ; ou la mise en pratique encadrée (stage, période de mise en situation en milieu"
                        + " professionnel).",
                "Évaluer « Travailler en équipe », que ce métier demande et que le profil ne renseigne pas :"
                        + " auto-évaluation (transversal-competences), puis un exemple vécu documenté en entretien"
                        + " (career-interview-grid).",
                "Voie d'accès : Diplôme d'État.",
                "Financer la formation : compte personnel de formation (CPF) ; pour une reconversion par une formation"
                        + " longue, projet de transition professionnelle (Transitions Pro) ; en recherche d'emploi, avec"
                        + " France Travail.",
                "Confronter le projet au terrain : enquêtes auprès de professionnels du métier et période d'immersion"
                        + " (PMSMP)."), steps);
    }

    @Test
    void anIncompleteProfileIsMatchedOnWhatItHasAndSaysWhatWasLeftOut() {
        CareerOption option = new CareerMatcher(OccupationCatalogue.of(List.of(CARER)))
                .assess(profile(PERSON, null, Map.of()), CARER);
        assertNull(option.valuesFit());
        assertNull(option.competenceFit());
        assertEquals(0.7394986081559227, option.score(), 1e-12, "the interest fit alone");
        assertEquals(2, option.notConsidered().size(), option.notConsidered()::toString);
        assertTrue(option.notConsidered().get(0).startsWith("values:"));
        assertTrue(option.notConsidered().get(1).startsWith("competences:"));
    }

    @Test
    void lowInterestInTheOccupationsFirstAreaAndMissingValuesAreUnfavourable() {
        double[] person = {0.9, 0.8, 0.7, 0.1, 0.5, 0.6};
        double[] wants = {0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        Occupation lonely = occupation("lonely", riasec(2, 3, 1, 7, 2, 3), values(4, 4, 4, 1, 4, 4), List.of());
        CareerOption option = new CareerMatcher(OccupationCatalogue.of(List.of(lonely)))
                .assess(profile(person, wants, Map.of()), lonely);
        assertEquals(List.of("low-interest", "value-not-offered"),
                option.unfavourable().stream().map(CareerOption.Factor::code).toList());
        assertEquals("Ce métier offre peu ce qui compte pour vous : relations.",
                option.unfavourable().get(1).text().resolve("fr", "en"));
    }

    @Test
    void rankingFiltersBySectorAndLevelAndBreaksTiesById() {
        Occupation twin = occupation("a-twin", riasec(2, 3, 1, 7, 2, 3), values(4, 4, 4, 7, 4, 4), CARER.competences());
        Occupation builder = new Occupation("builder", LocalizedText.of("en", "builder"), null, Sector.CONSTRUCTION, 2,
                null, null, riasec(7, 2, 1, 1, 2, 3), Map.of(), List.of(), List.of(), null);
        CareerMatcher matcher = new CareerMatcher(OccupationCatalogue.of(List.of(CARER, builder, twin)));
        Profile profile = profile(PERSON, PERSON_VALUES, Map.of());
        assertEquals(List.of("a-twin", "carer", "builder"),
                matcher.rank(profile, null, null, 10).stream().map(CareerOption::occupation).toList());
        assertEquals(List.of("builder"), matcher.rank(profile, Sector.CONSTRUCTION, null, 10).stream()
                .map(CareerOption::occupation).toList());
        assertEquals(List.of("a-twin", "carer"), matcher.rank(profile, null, 3, 10).stream()
                .map(CareerOption::occupation).toList());
        assertEquals(1, matcher.rank(profile, null, null, 1).size());
    }

    @Test
    void optionsGroupIntoSectorsBestFirst() {
        Occupation builder = new Occupation("builder", LocalizedText.of("en", "builder"), null, Sector.CONSTRUCTION, 2,
                null, null, riasec(7, 2, 1, 1, 2, 3), Map.of(), List.of(), List.of(), null);
        Occupation aide = occupation("aide", riasec(3, 2, 2, 6, 2, 3), values(4, 4, 4, 7, 4, 4), List.of());
        CareerMatcher matcher = new CareerMatcher(OccupationCatalogue.of(List.of(builder, CARER, aide)));
        Profile profile = profile(PERSON, PERSON_VALUES, Map.of());
        List<CareerMatcher.SectorOption> sectors = matcher.sectors(profile, null, 5);

        assertEquals(List.of(Sector.HEALTH, Sector.CONSTRUCTION), sectors.stream().map(CareerMatcher.SectorOption::sector).toList());
        List<String> health = sectors.get(0).occupations();
        double carer = matcher.assess(profile, CARER).score();
        double aideScore = matcher.assess(profile, aide).score();
        assertEquals(carer >= aideScore ? List.of("carer", "aide") : List.of("aide", "carer"), health);
        assertEquals(Math.max(carer, aideScore), sectors.get(0).score(), 1e-12);
        assertEquals(matcher.assess(profile, builder).score(), sectors.get(1).score(), 1e-12);
        assertEquals(List.of(Sector.CONSTRUCTION), matcher.sectors(profile, 2, 5).stream()
                .map(CareerMatcher.SectorOption::sector).toList(), "level 2: the builder alone");
        assertEquals(1, matcher.sectors(profile, null, 1).get(0).occupations().size());
    }

    /**
     * Raising a person's interest in an occupation's first area never lowers its score, and never lets an
     * occupation that area does not characterise (its score there at or below its mean) overtake it.
     */
    @Test
    void raisingInterestInAnOccupationsFirstAreaNeverLowersIt() {
        Random random = new Random(20261126);
        for (int trial = 0; trial < 2000; trial++) {
            List<Occupation> occupations = new ArrayList<>();
            for (int o = 0; o < 8; o++) {
                occupations.add(occupation("o" + o, riasec(randomScores(random, 1, 7)), values(randomScores(random, 1, 7)), List.of()));
            }
            CareerMatcher matcher = new CareerMatcher(OccupationCatalogue.of(occupations));
            Occupation target = occupations.get(0);
            RiasecArea first = target.hollandCode().areas().get(0);
            double[] person = randomScores(random, 0, 1);
            double[] raised = person.clone();
            raised[first.ordinal()] = Math.min(1, person[first.ordinal()] + random.nextDouble() * 0.5);
            double[] wants = randomScores(random, 0, 1);

            CareerOption before = matcher.assess(profile(person, wants, Map.of()), target);
            CareerOption after = matcher.assess(profile(raised, wants, Map.of()), target);
            assertTrue(after.score() >= before.score() - 1e-12, "trial " + trial + ": " + before.score() + " -> " + after.score());
            for (Occupation other : occupations.subList(1, occupations.size())) {
                double mean = other.interests().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                if (other.interests().get(first) > mean) {
                    continue;
                }
                boolean aheadBefore = matcher.assess(profile(person, wants, Map.of()), other).score() > before.score();
                boolean aheadAfter = matcher.assess(profile(raised, wants, Map.of()), other).score() > after.score() + 1e-12;
                assertTrue(aheadBefore || !aheadAfter, "trial " + trial + ": " + other.id() + " overtook the target");
            }
        }
    }

    /** Ranking scores every occupation without explaining it: the order must be that of the explained scores. */
    @Test
    void theRankingFollowsTheExplainedScores() {
        OccupationCatalogue catalogue = OccupationCatalogue.builtIn();
        CareerMatcher matcher = new CareerMatcher(catalogue);
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            Map<String, Double> competences = new LinkedHashMap<>();
            for (Competence competence : Competence.values()) {
                if (random.nextBoolean()) {
                    competences.put(competence.id(), random.nextDouble());
                }
            }
            List<CareerOption> ranked = matcher.rank(profile(randomScores(random, 0, 1),
                    trial % 3 == 0 ? null : randomScores(random, 0, 1), competences), null, null, catalogue.size());
            assertEquals(catalogue.size(), ranked.size());
            for (int i = 1; i < ranked.size(); i++) {
                assertTrue(ranked.get(i - 1).score() >= ranked.get(i).score(), "trial " + trial + " at " + i);
            }
        }
    }

    /** A profile identical to an occupation's ranks it first: a person whose levels are the occupation's figures. */
    @Test
    void aProfileIdenticalToAnOccupationRanksItFirst() {
        OccupationCatalogue catalogue = OccupationCatalogue.builtIn();
        CareerMatcher matcher = new CareerMatcher(catalogue);
        for (Occupation occupation : catalogue.all()) {
            double[] interests = new double[6];
            occupation.interests().forEach((area, score) -> interests[area.ordinal()] = (score - 1) / 6);
            double[] wants = new double[6];
            occupation.values().forEach((value, extent) -> wants[value.ordinal()] = (extent - 1) / 6);
            List<CareerOption> ranked = matcher.rank(profile(interests, wants, Map.of()), null, null, catalogue.size());
            double best = ranked.get(0).score();
            CareerOption own = ranked.stream().filter(o -> o.occupation().equals(occupation.id())).findFirst().orElseThrow();
            assertEquals(best, own.score(), 1e-12, occupation.id() + " is not first: " + ranked.get(0).occupation());
        }
    }

    private static double[] randomScores(Random random, double min, double max) {
        double[] scores = new double[6];
        for (int i = 0; i < 6; i++) {
            scores[i] = min + random.nextDouble() * (max - min);
        }
        return scores;
    }
}
