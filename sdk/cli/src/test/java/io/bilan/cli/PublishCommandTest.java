package io.bilan.cli;

import static io.bilan.cli.CommandRun.bilan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.bilan.runtime.source.PackageReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {

    @TempDir
    Path dir;

    private HttpServer engine;
    private final List<Request> requests = new ArrayList<>();
    private int status;
    private String contentType;
    private String body;

    /** What the engine received. */
    record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startEngine() throws IOException {
        engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        engine.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        engine.start();
    }

    @AfterEach
    void stopEngine() {
        engine.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + engine.getAddress().getPort() + "/";
    }

    private void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    private void answerProblem(int status, String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/publish/" + resource)) {
            answer(status, "application/problem+json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String version(String digest) {
        return "{\"id\": \"every-rule\", \"version\": \"1.0.0\", \"digest\": \"" + digest
                + "\", \"deprecated\": false, \"publishedAt\": \"2025-06-02T10:00:00Z\"}";
    }

    @Test
    void postsThePackedZipWithTheKeyAndAnIdempotencyKeyMadeFromIt() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        String digest = new PackageReader().read(everyRule).digest();
        answer(201, "application/json", version(digest));

        CommandRun run = bilan("publish", everyRule.toString(), "--to", url(), "--key", "bilan_author");

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("published every-rule@1.0.0 (" + digest + ")"), run.outLines());
        Request request = requests.getFirst();
        assertEquals("POST", request.method());
        assertEquals("/api/v1/instruments", request.path(), "the trailing slash of --to is not doubled");
        assertEquals("application/zip", request.header("Content-Type"));
        assertEquals("Bearer bilan_author", request.header("Authorization"));
        assertEquals(PublishCommand.idempotencyKey(request.body()), request.header("Idempotency-Key"));
        assertEquals(0, bilan("pack", everyRule.toString(), "-o", dir.resolve("dist").toString()).exit());
        assertArrayEquals(Files.readAllBytes(dir.resolve("dist/every-rule-1.0.0.zip")), request.body(),
                "the zip sent is the one bilan pack writes");
    }

    @Test
    void aRetrySendsTheSameIdempotencyKeyAndSaysWhenItIsAlreadyPublished() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        String digest = new PackageReader().read(everyRule).digest();
        answer(201, "application/json", version(digest));
        assertEquals(0, bilan("publish", everyRule.toString(), "--to", url(), "--key", "k").exit());
        answer(200, "application/json", version(digest));

        CommandRun run = bilan("publish", everyRule.toString(), "--to", url(), "--key", "k");

        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("already published every-rule@1.0.0 (" + digest + ")"), run.outLines());
        assertEquals(requests.get(0).header("Idempotency-Key"), requests.get(1).header("Idempotency-Key"));
    }

    @Test
    void printsEachProblemOfARefusedPackage() throws Exception {
        answerProblem(400, "invalid-package.json");

        CommandRun run = bilan("publish", CommandRun.everyRule(dir).toString(), "--to", url(), "--key", "k");

        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals(List.of(
                "bilan: every-rule@1.0.0 not published: Invalid package (400)",
                "every-rule@1.0.0 has 2 errors.",
                "manifest.json:/scales/0/items/1/item: no item \"x9\" [unknown-item]",
                "fixtures/complete.json:/expect/scales/S_sum/raw: expected 20, got 19 [fixture-failed]"), run.errLines());
    }

    @Test
    void aWrongKeyIsARefusal() throws Exception {
        answerProblem(401, "unauthorized.json");

        CommandRun run = bilan("publish", CommandRun.everyRule(dir).toString(), "--to", url(), "--key", "wrong");

        assertEquals(1, run.exit());
        assertEquals(List.of("bilan: every-rule@1.0.0 not published: Authentication required (401)"), run.errLines());
    }

    @Test
    void anotherContentUnderTheSameVersionIsARefusal() throws Exception {
        answerProblem(409, "conflict.json");

        CommandRun run = bilan("publish", CommandRun.everyRule(dir).toString(), "--to", url(), "--key", "k");

        assertEquals(1, run.exit());
        assertEquals(List.of("bilan: every-rule@1.0.0 not published: Version already published (409)",
                "every-rule@1.0.0 is published with other content: raise the version."), run.errLines());
    }

    @Test
    void anEngineThatCannotBeReachedIsANetworkFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CommandRun run = bilan("publish", CommandRun.everyRule(dir).toString(), "--to",
                "http://127.0.0.1:" + closedPort, "--key", "k");

        assertEquals(3, run.exit());
        assertTrue(run.err().startsWith("bilan: cannot reach http://127.0.0.1:" + closedPort
                + "/api/v1/instruments: connection refused"), run.err());
    }

    @Test
    void anInvalidPackageIsNotSent() throws Exception {
        Path everyRule = CommandRun.everyRule(dir);
        Path fixture = everyRule.resolve("fixtures/complete.json");
        Files.writeString(fixture, Files.readString(fixture).replace("\"raw\": 19", "\"raw\": 20"));

        CommandRun run = bilan("publish", everyRule.toString(), "--to", url(), "--key", "k");

        assertEquals(1, run.exit());
        assertTrue(run.errLines().getLast().startsWith("bilan: not published: "), run.err());
        assertEquals(List.of(), requests);
    }

    @Test
    void anAddressThatIsNotHttpIsAUsageError() throws Exception {
        CommandRun run = bilan("publish", CommandRun.everyRule(dir).toString(), "--to", "ftp://example.org", "--key", "k");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--to needs the engine's http or https address"), run.err());
    }
}
