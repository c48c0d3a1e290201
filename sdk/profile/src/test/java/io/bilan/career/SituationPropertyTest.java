package io.bilan.career;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.WorkingCondition;
import io.bilan.profile.Profile;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules that hold for every profile and every situation, over generated ones and the whole built-in catalogue: what
 * the person holds or rules out is never proposed unless asked; no option needs more training than they accept; a
 * working condition they want to leave is always named against an option and keeps it out of the strong band, and
 * always lowers its ranking score.
 */
class SituationPropertyTest {

    private static final OccupationCatalogue CATALOGUE = OccupationCatalogue.builtIn();
    private static final CareerMatcher MATCHER = new CareerMatcher(CATALOGUE);
    private static final List<Occupation> ALL = CATALOGUE.all();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theSituationIsAlwaysRespected(long seed) {
        Random random = new Random(seed);
        for (int trial = 0; trial < 5; trial++) {
            Profile profile = randomProfile(random);
            String current = ALL.get(random.nextInt(ALL.size())).id();
            List<String> ruledOut = List.of(ALL.get(random.nextInt(ALL.size())).id(), ALL.get(random.nextInt(ALL.size())).id());
            Integer max = random.nextBoolean() ? null : random.nextInt(49);
            Set<WorkingCondition> avoid = EnumSet.noneOf(WorkingCondition.class);
            for (WorkingCondition condition : WorkingCondition.values()) {
                if (random.nextInt(4) == 0) {
                    avoid.add(condition);
                }
            }
            Situation situation = new Situation(current, List.of(), ruledOut, false, 1 + random.nextInt(8), max, avoid,
                    Set.of());
            String where = "seed " + seed + ", trial " + trial;
            CareerMatcher.Ranking ranking = MATCHER.rank(profile, situation, null, null, ALL.size());
            int leftOut = ranking.leftOut().values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(ALL.size(), ranking.options().size() + leftOut, where);
            for (CareerOption option : ranking.options()) {
                assertFalse(option.occupation().equals(current) || ruledOut.contains(option.occupation()), where);
                if (max != null) {
                    assertTrue(option.trainingMonths() <= max, where + ": " + option.occupation());
                }
                Occupation occupation = CATALOGUE.find(option.occupation()).orElseThrow();
                for (WorkingCondition condition : occupation.conditions()) {
                    if (avoid.contains(condition)) {
                        assertTrue(option.unfavourable().stream().anyMatch(f -> f.code().equals("condition-to-leave")
                                && f.subject().equals(condition.id())), where + ": " + option.occupation());
                        assertNotEquals(Fit.STRONG, option.fit(), where + ": " + option.occupation());
                    }
                }
            }
            // The same person not minding those conditions ranks such an occupation higher.
            Situation indifferent = new Situation(current, List.of(), ruledOut, true, situation.qualification(), max,
                    Set.of(), Set.of());
            Situation avoiding = new Situation(current, List.of(), ruledOut, true, situation.qualification(), max, avoid,
                    Set.of());
            for (Occupation occupation : ALL) {
                if (occupation.conditions().stream().anyMatch(avoid::contains)) {
                    assertTrue(MATCHER.assess(profile, avoiding, occupation).score()
                            < MATCHER.assess(profile, indifferent, occupation).score(), where + ": " + occupation.id());
                }
            }
        }
    }

    private static Profile randomProfile(Random random) {
        double[] interests = new double[6];
        double[] values = new double[6];
        for (int i = 0; i < 6; i++) {
            interests[i] = random.nextDouble();
            values[i] = random.nextDouble();
        }
        Map<String, Double> competences = new HashMap<>();
        for (io.bilan.api.vocabulary.Competence competence : io.bilan.api.vocabulary.Competence.values()) {
            if (random.nextBoolean()) {
                competences.put(competence.id(), random.nextDouble());
            }
        }
        return Personas.profile(Personas.riasec(interests[0], interests[1], interests[2], interests[3], interests[4],
                interests[5]), Personas.values(values), competences);
    }

}
