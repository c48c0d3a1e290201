package io.bilan.runtime.scoring;

import io.bilan.api.instrument.Bands;
import io.bilan.api.report.NormScores;
import java.util.List;

/** Finds the band a score falls in: the last band whose {@code from} is at or below it, else the first. */
final class BandLookup {

    /**
     * Scores are sums of doubles: 12 can arrive as 11.999999999999998. Band edges and norm rows are compared
     * with this much slack so such a score lands where a person computing by hand would put it.
     */
    static final double EPSILON = 1e-9;

    private final Bands bands;
    private final java.util.Map<String, Bands.Band> byId = new java.util.HashMap<>();

    BandLookup(Bands bands) {
        this.bands = bands;
        bands.levels().forEach(band -> byId.put(band.id(), band));
    }

    /** The band with this id. */
    Bands.Band band(String id) {
        return byId.get(id);
    }

    Bands.Metric metric() {
        return bands.on();
    }

    /** The band of a scale result, reading the metric the bands are defined on. */
    Bands.Band find(Double raw, Double mean, NormScores norm) {
        Double value = switch (bands.on()) {
            case RAW -> raw;
            case MEAN -> mean;
            case PERCENTILE -> norm == null ? null : norm.percentile();
            case T -> norm == null ? null : norm.t();
            case STANINE -> norm == null ? null : (double) norm.stanine();
            case STEN -> norm == null ? null : (double) norm.sten();
        };
        if (value == null) {
            return null;
        }
        List<Bands.Band> levels = bands.levels();
        Bands.Band found = levels.getFirst();
        for (Bands.Band band : levels) {
            if (band.from() <= value + EPSILON) {
                found = band;
            }
        }
        return found;
    }
}
