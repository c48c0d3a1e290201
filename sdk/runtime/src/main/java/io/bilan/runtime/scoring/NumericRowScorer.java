package io.bilan.runtime.scoring;

import io.bilan.api.instrument.MissingDataRule;
import java.util.List;

/**
 * The declared scales of a plan scored from answers given as numbers, into arrays reused from one row to the next,
 * without a report: for the rows of a large batch whose instrument has nothing a report would add (no script or
 * Java scorer, no norm, no band). What it gives for a row is what {@link ScoringPlan#score} puts in the report's
 * scales and flags, by the same arithmetic: a test compares both on generated rows. Not thread-safe: one per batch.
 *
 * <p>Made by {@link ScoringPlan#numericRows}, which says when an instrument qualifies.
 */
public final class NumericRowScorer {

    private final CompiledScale[] scales;
    private final CompiledScale.Tally[] tallies;
    /** Per scale, each item's keyed value of the last row, as {@link ScoringPlan#keyedItemValues} gives them. */
    private final double[][] keyed;
    private final boolean keepKeyed;
    private final int answerCount;
    private boolean flagged;

    NumericRowScorer(List<CompiledScale> scales, int answerCount, boolean keepKeyed) {
        this.scales = scales.toArray(CompiledScale[]::new);
        this.answerCount = answerCount;
        this.keepKeyed = keepKeyed;
        this.tallies = new CompiledScale.Tally[this.scales.length];
        this.keyed = new double[this.scales.length][];
        for (int s = 0; s < this.scales.length; s++) {
            tallies[s] = new CompiledScale.Tally();
            keyed[s] = keepKeyed ? new double[this.scales[s].itemCount()] : null;
        }
    }

    /** How long the array of answers {@link #score} takes is: {@link ScoringPlan#answerCount()}. */
    public int answerCount() {
        return answerCount;
    }

    /**
     * Scores one row's answers, by {@link ScoringPlan#answerIndex}, {@code NaN} when unanswered; they must be answers
     * the response validator accepts. Returns {@code false} when a scale whose rule is {@code fail} lacks answers: the
     * row is then refused, and the caller scores it the general way for the refusal's words.
     */
    public boolean score(double[] answers) {
        flagged = false;
        for (int s = 0; s < scales.length; s++) {
            CompiledScale scale = scales[s];
            scale.tally(answers, tallies[s], keyed[s]);
            if (!scale.sufficient(tallies[s])) {
                MissingDataRule.Insufficient rule = scale.scale().missing().onInsufficient();
                if (rule == MissingDataRule.Insufficient.FAIL) {
                    return false;
                }
                flagged |= rule != MissingDataRule.Insufficient.SKIP;
            }
        }
        return true;
    }

    /** How many declared scales there are, in the manifest's order. */
    public int scaleCount() {
        return scales.length;
    }

    /** Whether scale {@code s} has a score for the last row (status {@code scored}). */
    public boolean scored(int s) {
        return scales[s].sufficient(tallies[s]);
    }

    /** The raw score of scale {@code s} for the last row; only when {@link #scored}. */
    public double raw(int s) {
        return scales[s].raw(tallies[s]);
    }

    /** The mean of scale {@code s} for the last row; only when {@link #scored}. */
    public double mean(int s) {
        return scales[s].mean(tallies[s]);
    }

    /** The scale's score as the statistics take it: its mean for a mean scale, else its raw score. */
    public double scaleScore(int s) {
        return scales[s].isMean() ? mean(s) : raw(s);
    }

    /** How many of scale {@code s}'s items the last row answered. */
    public int answered(int s) {
        return tallies[s].answered();
    }

    /**
     * Whether the last row's report has the {@code insufficient-data} flag, the only flag such a row can have (a
     * scale lacking answers whose rule is not {@code skip}).
     */
    public boolean insufficientData() {
        return flagged;
    }

    /**
     * Scale {@code s}'s items' keyed values for the last row ({@code NaN} when unanswered), in the scale's order;
     * the array is reused by the next row. Only for a scorer made to keep them.
     */
    public double[] keyedValues(int s) {
        if (!keepKeyed) {
            throw new IllegalStateException("this scorer does not keep the keyed values");
        }
        return keyed[s];
    }
}
