package io.bilan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Scoring one 60-item response set (six 10-item sum scales with reversed items, outcomes): declarative
 * only, declarative plus a script, declarative plus a Java scorer, and declarative with the response
 * schema check that the service runs first. Run with {@code bin/bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {

    private BilanRuntime runtime;
    private Instrument declarative;
    private Instrument scripted;
    private Instrument javaScored;
    private Map<String, Object> answers;
    private JsonNode responseSet;
    private final ScoreOptions options = ScoreOptions.in("en");

    @Setup(Level.Trial)
    public void load() throws Exception {
        runtime = BilanRuntime.builder().plugins(List.of(new HollandScorer())).build();
        Path root = Files.createTempDirectory("bilan-bench");
        declarative = runtime.load(runtime.read(copy("declarative", root)));
        scripted = runtime.load(runtime.read(copy("scripted", root)));
        javaScored = runtime.load(runtime.read(copy("java", root)));
        try (InputStream in = ScoringBenchmark.class.getResourceAsStream("/bench/answers.json")) {
            JsonNode node = runtime.json().readTree(in);
            answers = runtime.json().convertValue(node, Map.class);
            ObjectNode set = runtime.json().createObjectNode();
            set.set("answers", node);
            responseSet = set;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
    }

    /** Plain Java scales: the rules alone, on answers already validated. */
    @Benchmark
    public ScoreReport declarativeOnly() {
        return declarative.scoreValidated(answers, options);
    }

    /** The same plus the response-schema check, as the scoring endpoint does it. */
    @Benchmark
    public ScoreReport declarativeWithResponseValidation() {
        return declarative.score(responseSet, options);
    }

    /** Declarative scales, then scoring.js in a pooled sandbox context. */
    @Benchmark
    public ScoreReport declarativeAndScript() {
        return scripted.scoreValidated(answers, options);
    }

    /** Declarative scales, then the same rules as a Java scorer. */
    @Benchmark
    public ScoreReport declarativeAndJavaScorer() {
        return javaScored.scoreValidated(answers, options);
    }

    private static Path copy(String variant, Path root) throws Exception {
        Path target = root.resolve(variant);
        for (String file : List.of("manifest.json", "fixtures/bench.json", "scoring.js")) {
            try (InputStream in = ScoringBenchmark.class.getResourceAsStream("/bench/" + variant + "/" + file)) {
                if (in != null) {
                    Files.createDirectories(target.resolve(file).getParent());
                    Files.copy(in, target.resolve(file));
                }
            }
        }
        return target;
    }
}
