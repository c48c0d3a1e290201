package io.bilan.engine.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.Flag;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.report.Severity;
import io.bilan.engine.catalog.InstrumentCatalog;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.runtime.RuntimeJson;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.batch.InvalidBatchException;
import io.bilan.runtime.batch.ScoredRowObserver;
import io.bilan.runtime.scoring.NumericRowScorer;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.script.WouldWaitException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Scores response sets with the catalogue's instruments and counts each call per instrument. Stateless: nothing
 * about the person is stored.
 */
@ApplicationScoped
public class ScoringService {

    private final InstrumentCatalog catalog;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    /** One timer per instrument and outcome, built once: registering on every call costs a lookup and tags. */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    ScoringService(InstrumentCatalog catalog, MeterRegistry metrics, @RuntimeJson ObjectMapper json) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.json = json;
    }

    /** The instrument a request names; {@code latest} resolves to the highest version. */
    public Instrument instrument(String id, String version) {
        return catalog.instrument(id, version);
    }

    /**
     * {@code id@version} when it is in memory and scores without waiting: without a script or Java scorer, or with a
     * script whose calls have been quick lately ({@link Instrument#scoresWithoutWaiting()}). Scoring it then takes
     * microseconds and never blocks, so it may be done on the event loop. Empty otherwise (not resolved or loaded
     * lately, a Java scorer, a script new or slow), when scoring must go to a worker thread.
     */
    public Optional<InstrumentCatalog.Resolved> inMemoryWithoutWaiting(String id, String version) {
        return catalog.inMemory(id, version).filter(resolved -> resolved.instrument().scoresWithoutWaiting());
    }

    /** Scores one response set; a deprecated version is scored and flagged. */
    public ScoreReport score(Instrument instrument, JsonNode responseSet, ScoreOptions options) {
        return score(instrument, responseSet, options,
                () -> catalog.isDeprecated(instrument.manifest().id(), instrument.manifest().version()));
    }

    /** Scores one response set with an instrument found in memory, flagged as it was when resolved. */
    public ScoreReport score(InstrumentCatalog.Resolved resolved, JsonNode responseSet, ScoreOptions options) {
        return score(resolved.instrument(), responseSet, options, resolved::deprecated);
    }

    /**
     * Scores one response set with an instrument found by {@link #inMemoryWithoutWaiting}, on a thread that must
     * never wait ({@link Instrument#scoreWithoutWaiting}).
     *
     * @throws WouldWaitException when its script would have to wait: untimed, for a worker to score it again
     */
    public ScoreReport scoreWithoutWaiting(InstrumentCatalog.Resolved resolved, JsonNode responseSet,
            ScoreOptions options) {
        Instrument instrument = resolved.instrument();
        return timed(instrument, () -> instrument.scoreWithoutWaiting(responseSet, options), resolved::deprecated);
    }

    /**
     * Scores one response set given as JSON bytes with an instrument found in memory, when the body is plainly valid
     * ({@link Instrument#scorePlain}); {@code null} when it must be read into a tree, checked and scored by
     * {@link #score(InstrumentCatalog.Resolved, JsonNode, ScoreOptions)}, which explains a refusal.
     */
    public ScoreReport scorePlain(InstrumentCatalog.Resolved resolved, byte[] responseSet, ScoreOptions options) {
        return timed(resolved.instrument(), () -> resolved.instrument().scorePlain(responseSet, options),
                resolved::deprecated);
    }

    private ScoreReport score(Instrument instrument, JsonNode responseSet, ScoreOptions options,
            BooleanSupplier deprecated) {
        return timed(instrument, () -> instrument.score(responseSet, options), deprecated);
    }

    /**
     * Times a scoring by outcome; a scoring that gives no report (not plain) or would wait is left to the one that
     * follows.
     */
    private ScoreReport timed(Instrument instrument, Supplier<ScoreReport> scoring, BooleanSupplier deprecated) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "refused";
        try {
            ScoreReport report = scoring.get();
            if (report == null) {
                outcome = null;
                return null;
            }
            outcome = "scored";
            return deprecated.getAsBoolean() ? withDeprecationFlag(report) : report;
        } catch (WouldWaitException e) {
            outcome = null;
            throw e;
        } finally {
            if (outcome != null) {
                sample.stop(timer(instrument.coordinates(), outcome));
            }
        }
    }

    /** The statistics of a data set, and how many of its rows were scored and refused. */
    public record DataSetReport(String instrument, long rows, long refused,
            java.util.List<io.bilan.runtime.psychometrics.ScaleStatistics> scales) {
    }

    /**
     * Scores a CSV or NDJSON data set and returns the statistics of each scale over its scored rows (the scores
     * themselves are not kept). The statistics hold every row's item values, so a data set is bounded by
     * {@code maxRows}; a larger one is refused with a {@code data-set-too-large} problem.
     */
    public DataSetReport statistics(Instrument instrument, boolean csv, Reader in, ScoreOptions options, long maxRows)
            throws IOException, InvalidBatchException {
        io.bilan.runtime.psychometrics.DataSetStatistics statistics =
                new io.bilan.runtime.psychometrics.DataSetStatistics(instrument);
        // Passes every kind of row on, plain rows scored without a report included, once it has counted it.
        ScoredRowObserver bounded = new ScoredRowObserver() {
            private long rows;

            @Override
            public void scored(JsonNode responseSet, ScoreReport report) {
                count();
                statistics.scored(responseSet, report);
            }

            @Override
            public void scored(Map<String, Object> answers, String respondent, ScoreReport report) {
                count();
                statistics.scored(answers, respondent, report);
            }

            @Override
            public boolean takesNumericRows() {
                return statistics.takesNumericRows();
            }

            @Override
            public void scored(NumericRowScorer scores) {
                count();
                statistics.scored(scores);
            }

            private void count() {
                if (++rows > maxRows) {
                    throw new ProblemException(ProblemType.DATA_SET_TOO_LARGE, "the statistics of a data set take at "
                            + "most " + maxRows + " rows (bilan.limits.max-statistics-rows); split it, or use bilan "
                            + "score --statistics, which has no such bound");
                }
            }
        };
        BatchScorer scorer = new BatchScorer(instrument, options, json, bounded);
        Writer discard = Writer.nullWriter();
        BatchSummary summary = csv ? scorer.scoreCsv(in, discard) : scorer.scoreNdjson(in, discard);
        return new DataSetReport(instrument.coordinates(), summary.scored(), summary.refused(), statistics.scales());
    }

    /** Streams a CSV or NDJSON batch through the instrument, into results of the same or the other format. */
    public BatchSummary scoreBatch(Instrument instrument, BatchScorer.Format input, Reader in, Writer out,
            BatchScorer.Format output, ScoreOptions options) throws IOException, InvalidBatchException {
        BatchScorer scorer = new BatchScorer(instrument, options, json);
        BatchSummary summary = scorer.score(in, input, out, output);
        Counter.builder("bilan.scoring.batch.rows").description("Rows scored in batches")
                .tag("instrument", instrument.coordinates()).tag("outcome", "scored")
                .register(metrics).increment(summary.scored());
        Counter.builder("bilan.scoring.batch.rows").description("Rows scored in batches")
                .tag("instrument", instrument.coordinates()).tag("outcome", "refused")
                .register(metrics).increment(summary.refused());
        return summary;
    }

    private Timer timer(String instrument, String outcome) {
        return timers.computeIfAbsent(instrument + " " + outcome, key -> Timer.builder("bilan.scoring")
                .description("Scoring calls of single response sets")
                .tag("instrument", instrument).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(metrics));
    }

    private static ScoreReport withDeprecationFlag(ScoreReport report) {
        List<Flag> flags = new ArrayList<>(report.flags());
        flags.add(new Flag("deprecated-version", Severity.WARNING, report.language().equals("fr")
                ? "Cette version de l’instrument est dépréciée : préférez la plus récente."
                : "This version of the instrument is deprecated: prefer the latest one."));
        return new ScoreReport(report.instrument(), report.digest(), report.language(), report.respondent(),
                report.scales(), report.outcomes(), flags, report.interpretation(), report.results(),
                report.durationSeconds());
    }
}
