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

    CompiledScale(Scale scale, List<Entry> entries) {
        this.scale = scale;
        this.entries = entries.toArray(Entry[]::new);
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
            Entry entry = entries[i];
            Double value = entry.value().of(answers[entry.answer()]);
            values[i] = value == null ? Double.NaN
                    : entry.weight() * (entry.reversed() ? entry.value().range().reverse(value) : value);
        }
        return values;
    }

    /** Scores the scale from the answers of the plan's scored items, by index; the result has no norm or band yet. */
    ScaleScore score(Object[] answers) {
        double weightedSum = 0;
        double answeredWeight = 0;
        double answeredMin = 0;
        double answeredMax = 0;
        int answered = 0;
        for (Entry entry : entries) {
            Double value = entry.value().of(answers[entry.answer()]);
            if (value == null) {
                continue;
            }
            ValueRange range = entry.value().range();
            double v = entry.reversed() ? range.reverse(value) : value;
            weightedSum += entry.weight() * v;
            answeredWeight += entry.weight();
            answeredMin += entry.weight() * range.min();
            answeredMax += entry.weight() * range.max();
            answered++;
        }
        if (answered < minAnswered || answered == 0) {
            return new ScaleScore(null, null, answered, entries.length, min, max, false,
                    ScaleStatus.INSUFFICIENT_DATA, null, null);
        }
        boolean prorate = answered < entries.length && scale.missing().prorate();
        double raw = prorate ? prorated(weightedSum, answeredMin, answeredMax, answeredWeight) : weightedSum;
        double mean = weightedSum / answeredWeight;
        return new ScaleScore(raw, mean, answered, entries.length, min, max, prorate, ScaleStatus.SCORED, null, null);
    }

    private double prorated(double sum, double answeredMin, double answeredMax, double answeredWeight) {
        if (answeredMax <= answeredMin) {
            return sum * totalWeight / answeredWeight;
        }
        return sumMin + (sum - answeredMin) / (answeredMax - answeredMin) * (sumMax - sumMin);
    }
}
