package io.bilan.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HollandCodeTest {

    private static Map<RiasecArea, Double> scores(double r, double i, double a, double s, double e, double c) {
        Map<RiasecArea, Double> scores = new EnumMap<>(RiasecArea.class);
        scores.put(RiasecArea.REALISTIC, r);
        scores.put(RiasecArea.INVESTIGATIVE, i);
        scores.put(RiasecArea.ARTISTIC, a);
        scores.put(RiasecArea.SOCIAL, s);
        scores.put(RiasecArea.ENTERPRISING, e);
        scores.put(RiasecArea.CONVENTIONAL, c);
        return scores;
    }

    @Test
    void theThreeHighestScoresHighestFirst() {
        // O*NET 29.3, Registered Nurses (29-1141.00): S 5.62 > I 4.82 > C 4.58 > R 3.66 > E 2.28 > A 1.31
        HollandCode code = HollandCode.of(scores(3.66, 4.82, 1.31, 5.62, 2.28, 4.58));
        assertEquals("SIC", code.letters());
        assertFalse(code.tied());
    }

    @Test
    void equalScoresFollowTheHexagonOrderAndAreMarkedTied() {
        assertEquals("IAE", HollandCode.of(scores(1, 5, 5, 2, 4, 1)).letters());
        assertTrue(HollandCode.of(scores(1, 5, 5, 2, 4, 1)).tied());
        // a tie below the third letter does not matter
        assertFalse(HollandCode.of(scores(1, 5, 4, 3, 1, 1)).tied());
        // a tie between the third and the fourth decides the third letter
        assertEquals("IAS", HollandCode.of(scores(1, 5, 4, 3, 3, 1)).letters());
        assertTrue(HollandCode.of(scores(1, 5, 4, 3, 3, 1)).tied());
        // a flat profile is RIA by the rule
        assertEquals("RIA", HollandCode.of(scores(3, 3, 3, 3, 3, 3)).letters());
        // floating-point noise is no difference
        assertEquals("IAE", HollandCode.of(scores(0, 0.1 + 0.2, 0.3, 0, 0.2, 0)).letters());
    }

    @Test
    void iachanIndexByHand() {
        HollandCode sae = HollandCode.parse("SAE");
        assertEquals(28, sae.iachan(HollandCode.parse("SAE")));
        assertEquals(0, sae.iachan(HollandCode.parse("RIC")));
        // S first-first 22, E third-second 2, A second-third 2
        assertEquals(26, sae.iachan(HollandCode.parse("SEA")));
        // A second-first 10, S first-second 10, I none
        assertEquals(20, sae.iachan(HollandCode.parse("ASI")));
        // E third-first 4
        assertEquals(4, sae.iachan(HollandCode.parse("ERC")));
        assertEquals(HollandCode.parse("ASI").iachan(sae), sae.iachan(HollandCode.parse("ASI")), "symmetric");
    }

    @Test
    void workValuesHaveNamesInBothLanguagesAndReadOnetNames() {
        assertEquals("Conditions de travail", WorkValue.WORKING_CONDITIONS.label("fr"));
        assertEquals("Working conditions", WorkValue.WORKING_CONDITIONS.label("en"));
        assertEquals(WorkValue.WORKING_CONDITIONS, WorkValue.of("Working Conditions"));
        assertEquals(WorkValue.WORKING_CONDITIONS, WorkValue.of("working-conditions"));
    }

    @Test
    void aCodeNeedsSixScoresAndThreeDistinctLetters() {
        assertThrows(IllegalArgumentException.class, () -> HollandCode.of(Map.of(RiasecArea.SOCIAL, 1.0)));
        assertThrows(IllegalArgumentException.class, () -> HollandCode.parse("SSA"));
        assertThrows(IllegalArgumentException.class, () -> HollandCode.parse("SA"));
    }
}
