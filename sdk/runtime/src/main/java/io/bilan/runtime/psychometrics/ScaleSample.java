package io.bilan.runtime.psychometrics;

import io.bilan.runtime.psychometrics.ScaleStatistics.Alpha;
import io.bilan.runtime.psychometrics.ScaleStatistics.ItemStatistics;
import io.bilan.runtime.psychometrics.ScaleStatistics.Warning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answers of a data set to one scale, collected respondent by respondent, and their {@link
 * ScaleStatistics}. The numbers are those of R's {@code psych::alpha(x)} (psych 2.x, default arguments:
 * {@code use = "pairwise"}, {@code delete = TRUE}, {@code cumulative = FALSE}) where {@code x} holds the
 * keyed item values: each value as the scale adds it up, already reversed ({@code min + max - v}, from the
 * declared bounds) and weighted, so no {@code keys} are passed to psych.
 *
 * <p>With k kept items:
 * <ul>
 * <li><b>Items left out.</b> An item whose standard deviation is 0 or undefined (fewer than two answers) is
 *     left out of everything below, as psych deletes it with the warning "had no variance"; it keeps its n,
 *     mean and SD and gets the warning {@code no-variance}.</li>
 * <li><b>C</b> = {@code cov(x, use = "pairwise")}: each covariance over the respondents who answered both
 *     items, with the means of those respondents and divisor {@code n_ij - 1}; a variance over the
 *     respondents who answered the item. An entry with fewer than two such respondents is undefined, and so
 *     is everything computed from it.</li>
 * <li><b>R</b> = {@code cov2cor(C)}: {@code C_ij / sqrt(C_ii C_jj)}. psych standardises C this way, so R
 *     is not {@code cor(x, use = "pairwise")} when answers are missing (the variances are those of all
 *     respondents to each item, not of the pair's).</li>
 * <li><b>raw alpha</b> {@code = k/(k-1) (1 - tr(C)/sum(C))}; <b>standardized alpha</b>
 *     {@code = k/(k-1) (1 - k/sum(R))}; <b>average r</b> {@code = (sum(R) - k) / (k(k-1))}.</li>
 * <li><b>alpha if dropped</b>: the three above on C and R without the item. psych reports the correlation
 *     of the two items when k = 2; one item has no alpha, so this is {@code null} then.</li>
 * <li><b>item-total r</b> (psych {@code raw.r}) {@code = cor(total, x_i, use = "pairwise")} where
 *     {@code total = rowMeans(x, na.rm = TRUE)}: each respondent's mean over the kept items they answered
 *     (the mean, not the sum, which differ with missing answers), correlated with the item over the
 *     respondents who answered it.</li>
 * <li><b>standardized item-total r</b> (psych {@code std.r}) {@code = colSums(R)_i / sqrt(sum(R))}.</li>
 * <li><b>item-rest r</b> (psych {@code r.drop}) {@code = (colSums(C)_i - C_ii) / sqrt(C_ii sum(C[-i,-i]))}:
 *     from C, not from rows, as psych computes it. A negative value raises the warning
 *     {@code negative-item-rest-correlation}: the item goes against the rest of its scale, the classic sign
 *     of a reverse key forgotten (psych warns from the loadings of a principal component instead).</li>
 * <li>The scale's <b>n</b> counts respondents with at least one answered item; <b>mean</b> and <b>SD</b>
 *     ({@code n - 1}) are those of the score Bilan gives, over respondents with a score. psych's own mean
 *     and sd (of {@code total}) are not reported.</li>
 * </ul>
 *
 * <p>Every respondent's values are held until {@link #statistics()}: 8 bytes per item and respondent (up to twice
 * that while an array grows), one array per item. The sums run over those arrays with plain counted loops, in
 * respondent order: the command line runs a data set's statistics once, mostly before the JIT compiles them, and a
 * loop over a list of rows spent most of its time in the list's iterator and in boxing (docs/performance.md,
 * "Statistics over columns"). Not thread-safe.
 */
public final class ScaleSample {

    private static final String NO_VARIANCE = "no-variance";
    private static final String NEGATIVE = "negative-item-rest-correlation";

