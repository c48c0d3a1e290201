package io.bilan.bench;

import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.psychometrics.DataSetStatistics;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@link BatchBenchmark}'s three measures as the calling thread's CPU time rather than wall time: on the shared
 * machine, where JMH's wall-clock samples measure the load, a thread's CPU time moves much less, so two builds can be
 * compared in the same minutes. Prints the best and the median of the second half of the rounds. Run with
 * {@code java -cp 'sdk/bench/target/bilan-bench.jar:sdk/bench/target/lib/*' io.bilan.bench.BatchCpuTime [rounds]}
 * (or as a source file, {@code java -cp ... sdk/bench/src/main/java/io/bilan/bench/BatchCpuTime.java}, against
 * another build's class path).
 */
public final class BatchCpuTime {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int LARGE_ROWS = 200_000;

    private interface Body {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args.length > 0 ? args[0] : "60");
        try (BilanRuntime runtime = BilanRuntime.builder().build()) {
            Path root = Files.createTempDirectory("bilan-batch-cpu");
            Path manifest = root.resolve("bfi/manifest.json");
            Files.createDirectories(manifest.getParent());
            try (InputStream in = BatchCpuTime.class.getResourceAsStream("/bench/bfi/manifest.json")) {
                Files.copy(in, manifest);
            }
            Instrument bfi = runtime.load(runtime.read(manifest.getParent()));
            String csv;
            try (InputStream in = BatchCpuTime.class.getResourceAsStream("/bench/bfi.csv")) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ScoreOptions options = ScoreOptions.in("en");
            String[] lines = csv.lines().toArray(String[]::new);
            StringBuilder large = new StringBuilder(lines[0]).append('\n');
            for (int row = 0; row < LARGE_ROWS; row++) {
                large.append(lines[1 + row % (lines.length - 1)]).append('\n');
            }
            String largeCsv = large.toString();
            for (int pass = 0; pass < 2; pass++) {
                measure("scoreCsv (ms)", rounds, 1e-6, () -> new BatchScorer(bfi, options, runtime.json())
                        .scoreCsv(new StringReader(csv), Writer.nullWriter()));
                measure("scoreCsvWithStatistics (ms)", rounds, 1e-6, () -> {
                    DataSetStatistics data = new DataSetStatistics(bfi);
                    new BatchScorer(bfi, options, runtime.json(), data).scoreCsv(new StringReader(csv),
                            Writer.nullWriter());
                    data.scales();
                });
                measure("large batch (ns per row)", Math.max(4, rounds / 10), 1.0 / LARGE_ROWS, () -> {
                    Reader in = new StringReader(largeCsv);
                    new BatchScorer(bfi, options, runtime.json()).scoreCsv(in, Writer.nullWriter());
                });
            }
        }
    }

    /** Runs {@code rounds} times; prints the best and median CPU time of the last half, times {@code unit}. */
    private static void measure(String label, int rounds, double unit, Body body) throws Exception {
        double[] cpu = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            long start = THREADS.getCurrentThreadCpuTime();
            body.run();
            cpu[k] = (THREADS.getCurrentThreadCpuTime() - start) * unit;
        }
        double[] last = Arrays.copyOfRange(cpu, rounds / 2, rounds);
        Arrays.sort(last);
        System.out.printf("%-30s CPU: best %.3f, median %.3f (first round %.3f)%n", label, last[0],
                last[last.length / 2], cpu[0]);
    }
}
