package io.bilan.runtime.scoring;

import io.bilan.api.instrument.NormTable;
import io.bilan.api.report.NormScores;
import java.util.List;

/**
 * One scale's rows of a norm table, searched by binary search. A score takes the last row at or below it;
 * a score below the first row takes the first row and is reported as out of range.
 */
final class NormLookup {

    private final String norm;
    private final NormTable.Basis basis;
    private final double[] scores;
    private final List<NormTable.Row> rows;

    NormLookup(String norm, NormTable.ScaleNorms table) {
        this.norm = norm;
        this.basis = table.basis();
        this.rows = table.rows();
        this.scores = rows.stream().mapToDouble(NormTable.Row::score).toArray();
    }

    NormTable.Basis basis() {
        return basis;
    }

    /** Whether {@code score} is below the table's first row. */
    boolean belowTable(double score) {
        return score + BandLookup.EPSILON < scores[0];
    }

    NormScores convert(double score) {
        int index = java.util.Arrays.binarySearch(scores, score + BandLookup.EPSILON);
        // Not found: binarySearch returns -(insertion point) - 1; the row below is insertion point - 1.
        int row = index >= 0 ? index : Math.max(0, -index - 2);
        NormTable.Row r = rows.get(row);
        return new NormScores(norm, r.percentile(), r.t(), r.stanine(), r.sten());
    }
}