    private final String scale;
    private final List<String> items;
    private final List<Boolean> reversed;
    /** One array per item, its first {@link #size} entries the respondents' keyed values, {@code NaN} unanswered. */
    private final double[][] columns;
    /** The respondents added, and the room in each of {@link #columns}. */
    private int size;
    private int capacity = 16;
    /** The respondents with at least one answered item. */
    private long answering;
    /** The finite scores, its first {@link #scored} entries. */
    private double[] scores = new double[16];
    private int scored;

    /**
     * @param items    the items' names, in the order of the values given to {@link #add}
     * @param reversed for each item, whether the scale keys it -1 (only reported; values come keyed)
     */
    public ScaleSample(String scale, List<String> items, List<Boolean> reversed) {
        if (items.size() != reversed.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + reversed.size() + " keys");
        }
        this.scale = Objects.requireNonNull(scale, "scale");
        this.items = List.copyOf(items);
        this.reversed = List.copyOf(reversed);
        this.columns = new double[items.size()][capacity];
    }

    /**
     * Adds one respondent.
     *
     * @param keyedValues one value per item, keyed and weighted as the scale adds it up, {@code NaN} when
     *                    unanswered; copied
     * @param score       the respondent's scale score, or {@code null} when there is none
     */
    public void add(double[] keyedValues, Double score) {
        if (keyedValues.length != items.size()) {
            throw new IllegalArgumentException(keyedValues.length + " values for " + items.size() + " items");
        }
        if (size == capacity) {
            capacity *= 2;
            for (int i = 0; i < columns.length; i++) {
                columns[i] = Arrays.copyOf(columns[i], capacity);
            }
        }
        boolean answered = false;
        for (int i = 0; i < columns.length; i++) {
            columns[i][size] = keyedValues[i];
            answered |= !Double.isNaN(keyedValues[i]);
        }
        size++;
        if (answered) {
            answering++;
        }
        if (score != null && Double.isFinite(score)) {
            if (scored == scores.length) {
                scores = Arrays.copyOf(scores, 2 * scored);
            }
            scores[scored++] = score;
        }
    }

    /** The statistics of the respondents added so far. */
    public ScaleStatistics statistics() {
        int all = items.size();
        double[] score = Arrays.copyOf(scores, scored);

        long[] count = new long[all];
        double[] mean = new double[all];
        double[] sd = new double[all];
        List<Integer> kept = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < all; i++) {
            double[] column = column(i);
            count[i] = column.length;
            mean[i] = column.length == 0 ? Double.NaN : mean(column);
            sd[i] = standardDeviation(column);
            if (sd[i] > 0) {
                kept.add(i);
            } else {
                warnings.add(new Warning(NO_VARIANCE, items.get(i), "item " + items.get(i)
                        + (count[i] < 2 ? " has fewer than two answers" : " has the same value in every answer")
                        + "; it is left out of alpha and of the item-total correlations"));
            }
        }

        int k = kept.size();
        int[] index = new int[k];
        for (int a = 0; a < k; a++) {
            index[a] = kept.get(a);
        }
        double[][] c = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                c[a][b] = covariance(index[a], index[b]);
                c[b][a] = c[a][b];
            }
        }
        double[][] r = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                r[a][b] = c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
            }
        }
        Alpha alpha = k < 2 ? new Alpha(null, null, null) : alpha(c, r, -1);
        double sumC = sum(c, -1);
        double sumR = sum(r, -1);
        double[] totals = totals(index);

        ItemStatistics[] itemStatistics = new ItemStatistics[all];
        for (int i = 0; i < all; i++) {
            itemStatistics[i] = new ItemStatistics(items.get(i), reversed.get(i), count[i], finite(mean[i]),
                    finite(sd[i]), null, null, null, null, NO_VARIANCE);
        }
        for (int a = 0; a < k; a++) {
            int i = index[a];
            double columnC = 0;
            double columnR = 0;
            for (int b = 0; b < k; b++) {
                columnC += c[b][a];
                columnR += r[b][a];
            }
            double rest = k < 2 ? Double.NaN : (columnC - c[a][a]) / Math.sqrt(c[a][a] * sum(c, a));
            Alpha dropped = k > 2 ? alpha(c, r, a) : null;
            itemStatistics[i] = new ItemStatistics(items.get(i), reversed.get(i), count[i], finite(mean[i]),
                    finite(sd[i]), finite(correlationWithTotal(i, totals)), finite(columnR / Math.sqrt(sumR)),
                    finite(rest), dropped, null);
            if (rest < 0) {
                warnings.add(new Warning(NEGATIVE, items.get(i), "item " + items.get(i)
                        + " correlates negatively with the rest of scale " + scale + " (r = "
                        + String.format(java.util.Locale.ROOT, "%.3f", rest) + "): is a reverse key missing?"));
            }
        }
        return new ScaleStatistics(scale, all, answering, score.length,
                score.length == 0 ? null : mean(score), finite(standardDeviation(score)),
                k < 2 ? null : alpha, List.of(itemStatistics), warnings);
    }

    /** psych's {@code alpha.1} on C and R without row and column {@code drop} (-1: none). */
    private static Alpha alpha(double[][] c, double[][] r, int drop) {
        int k = drop < 0 ? c.length : c.length - 1;
        double trace = 0;
        for (int a = 0; a < c.length; a++) {
            if (a != drop) {
                trace += c[a][a];
            }
        }
        double sumR = sum(r, drop);
        double factor = k / (k - 1.0);
        return new Alpha(finite((1 - trace / sum(c, drop)) * factor), finite((1 - k / sumR) * factor),
                finite((sumR - k) / (k * (k - 1.0))));
    }

    /** The sum of every entry not in row or column {@code drop} (-1: none). */
    private static double sum(double[][] m, int drop) {
        double total = 0;
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                if (a != drop && b != drop) {
                    total += m[a][b];
                }
            }
        }
        return total;
    }

    /** How many rows have both values, and the means of each over those rows. */
    private record PairMeans(long n, double x, double y) {
    }

    /**
     * The rows where both {@code x} and {@code y} are answered, and their means there. A value is answered when it
     * equals itself ({@code NaN} never does): the same test as {@link Double#isNaN}, without a call per value while
     * the loop still runs in the interpreter.
     */
    private PairMeans pairMeans(double[] x, double[] y) {
        long n = 0;
        double sumX = 0;
        double sumY = 0;
        for (int row = 0; row < size; row++) {
            double xv = x[row];
            double yv = y[row];
            if (xv == xv && yv == yv) {
                n++;
                sumX += xv;
                sumY += yv;
            }
        }
        return new PairMeans(n, sumX / n, sumY / n);
    }

    /** The covariance of two items over respondents who answered both, with those respondents' means. */
    private double covariance(int i, int j) {
        double[] x = columns[i];
        double[] y = columns[j];
        PairMeans means = pairMeans(x, y);
        if (means.n() < 2) {
            return Double.NaN;
        }
        double meanX = means.x();
        double meanY = means.y();
        double products = 0;
        for (int row = 0; row < size; row++) {
            double xv = x[row];
            double yv = y[row];
            if (xv == xv && yv == yv) {
                products += (xv - meanX) * (yv - meanY);
            }
        }
        return products / (means.n() - 1);
    }

    /** Pearson's r of item {@code i} and {@code totals} over the rows where both are present. */
    private double correlationWithTotal(int i, double[] totals) {
        double[] x = columns[i];
        PairMeans means = pairMeans(x, totals);
        if (means.n() < 2) {
            return Double.NaN;
        }
        double meanX = means.x();
        double meanY = means.y();
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int row = 0; row < size; row++) {
            double xv = x[row];
            double total = totals[row];
            if (xv == xv && total == total) {
                xy += (xv - meanX) * (total - meanY);
                xx += (xv - meanX) * (xv - meanX);
                yy += (total - meanY) * (total - meanY);
            }
        }
        return xy / Math.sqrt(xx * yy);
    }

    /** Item {@code i}'s answered values, in respondent order. */
    private double[] column(int i) {
        double[] x = columns[i];
        double[] answered = new double[size];
        int n = 0;
        for (int row = 0; row < size; row++) {
            if (!Double.isNaN(x[row])) {
                answered[n++] = x[row];
            }
        }
        return Arrays.copyOf(answered, n);
    }

    /** Each respondent's mean over the items of {@code index} they answered, {@code NaN} when none. */
    private double[] totals(int[] index) {
        double[] totals = new double[size];
        for (int row = 0; row < size; row++) {
            double sum = 0;
            int n = 0;
            for (int i : index) {
                double v = columns[i][row];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            totals[row] = n == 0 ? Double.NaN : sum / n;
        }
        return totals;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** With divisor n - 1; {@code NaN} for fewer than two values. */
    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
