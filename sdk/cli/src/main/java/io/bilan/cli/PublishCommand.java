package io.bilan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.runtime.BilanRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bilan publish}: packs a package as {@code bilan pack} does and publishes it on an engine. */
@Command(name = "publish",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Validates a package, fixtures included, packs it as `bilan pack` does and sends the zip to"
                + " <engine-url>/api/v1/instruments with an author's or an admin's API key. The request carries"
                + " an Idempotency-Key made from the zip's SHA-256, so running the command again after a"
                + " network failure is safe.",
            "Prints `published id@version (digest)`, or `already published id@version (digest)` when the engine"
                + " holds the same content. A refusal is printed with its title and each problem as"
                + " `file:pointer: message [code]`."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:published, or already published with the same content",
            "1:refused: the package is invalid here, or the engine refused it (invalid, bad key, not yours,"
                + " id@version published with other content, too large)",
            "2:usage error, or no API key",
            "3:the package cannot be read, or the engine cannot be reached or failed (5xx): retry"},
        footerHeading = "%nExample:%n",
        footer = {
            "  export BILAN_API_KEY=bilan_...",
            "  bilan publish examples/packages/teamwork-styles --to http://localhost:8080"})
final class PublishCommand implements Callable<Integer> {

    static final String PATH = "/api/v1/instruments";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(paramLabel = "<package>", description = "a package folder or zip")
    private Path packagePath;

    @Option(names = "--to", required = true, paramLabel = "<engine-url>",
            description = "the engine's address, e.g. https://bilan.example.org")
    private URI engine;

    @Option(names = "--key", paramLabel = "<key>", defaultValue = "${env:BILAN_API_KEY}",
            description = "an author's or admin's API key (default: the environment variable BILAN_API_KEY,"
                    + " which keeps the key out of the shell history)")
    private String key;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "120",
            description = "how long to wait for the engine, which runs the fixtures before answering (default: 120)")
    private long timeoutSeconds;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (key == null || key.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "an API key is needed: set BILAN_API_KEY or give --key (ask an admin for an author key)");
        }
        URI endpoint = endpoint();
        try (BilanRuntime runtime = plugins.runtime().build()) {
            ValidPackage valid;
            try {
                valid = ValidPackage.check(runtime, packagePath, err, "not published");
            } catch (ValidPackage.Refused refused) {
                return refused.exitCode();
            }
            byte[] zip = valid.zip();
            HttpResponse<byte[]> response;
            try {
                response = send(endpoint, zip);
            } catch (IOException e) {
                err.println("bilan: cannot reach " + endpoint + ": " + networkMessage(e)
                        + "; nothing was published, and running the command again is safe");
                return BilanCommand.UNREADABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("bilan: interrupted while publishing to " + endpoint);
                return BilanCommand.UNREADABLE;
            }
            int exit = report(runtime.json(), valid, response, out, err);
            out.flush();
            return exit;
        }
    }

    private HttpResponse<byte[]> send(URI endpoint, byte[] zip) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", "application/zip")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + key.strip())
                .header("Idempotency-Key", idempotencyKey(zip))
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private int report(ObjectMapper json, ValidPackage valid, HttpResponse<byte[]> response, PrintWriter out,
            PrintWriter err) {
        JsonNode body = parse(json, response.body());
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            String published = text(body, "id", valid.manifest().id()) + "@" + text(body, "version", valid.manifest().version())
                    + " (" + text(body, "digest", valid.digest()) + ")";
            // A retry with the same Idempotency-Key gets the first answer again, marked as a replay.
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
            out.println((status == 201 && !replayed ? "published " : "already published ") + published);
            return BilanCommand.OK;
        }
        String title = text(body, "title", "HTTP " + status);
        err.println("bilan: " + valid.coordinates() + " not published: " + title + " (" + status + ")");
        if (body.hasNonNull("detail")) {
            err.println(body.get("detail").asText());
        }
        for (JsonNode error : body.path("errors")) {
            err.println(problemLine(error));
        }
        return status >= 500 ? BilanCommand.UNREADABLE : BilanCommand.FAILED;
    }

    /** {@code file:pointer: message [code]}, leaving out what the problem does not say. */
    static String problemLine(JsonNode error) {
        String file = error.path("file").asText("");
        String pointer = error.path("pointer").asText("");
        String where = file.isEmpty() ? pointer : pointer.isEmpty() ? file : file + ":" + pointer;
        String code = error.path("code").asText("");
        return (where.isEmpty() ? "" : where + ": ") + error.path("message").asText("")
                + (code.isEmpty() ? "" : " [" + code + "]");
    }

    /** {@code sha256:<hex>} of the zip: a retry of the same package reuses the key, another package cannot. */
    static String idempotencyKey(byte[] zip) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private URI endpoint() {
        String scheme = engine.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || engine.getHost() == null) {
            throw new ParameterException(spec.commandLine(),
                    "--to needs the engine's http or https address, such as http://localhost:8080; got " + engine);
        }
        String base = engine.toString().replaceAll("/+$", "");
        return URI.create(base + PATH);
    }

    private static JsonNode parse(ObjectMapper json, byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }

    private static String networkMessage(IOException e) {
        return switch (e) {
            case HttpConnectTimeoutException timeout -> "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
            case HttpTimeoutException timeout -> "no answer in time (raise --timeout)";
            case ConnectException refused -> "connection refused";
            default -> BilanCommand.messageOf(e);
        };
    }
}
