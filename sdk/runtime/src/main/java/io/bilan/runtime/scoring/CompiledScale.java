package io.bilan.runtime.scoring;

import io.bilan.api.instrument.MissingDataRule;
import io.bilan.api.instrument.Scale;
import io.bilan.api.report.ScaleScore;
import io.bilan.api.report.ScaleStatus;
import java.util.List;

/**
 * A declarative scale ready to score: each item's value extractor, key and weight resolved once at load.
 *
 * <p>Rules, in order: an item's value is reversed to {@code min + max - value} (declared bounds) when its
 * key is -1, then multiplied by its weight. {@code mean} is the weighted mean over answered items;
 * {@code raw} is the weighted sum. When items are missing and the rule prorates, the sum is carried to the
 * full scale by its position within the answered items' possible range:
 * {@code min + (sum - answeredMin) / (answeredMax - answeredMin) × (max - min)}. For items that share a range
 * this is exactly the classic {@code sum × total weight / answered weight}; for items of different ranges
 * (Likert next to forced-choice options) it never leaves the scale's possible range, which the classic rule
 * can. With fewer answered items than {@code minAnswered} the scale has no score.
 */
final class CompiledScale {

    /** An item of the scale; {@code answer} is where its answer is in the array the plan hands over. */
    record Entry(int answer, ItemValue value, boolean reversed, double weight) {
    }

    private final Scale scale;
    private final Entry[] entries;
    private final int minAnswered;
    private final double totalWeight;
    /** The lowest and highest possible weighted sums. */
    private final double sumMin;
    private final double sumMax;
    private final double min;
    private final double max;
    /** Per entry, in the entries' order, what a tally reads of it: kept in arrays for the batch's tight loop. */
    private final int[] answerAt;
    private final double[] weight;
    private final double[] low;
    private final double[] high;
    private final boolean[] reversed;

    CompiledScale(Scale scale, List<Entry> entries) {
        this.scale = scale;
        this.entries = entries.toArray(Entry[]::new);
        int n = this.entries.length;
        this.answerAt = new int[n];
        this.weight = new double[n];
        this.low = new double[n];
        this.high = new double[n];
        this.reversed = new boolean[n];
        for (int i = 0; i < n; i++) {
            Entry entry = this.entries[i];
            answerAt[i] = entry.answer();
            weight[i] = entry.weight();
            low[i] = entry.value().range().min();
            high[i] = entry.value().range().max();
            reversed[i] = entry.reversed();
        }
        MissingDataRule rule = scale.missing();
        this.minAnswered = rule.minAnswered() == null ? this.entries.length : rule.minAnswered();
        double weights = 0;
        double low = 0;
        double high = 0;
        for (Entry entry : this.entries) {
            weights += entry.weight();
            low += entry.weight() * entry.value().range().min();
            high += entry.weight() * entry.value().range().max();
        }
        this.totalWeight = weights;
        this.sumMin = low;
        this.sumMax = high;
        boolean mean = isMean();
        this.min = mean ? low / weights : low;
        this.max = mean ? high / weights : high;
    }

    Scale scale() {
        return scale;
    }

    String id() {
        return scale.id();
    }

    boolean isMean() {
        return scale.aggregation() == Scale.Aggregation.MEAN;
    }

    int minAnswered() {
        return minAnswered;
    }

    /** The lowest possible score on the scale's metric. */
    double min() {
        return min;
    }

    /** The highest possible score on the scale's metric. */
    double max() {
        return max;
    }

    /**
     * Each item's value as the scale adds it up (reversed when keyed -1, times its weight), in the order the
     * scale lists its items; {@code NaN} for an unanswered item.
     */
    double[] keyedValues(Object[] answers) {
        double[] values = new double[entries.length];
        for (int i = 0; i < entries.length; i++) {
            Double value = entries[i].value().of(answers[answerAt[i]]);
            values[i] = value == null ? Double.NaN : keyedValue(i, value);
        }
        return values;
    }

