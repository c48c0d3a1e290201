package io.bilan.runtime.psychometrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.Scale;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.ScoredRowObserver;
import io.bilan.runtime.scoring.NumericRowScorer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of every declared scale of an instrument over a scored data set: hand it each scored row
 * (it is a {@link ScoredRowObserver}, so a {@link io.bilan.runtime.batch.BatchScorer} can feed it), then
 * read {@link #scales()}. Rows that were refused are not part of the data set. Scales added by a script or
 * Java scorer have no items to analyse and are not included.
 *
 * <pre>{@code
 * DataSetStatistics statistics = new DataSetStatistics(instrument);
 * new BatchScorer(instrument, options, json, statistics).scoreCsv(in, out);
 * List<ScaleStatistics> scales = statistics.scales();
 * }</pre>
 *
 * <p>An item of a scale is named by its id, or {@code item.option} for one option of a ranking,
 * forced-choice or multiple-choice item. See {@link ScaleSample} for the formulas. Holds 8 bytes per scale
 * item and row; not thread-safe.
 */
public final class DataSetStatistics implements ScoredRowObserver {

    private final Instrument instrument;
    private final Map<String, ScaleSample> samples = new LinkedHashMap<>();
    private final Map<String, Boolean> meanScales = new LinkedHashMap<>();

    public DataSetStatistics(Instrument instrument) {
        this.instrument = instrument;
        for (Scale scale : instrument.manifest().scales()) {
            List<String> names = scale.items().stream()
                    .map(ref -> ref.option() == null ? ref.item() : ref.item() + "." + ref.option()).toList();
            List<Boolean> reversed = scale.items().stream().map(ref -> ref.key() == -1).toList();
            samples.put(scale.id(), new ScaleSample(scale.id(), names, reversed));
            meanScales.put(scale.id(), scale.aggregation() == Scale.Aggregation.MEAN);
        }
    }

    /** Adds one scored row: {@code responseSet} must be the valid response set {@code report} was scored from. */
    @Override
    public void scored(JsonNode responseSet, ScoreReport report) {
        add(instrument.keyedItemValues(responseSet), report);
    }

    /** Adds one scored row read straight into answers, without building its response set. */
    @Override
    public void scored(Map<String, Object> answers, String respondent, ScoreReport report) {
        add(instrument.keyedItemValues(answers), report);
    }

    @Override
    public boolean takesNumericRows() {
        return true;
    }

    /** Adds one plain row scored without a report: its keyed item values and scores, scale by scale. */
    @Override
    public void scored(NumericRowScorer scores) {
        int s = 0;
        for (ScaleSample sample : samples.values()) {
            sample.add(scores.keyedValues(s), scores.scored(s) ? scores.scaleScore(s) : null);
            s++;
        }
    }

    private void add(Map<String, double[]> values, ScoreReport report) {
        samples.forEach((id, sample) -> {
            ScaleResult result = report.scales().get(id);
            Double score = result == null || result.status() != ScaleStatus.SCORED ? null
                    : meanScales.get(id) ? result.mean() : result.raw();
            sample.add(values.get(id), score);
        });
    }

    /** The statistics of each declared scale, in the manifest's order. */
    public List<ScaleStatistics> scales() {
        return samples.values().stream().map(ScaleSample::statistics).toList();
    }
}
