package io.bilan.api.report;

/**
 * A score converted with a norm table.
 *
 * @param norm       the id of the norm table used
 * @param percentile the share of the norm group scoring lower, 0 to 100
 * @param t          T-score (mean 50, standard deviation 10)
 * @param stanine    1 to 9
 * @param sten       1 to 10
 */
public record NormScores(String norm, double percentile, double t, int stanine, int sten) {
}
