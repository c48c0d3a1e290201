package io.bilan.examples.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.response.ResponseSet;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A small client of Bilan's scoring API: it sends one response set to
 * {@code POST /api/v1/instruments/{id}/{version}/score} and reads the report as the SDK's
 * {@link ScoreReport}. Only the JDK's HTTP client and Jackson are needed.
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

    private static final ObjectMapper JSON = new ObjectMapper()
            // A newer engine may add fields to reports; this client keeps working and ignores them.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI engine;
    private final String apiKey;

    /**
     * A client of the engine at {@code engine} (e.g. {@code http://localhost:8080}, or with the path prefix of a
     * reverse proxy), calling with {@code apiKey}.
     */
    public ScoringClient(URI engine, String apiKey) {
        this.engine = engine;
        this.apiKey = apiKey;
    }

    /**
     * Scores {@code responses} with {@code instrument} at {@code version} ({@code latest} for the newest),
     * the report's texts in {@code language}.
     *
     * @throws ScoringProblem when the engine refuses: invalid answers, unknown instrument, bad key...
     */
    public ScoreReport score(String instrument, String version, ResponseSet responses, String language)
            throws IOException, InterruptedException {
        // Appended, not resolved, so an engine behind a path prefix (https://example.org/bilan) keeps it.
        URI uri = URI.create(engine.toString().replaceAll("/+$", "") + "/api/v1/instruments/" + segment(instrument)
                + "/" + segment(version) + "/score");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(responses)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw ScoringProblem.of(response.statusCode(), response.body());
        }
        return JSON.readValue(response.body(), ScoreReport.class);
    }

    /** Reads a response set from a JSON file: {@code {"respondent": ..., "answers": {...}}}. */
    public static ResponseSet readResponses(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ResponseSet.class);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
        out.println(report.instrument() + "  " + report.digest());
        for (Map.Entry<String, ScaleResult> scale : report.scales().entrySet()) {
            ScaleResult result = scale.getValue();
            out.printf("  %-20s %-28s %s%s%n", scale.getKey(), result.label(),
                    result.raw() == null ? "-" : number(result.raw()),
                    result.band() == null ? "" : "  (" + result.band().label() + ")");
        }
        report.flags().forEach(flag -> out.println("  ! " + flag.code() + ": " + flag.message()));
        report.interpretation().forEach(paragraph -> out.println("  " + paragraph));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
