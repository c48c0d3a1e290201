package io.bilan.examples.pairedvalues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Circular triads and the coefficient of consistence, against counts made by hand. */
class PairedComparisonsTest {

    @Test
    void choicesThatFollowOneOrderHaveNoCircularTriad() {
        assertEquals(0, PairedComparisons.circularTriads(new int[] {5, 4, 3, 2, 1, 0}));
        assertEquals(1.0, PairedComparisons.coefficientOfConsistence(new int[] {0, 1, 2, 3, 4, 5}));
    }

    @Test
    void threeObjectsChosenInACircleAreOneCircularTriad() {
        // A over B, B over C, C over A: each wins once; d = 3x2x5/12 - 3/2 = 1, the most there can be.
        assertEquals(1, PairedComparisons.circularTriads(new int[] {1, 1, 1}));
        assertEquals(1, PairedComparisons.maxCircularTriads(3));
        assertEquals(0.0, PairedComparisons.coefficientOfConsistence(new int[] {1, 1, 1}));
    }

    @Test
    void theMostCircularOfSixObjectsIsEight() {
        // n even: (216 - 24)/24 = 8, reached when three objects win 3 times and three win twice.
        assertEquals(8, PairedComparisons.maxCircularTriads(6));
        assertEquals(8, PairedComparisons.circularTriads(new int[] {3, 3, 3, 2, 2, 2}));
        assertEquals(0.0, PairedComparisons.coefficientOfConsistence(new int[] {2, 3, 2, 3, 2, 3}));
    }

    @Test
    void fiveObjectsEachWinningTwiceAreAsCircularAsPossible() {
        // n odd: (125 - 5)/24 = 5; d = 5x4x9/12 - 20/2 = 15 - 10 = 5.
        assertEquals(5, PairedComparisons.maxCircularTriads(5));
        assertEquals(5, PairedComparisons.circularTriads(new int[] {2, 2, 2, 2, 2}));
    }

    @Test
    void oneTripleOutOfOrder() {
        // Wins 4, 4, 3, 2, 1, 1: sum of squares 47, d = 27.5 - 23.5 = 4, zeta = 1 - 4/8.
        assertEquals(4, PairedComparisons.circularTriads(new int[] {4, 4, 3, 2, 1, 1}));
        assertEquals(0.5, PairedComparisons.coefficientOfConsistence(new int[] {4, 4, 3, 2, 1, 1}));
    }

    @Test
    void choosingAtRandomGivesFiveCircularTriadsAmongSixOnAverage() {
        assertEquals(5.0, PairedComparisons.randomCircularTriads(6));
        // Of the 8 ways to choose among three objects, 2 are circular: 3x2x1/24 = 0.25.
        assertEquals(0.25, PairedComparisons.randomCircularTriads(3));
    }

    @Test
    void winsThatCannotComeFromACompleteComparisonAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PairedComparisons.circularTriads(new int[] {5, 4, 3, 2, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> PairedComparisons.circularTriads(new int[] {6, 4, 3, 2, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> PairedComparisons.circularTriads(new int[] {-1, 5, 4, 3, 2, 2}));
        // Fifteen choices each, as many as wins, but the three chosen least won 2 of the 3 comparisons among them
        // (the formula would give d = -3), and of two objects never chosen, one was chosen over the other.
        assertThrows(IllegalArgumentException.class, () -> PairedComparisons.circularTriads(new int[] {5, 5, 3, 1, 1, 0}));
        assertThrows(IllegalArgumentException.class, () -> PairedComparisons.circularTriads(new int[] {4, 4, 4, 3, 0, 0}));
    }
}
