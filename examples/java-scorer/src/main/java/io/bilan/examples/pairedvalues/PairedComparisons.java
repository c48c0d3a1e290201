package io.bilan.examples.pairedvalues;

import java.util.Arrays;

/**
 * How consistent a complete set of paired comparisons is, after Kendall and Babington Smith (1940).
 *
 * <p>Among {@code n} objects compared in every pair, a circular triad is three objects chosen in a
 * circle (A over B, B over C, C over A). With {@code a_i} the number of times object {@code i} was
 * chosen, their number is {@code d = n(n−1)(2n−1)/12 − ½ Σ a_i²}; it is at most {@code (n³ − n)/24}
 * for odd {@code n} and {@code (n³ − 4n)/24} for even {@code n}, and someone choosing at random makes
 * {@code n(n−1)(n−2)/24} on average. The coefficient of consistence is {@code ζ = 1 − d / d_max}: 1 when
 * the choices follow one order, 0 at the most circular.
 */
public final class PairedComparisons {

    private PairedComparisons() {
    }

    /** The number of circular triads of a complete comparison, from each object's number of wins. */
    public static int circularTriads(int[] wins) {
        int n = wins.length;
        int sumOfSquares = 0;
        int comparisons = 0;
        for (int win : wins) {
            if (win < 0 || win > n - 1) {
                throw new IllegalArgumentException("an object among " + n + " wins 0 to " + (n - 1) + " times, not " + win);
            }
            sumOfSquares += win * win;
            comparisons += win;
        }
        if (comparisons != n * (n - 1) / 2) {
            throw new IllegalArgumentException("a complete comparison of " + n + " objects has " + n * (n - 1) / 2
                    + " choices, not " + comparisons);
        }
        // Landau (1953): wins come from a complete comparison only if any k objects won at least the k(k−1)/2
        // comparisons among themselves. Without this, (5, 5, 3, 1, 1, 0) would give d = −3.
        int[] ascending = wins.clone();
        Arrays.sort(ascending);
        int fewestWins = 0;
        for (int k = 1; k <= n; k++) {
            fewestWins += ascending[k - 1];
            if (fewestWins < k * (k - 1) / 2) {
                throw new IllegalArgumentException("no complete comparison gives these wins: the " + k
                        + " objects chosen least won " + fewestWins + " times, fewer than the " + k * (k - 1) / 2
                        + " comparisons among them");
            }
        }
        // 12·d = n(n−1)(2n−1) − 6·Σa²: an integer identity, so d is computed without rounding.
        return (n * (n - 1) * (2 * n - 1) - 6 * sumOfSquares) / 12;
    }

    /** The largest number of circular triads among {@code n} objects. */
    public static int maxCircularTriads(int n) {
        return n % 2 == 1 ? (n * n * n - n) / 24 : (n * n * n - 4 * n) / 24;
    }

    /** The mean number of circular triads when every choice is made at random. */
    public static double randomCircularTriads(int n) {
        return n * (n - 1) * (n - 2) / 24.0;
    }

    /** Kendall and Babington Smith's coefficient of consistence ζ, from each object's number of wins. */
    public static double coefficientOfConsistence(int[] wins) {
        int most = maxCircularTriads(wins.length);
        return most == 0 ? 1 : 1 - (double) circularTriads(wins) / most;
    }
}
