package io.bilan.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agreement of observers, computed by hand for small grids. */
class ObserverAgreementTest {

    private static Map<String, Map<String, Integer>> ratings(Object... criterionThenRatings) {
        Map<String, Map<String, Integer>> ratings = new LinkedHashMap<>();
        for (int i = 0; i < criterionThenRatings.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Integer> byObserver = (Map<String, Integer>) criterionThenRatings[i + 1];
            ratings.put((String) criterionThenRatings[i], new LinkedHashMap<>(byObserver));
        }
        return ratings;
    }

    @Test
    void threeObserversPairedOnEachCriterion() {
        // listening 3, 3, 4: pairs 0, 1, 1 apart; calm 1, 4: one pair 3 apart; closing rated once: no pair.
        // 4 pairs, 1 exact (1/4), 3 within one point (3/4); calm alone is 2 points or more apart.
        var agreement = ObserverAgreement.of(ratings(
                "listening", Map.of("a", 3, "b", 3, "c", 4),
                "calm", Map.of("a", 1, "b", 4),
                "closing", Map.of("a", 2)));
        assertEquals(4, agreement.pairs());
        assertEquals(0.25, agreement.exact());
        assertEquals(0.75, agreement.adjacent());
        assertEquals(List.of("calm"), agreement.apart());
        assertEquals(new ObserverAgreement.Criterion("listening", 3, 3, 4, 1, false), agreement.criteria().get(0));
        assertEquals(new ObserverAgreement.Criterion("calm", 2, 1, 4, 3, true), agreement.criteria().get(1));
        assertEquals(new ObserverAgreement.Criterion("closing", 1, 2, 2, null, false), agreement.criteria().get(2));
    }

    @Test
    void twoPointsApartIsADisagreementAndOnePointIsNot() {
        var agreement = ObserverAgreement.of(ratings("a", Map.of("x", 1, "y", 3), "b", Map.of("x", 2, "y", 3)));
        assertTrue(agreement.criteria().get(0).apart());
        assertFalse(agreement.criteria().get(1).apart());
        assertEquals(0.0, agreement.exact());
        assertEquals(0.5, agreement.adjacent());
    }

    @Test
    void oneObserverHasNoPairsToCompare() {
        var agreement = ObserverAgreement.of(ratings("a", Map.of("x", 1), "b", Map.of()));
        assertEquals(0, agreement.pairs());
        assertNull(agreement.exact());
        assertNull(agreement.adjacent());
        assertEquals(1, agreement.criteria().size(), "a criterion nobody rated is left out");
    }
}
