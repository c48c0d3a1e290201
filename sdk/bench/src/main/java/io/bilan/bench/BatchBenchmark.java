package io.bilan.bench;

import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.psychometrics.DataSetStatistics;
import io.bilan.runtime.psychometrics.ScaleStatistics;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batches in process, on one thread, on the bfi-shaped data set of {@code sdk/bench/vs-r} (2,800 respondents, 25
 * six-point items, five mean scales with reverse keys, 1 % missing): scoring CSV to CSV, the same with the statistics
 * of every scale, and a large batch of {@value #LARGE_ROWS} rows streamed from a generating reader (so the input
 * takes no memory) into a writer that drops the output, reported per row. Run with
 * {@code bin/bench BatchBenchmark}; add {@code -prof gc} to see that the allocation per row stays flat.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchBenchmark {

    static final int LARGE_ROWS = 1_000_000;

    private BilanRuntime runtime;
    private Instrument bfi;
    private String csv;
    private String header;
    private String[] rows;
    private final ScoreOptions options = ScoreOptions.in("en");

    @Setup(Level.Trial)
    public void load() throws Exception {
        runtime = BilanRuntime.builder().build();
        Path root = Files.createTempDirectory("bilan-bench");
        Path manifest = root.resolve("bfi/manifest.json");
        Files.createDirectories(manifest.getParent());
        try (InputStream in = BatchBenchmark.class.getResourceAsStream("/bench/bfi/manifest.json")) {
            Files.copy(in, manifest);
        }
        bfi = runtime.load(runtime.read(manifest.getParent()));
        try (InputStream in = BatchBenchmark.class.getResourceAsStream("/bench/bfi.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = csv.lines().toList();
        header = lines.get(0);
        rows = lines.subList(1, lines.size()).toArray(String[]::new);
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }

    /** The 2,800 rows, CSV to CSV, as {@code bilan score} and {@code score-batch} do it. */
    @Benchmark
    public BatchSummary scoreCsv() throws Exception {
        return new BatchScorer(bfi, options, runtime.json()).scoreCsv(new StringReader(csv), Writer.nullWriter());
    }

    /** The same with every scale's statistics (alpha, item-total and item-rest r, alpha if dropped). */
    @Benchmark
    public List<ScaleStatistics> scoreCsvWithStatistics() throws Exception {
        DataSetStatistics data = new DataSetStatistics(bfi);
        new BatchScorer(bfi, options, runtime.json(), data).scoreCsv(new StringReader(csv), Writer.nullWriter());
        return data.scales();
    }

    /** A million rows streamed through, CSV to CSV: the time per row (divide one second by it for rows/s). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(LARGE_ROWS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public BatchSummary largeBatchPerRow() throws Exception {
        return new BatchScorer(bfi, options, runtime.json()).scoreCsv(new RepeatingRows(), Writer.nullWriter());
    }

    /** The header, then the data set's rows again and again until {@value #LARGE_ROWS} rows. */
    private final class RepeatingRows extends Reader {
        private int row = -1;
        private String line = header + "\n";
        private int at;

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (line == null) {
                return -1;
            }
            int copied = 0;
            while (copied < length && line != null) {
                int n = Math.min(length - copied, line.length() - at);
                line.getChars(at, at + n, buffer, offset + copied);
                copied += n;
                at += n;
                if (at == line.length()) {
                    row++;
                    line = row < LARGE_ROWS ? rows[row % rows.length] + "\n" : null;
                    at = 0;
                }
            }
            return copied;
        }

        @Override
        public void close() {
        }
    }
}
