package io.bilan.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bilan.client.model.ResponseSet;
import io.bilan.client.model.ScoreReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client, generated from the engine's document, against a stand-in engine behind a path prefix: the request it
 * makes, and how it reads answers.
 */
class ScoringClientTest {

    private static final ResponseSet ANSWERS = new ResponseSet().respondent("r-1").answers(Map.of("p01", "achievement"));

    private HttpServer server;
    private final AtomicReference<HttpExchange> received = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bilan/", exchange -> {
            received.set(exchange);
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ScoringClient client() {
        return new ScoringClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bilan/"), "k-1");
    }

    @Test
    void sendsTheResponsesUnderThePathPrefixAndReadsTheReport() throws Exception {
        status = 200;
        answer = """
                {"instrument": "my values@1.0.0", "respondent": "r-1", "digest": "sha256:00",
                 "scales": {"achievement": {"label": "Réussite", "raw": 5.0}},
                 "aFieldOfANewerEngine": true}""";

        ScoreReport report = client().score("my values", "latest", ANSWERS, "fr");

        assertEquals("/bilan/api/v1/instruments/my%20values/latest/score", received.get().getRequestURI().getRawPath());
        assertEquals("POST", received.get().getRequestMethod());
        assertEquals("Bearer k-1", received.get().getRequestHeaders().getFirst("Authorization"));
        assertEquals("fr", received.get().getRequestHeaders().getFirst("Accept-Language"));
        assertTrue(receivedBody.get().contains("\"p01\":\"achievement\""), receivedBody.get());
        assertEquals(5.0, report.getScales().get("achievement").getRaw());
        assertEquals("Réussite", report.getScales().get("achievement").getLabel());
    }

    @Test
    void aRefusalIsReadAsAProblemWithItsPointers() {
        status = 400;
        answer = """
                {"type": "urn:bilan:problem:invalid-response", "title": "Invalid responses", "status": 400,
                 "detail": "1 answer is invalid",
                 "errors": [{"code": "unknown-option", "pointer": "/answers/p01", "message": "not one of the options"}]}""";

        ScoringProblem problem = assertThrows(ScoringProblem.class, () -> client().score("v", "1.0.0", ANSWERS, "en"));

        assertEquals(400, problem.status());
        assertEquals("urn:bilan:problem:invalid-response", problem.type());
        assertEquals(new ScoringProblem.Error("unknown-option", "/answers/p01", "not one of the options"),
                problem.errors().getFirst());
        assertTrue(problem.getMessage().startsWith("HTTP 400 Invalid responses: 1 answer is invalid"), problem.getMessage());
        assertTrue(problem.getMessage().contains("/answers/p01: not one of the options [unknown-option]"), problem.getMessage());
    }

    @Test
    void aRefusalThatIsNotAProblemKeepsItsStatus() {
        status = 502;
        answer = "<html>Bad gateway</html>";

        ScoringProblem problem = assertThrows(ScoringProblem.class, () -> client().score("v", "1.0.0", ANSWERS, "en"));

        assertEquals(502, problem.status());
        assertEquals("about:blank", problem.type());
        assertEquals("HTTP 502", problem.getMessage());
        assertEquals(0, problem.errors().size());
    }
}
