package io.bilan.examples.client;

import io.bilan.client.ApiClient;
import io.bilan.client.api.CatalogueApi;
import io.bilan.client.api.ScoringApi;
import io.bilan.client.model.InstrumentDefinition;
import io.bilan.client.model.InstrumentSummary;
import io.bilan.client.model.ResponseSet;
import io.bilan.client.model.ScaleResult;
import io.bilan.client.model.ScoreReport;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A client of Bilan's catalogue and scoring API, written with the Java client the build generates from the engine's
 * own OpenAPI document ({@code io.bilan.client}): list the instruments, read a definition, score one response set,
 * score a batch. Nothing here speaks HTTP by hand.
 *
 * <pre>{@code
 * ScoringClient bilan = new ScoringClient(URI.create("http://localhost:8080"), System.getenv("BILAN_API_KEY"));
 * ScoreReport report = bilan.score("teamwork-styles", "latest", responses, "fr");
 * }</pre>
 *
 * From the command line, at the repository's root after {@code ./mvnw install -DskipTests}:
 * {@code ./mvnw -q -pl examples/java-client exec:java -Dexec.args="<instrument> <version> <responses.json>
 * [language]"}, with {@code BILAN_URL} (default {@code http://localhost:8080}) and {@code BILAN_API_KEY} in
 * the environment.
 */
public final class ScoringClient {

    private final ApiClient api;
    private final CatalogueApi catalogue;
    private final ScoringApi scoring;

    /**
     * A client of the engine at {@code engine} (e.g. {@code http://localhost:8080}, or with the path prefix of a
     * reverse proxy), calling with {@code apiKey}.
     */
    public ScoringClient(URI engine, String apiKey) {
        this.api = Clients.api(engine, apiKey);
        this.catalogue = new CatalogueApi(api);
        this.scoring = new ScoringApi(api);
    }

    /** The instruments of the catalogue, described in {@code language}. */
    public List<InstrumentSummary> instruments(String language) throws ScoringProblem {
        return Clients.call(() -> catalogue.listInstruments(null, language, null, null, null, null));
    }

    /** The definition of {@code instrument} at {@code version}: its items and scales, texts in {@code language}. */
    public InstrumentDefinition definition(String instrument, String version, String language) throws ScoringProblem {
        return Clients.call(() -> catalogue.getDefinition(instrument, version, language, null));
    }

    /**
     * Scores {@code responses} with {@code instrument} at {@code version} ({@code latest} for the newest),
     * the report's texts in {@code language}.
     *
     * @throws ScoringProblem when the engine refuses: invalid answers, unknown instrument, bad key...
     */
    public ScoreReport score(String instrument, String version, ResponseSet responses, String language)
            throws ScoringProblem {
        return Clients.call(() -> scoring.scoreResponses(instrument, version, responses, null, null,
                Map.of("Accept-Language", language)));
    }

    /** Scores a CSV batch (docs/batch-formats.md) into {@code output}, one row of results per row of answers. */
    public Path scoreBatch(String instrument, String version, Path csv, Path output) throws ScoringProblem, IOException {
        String rows = Files.readString(csv);
        File results = Clients.call(() -> scoring.scoreBatch(instrument, version, rows, null, null));
        return Files.move(results.toPath(), output, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a response set from a JSON file: {@code {"respondent": ..., "answers": {...}}}. */
    public static ResponseSet readResponses(Path file) throws IOException {
        return Clients.JSON.readValue(file.toFile(), ResponseSet.class);
    }

    /** The underlying generated client, for calls this example does not wrap. */
    public ApiClient api() {
        return api;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ScoringClient <instrument> <version> <responses.json> [language]");
            System.exit(2);
        }
        String key = System.getenv("BILAN_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("set BILAN_API_KEY to an API key of the engine");
            System.exit(2);
        }
        URI engine = URI.create(System.getenv().getOrDefault("BILAN_URL", "http://localhost:8080"));
        try {
            ScoreReport report = new ScoringClient(engine, key).score(args[0], args[1],
                    readResponses(Path.of(args[2])), args.length == 4 ? args[3] : "en");
            print(report, System.out);
        } catch (ScoringProblem problem) {
            System.err.println(problem.getMessage());
            System.exit(1);
        }
    }

    /** The report in a few lines: each scale with its score and band, the flags, the interpretation. */
    static void print(ScoreReport report, PrintStream out) {
        out.println(report.getInstrument() + "  " + report.getDigest());
        if (report.getScales() != null) {
            for (Map.Entry<String, ScaleResult> scale : report.getScales().entrySet()) {
                ScaleResult result = scale.getValue();
                out.printf("  %-20s %-28s %s%s%n", scale.getKey(), result.getLabel(),
                        result.getRaw() == null ? "-" : number(result.getRaw()),
                        result.getBand() == null ? "" : "  (" + result.getBand().getLabel() + ")");
            }
        }
        if (report.getFlags() != null) {
            report.getFlags().forEach(flag -> out.println("  ! " + flag.getCode() + ": " + flag.getMessage()));
        }
        if (report.getInterpretation() != null) {
            report.getInterpretation().forEach(paragraph -> out.println("  " + paragraph));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
