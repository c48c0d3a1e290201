package io.bilan.bench;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ReportJson;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scoring endpoint's own work for one request on the 60-item declarative instrument, in process: its report
 * written as JSON by Jackson's data binding (as the endpoint did) and by {@link ReportJson} (as it does now), and the
 * whole of it, the request's body read, checked, scored and the report written, with each writer, and with the body
 * read plainly (as the endpoint reads it now) rather than into a tree. The same 1,335 bytes every time. Run with
 * {@code bin/bench ReportWriting}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReportWritingBenchmark {

    private static final ObjectWriter DATA_BINDING = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build().writerFor(ScoreReport.class);

    private BilanRuntime runtime;
    private Instrument declarative;
    private byte[] body;
    private ScoreReport report;
    private final ScoreOptions options = ScoreOptions.in("en");

    @Setup(Level.Trial)
    public void load() throws Exception {
        runtime = BilanRuntime.builder().build();
        Path folder = Files.createTempDirectory("bilan-bench").resolve("declarative");
        Files.createDirectories(folder);
        try (InputStream in = ReportWritingBenchmark.class.getResourceAsStream("/bench/declarative/manifest.json")) {
            Files.copy(in, folder.resolve("manifest.json"));
        }
        declarative = runtime.load(runtime.read(folder));
        try (InputStream in = ReportWritingBenchmark.class.getResourceAsStream("/bench/answers.json")) {
            body = ("{\"answers\": " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        report = declarative.score(runtime.json().readTree(body), options);
        if (!java.util.Arrays.equals(DATA_BINDING.writeValueAsBytes(report), ReportJson.bytes(report))) {
            throw new IllegalStateException("the two writers disagree");
        }
        if (!java.util.Arrays.equals(requestReadPlainly(), ReportJson.bytes(report))) {
            throw new IllegalStateException("the plain body is not scored as its tree");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }

    /** The report written by Jackson's data binding, its properties sorted. */
    @Benchmark
    public byte[] reportByDataBinding() throws Exception {
        return DATA_BINDING.writeValueAsBytes(report);
    }

    /** The same bytes written by ReportJson. */
    @Benchmark
    public byte[] reportByReportJson() {
        return ReportJson.bytes(report);
    }

    /** The body read into a tree, checked and scored, the report written by data binding. */
    @Benchmark
    public byte[] requestWithDataBinding() throws Exception {
        return DATA_BINDING.writeValueAsBytes(declarative.score(runtime.json().readTree(body), options));
    }

    /** The same, the report written by ReportJson. */
    @Benchmark
    public byte[] requestWithReportJson() throws Exception {
        return ReportJson.bytes(declarative.score(runtime.json().readTree(body), options));
    }

    /** The same, the body read plainly into the scales' answers, without a tree. */
    @Benchmark
    public byte[] requestReadPlainly() {
        return ReportJson.bytes(declarative.scorePlain(body, options));
    }
}
