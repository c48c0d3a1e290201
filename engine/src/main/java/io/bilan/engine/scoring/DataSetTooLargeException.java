package io.bilan.engine.scoring;

/** A data set with more rows than the statistics may hold in memory. */
public class DataSetTooLargeException extends RuntimeException {

    public DataSetTooLargeException(long maxRows) {
        super("the statistics of a data set take at most " + maxRows + " rows (bilan.limits.max-statistics-rows); "
                + "split it, or use bilan score --statistics, which has no such bound");
    }
}