    /** Scores the scale from the answers of the plan's scored items, by index; the result has no norm or band yet. */
    ScaleScore score(Object[] answers) {
        Tally tally = new Tally();
        for (int i = 0; i < entries.length; i++) {
            Double value = entries[i].value().of(answers[answerAt[i]]);
            if (value != null) {
                add(tally, i, value);
            }
        }
        if (!sufficient(tally)) {
            return new ScaleScore(null, null, tally.answered, entries.length, min, max, false,
                    ScaleStatus.INSUFFICIENT_DATA, null, null);
        }
        return new ScaleScore(raw(tally), mean(tally), tally.answered, entries.length, min, max, prorates(tally),
                ScaleStatus.SCORED, null, null);
    }

    /**
     * Whether every item of the scale is a rating whose value is its answer as a number (a Likert or numeric item),
     * so that {@link #tally(double[], Tally, double[])} scores it from numbers.
     */
    boolean readsNumbers() {
        for (Entry entry : entries) {
            if (!(entry.value() instanceof ItemValue.Rating)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #score(Object[])}'s sums, from answers given as numbers by index ({@code NaN} when unanswered), for a
     * scale that {@link #readsNumbers()}; each item's keyed value goes into {@code keyed} as well, when given, as
     * {@link #keyedValues} has it. The same arithmetic in the same order as {@link #score(Object[])}, so the same
     * doubles.
     */
    void tally(double[] answers, Tally tally, double[] keyed) {
        tally.clear();
        for (int i = 0; i < answerAt.length; i++) {
            double value = answers[answerAt[i]];
            if (Double.isNaN(value)) {
                if (keyed != null) {
                    keyed[i] = Double.NaN;
                }
                continue;
            }
            double product = add(tally, i, value);
            if (keyed != null) {
                keyed[i] = product;
            }
        }
    }

    /** Whether the scale has a score with these answers: enough of its items answered. */
    boolean sufficient(Tally tally) {
        return tally.answered >= minAnswered && tally.answered > 0;
    }

    /** Whether the raw score of a {@link #sufficient} tally is prorated for its unanswered items. */
    boolean prorates(Tally tally) {
        return tally.answered < entries.length && scale.missing().prorate();
    }

    /** The raw score of a {@link #sufficient} tally. */
    double raw(Tally tally) {
        return prorates(tally) ? prorated(tally.weightedSum, tally.answeredMin, tally.answeredMax,
                tally.answeredWeight) : tally.weightedSum;
    }

    /** The mean of a {@link #sufficient} tally. */
    double mean(Tally tally) {
        return tally.weightedSum / tally.answeredWeight;
    }

    int itemCount() {
        return entries.length;
    }

    /** The running sums of a scale's answered items. */
    static final class Tally {
        private double weightedSum;
        private double answeredWeight;
        private double answeredMin;
        private double answeredMax;
        private int answered;

        int answered() {
            return answered;
        }

        void clear() {
            weightedSum = 0;
            answeredWeight = 0;
            answeredMin = 0;
            answeredMax = 0;
            answered = 0;
        }

    }

    /** Adds entry {@code i}'s answer to a tally; returns its {@link #keyedValue}. */
    private double add(Tally tally, int i, double value) {
        double product = keyedValue(i, value);
        double w = weight[i];
        tally.weightedSum += product;
        tally.answeredWeight += w;
        tally.answeredMin += w * low[i];
        tally.answeredMax += w * high[i];
        tally.answered++;
        return product;
    }

    /**
     * Entry {@code i}'s answer as the scale adds it up: reversed to {@code min + max - value} when keyed -1, times its
     * weight.
     */
    private double keyedValue(int i, double value) {
        return weight[i] * (reversed[i] ? low[i] + high[i] - value : value);
    }

    private double prorated(double sum, double answeredMin, double answeredMax, double answeredWeight) {
        if (answeredMax <= answeredMin) {
            return sum * totalWeight / answeredWeight;
        }
        return sumMin + (sum - answeredMin) / (answeredMax - answeredMin) * (sumMax - sumMin);
    }
}
