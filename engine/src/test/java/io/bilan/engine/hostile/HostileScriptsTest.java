package io.bilan.engine.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.Packages;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile scripts published through the API: each fails its own call with a problem (or finds nothing to
 * reach), and the service goes on scoring other instruments, correctly, while they run.
 */
@QuarkusTest
class HostileScriptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scripts that must fail their call: the name is the package id. */
    private static final Map<String, String> FAILING = Map.ofEntries(
            Map.entry("hostile-loop", "function score(input) { while (true) {} }"),
            Map.entry("hostile-recursion", "function score(input) { return score(input); }"),
            Map.entry("hostile-giant-string", "function score(input) { return { results: { s: 'x'.repeat(1e9) } }; }"),
            Map.entry("hostile-giant-array", "function score(input) { return { results: { a: new Array(1e8).fill(1).length } }; }"),
            Map.entry("hostile-java", "function score(input) { return { results: { t: Java.type('java.lang.System').getenv() } }; }"),
            Map.entry("hostile-files", "function score(input) { load('/etc/passwd'); return {}; }"),
            Map.entry("hostile-require", "function score(input) { require('fs'); return {}; }"),
            Map.entry("hostile-prototype", "function score(input) { Object.prototype.leak = 'x'; return {}; }"),
            // Time spent inside single built-ins, where no statement is counted (see ExpensiveBuiltInsTest).
            Map.entry("hostile-backtracking", "function score(input) { for (;;) /^(a+)+\\1$/.test('a'.repeat(40) + 'b'); }"),
            Map.entry("hostile-collator-sort", "function score(input) { const w = Array.from({ length: 1000000 }, String); "
                    + "const c = new Intl.Collator('fr').compare; for (;;) w.sort(c); }"),
            Map.entry("hostile-shared-json", "function score(input) { let t = [1]; for (let i = 0; i < 26; i++) t = [t, t]; "
                    + "return { results: { n: JSON.stringify(t).length } }; }"),
            Map.entry("hostile-string-doubling", "function score(input) { let s = 'x'; for (;;) s += s + s.toUpperCase(); }"));

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    private static String responses() throws Exception {
        return JSON.readTree(Path.of("../examples/packages/teamwork-styles/fixtures/clear-primary-style.json").toFile())
                .get("responses").toString();
    }

    private static void publish(String id, String script) throws Exception {
        int status = given().contentType("application/zip").body(Packages.withScript(id, script))
                .post("/api/v1/instruments").then().extract().statusCode();
        assertTrue(status == 200 || status == 201, id + " published: " + status);
    }

    @Test
    void eachHostileScriptFailsOnlyItsOwnCallWhileOthersAreScored() throws Exception {
        for (Map.Entry<String, String> hostile : FAILING.entrySet()) {
            publish(hostile.getKey(), hostile.getValue());
        }
        String body = responses();
        AtomicBoolean attacking = new AtomicBoolean(true);
        ExecutorService benign = Executors.newSingleThreadExecutor();
        Future<List<String>> others = benign.submit(() -> {
            List<String> wrong = new ArrayList<>();
            int calls = 0;
            while (attacking.get() || calls < 20) {
                calls++;
                String delivering = given().contentType("application/json").body(body)
                        .post("/api/v1/instruments/teamwork-styles/1.0.0/score").then().extract()
                        .path("results.primaryStyle");
                if (!"delivering".equals(delivering)) {
                    wrong.add("call " + calls + ": " + delivering);
                }
            }
            return wrong;
        });
        try {
            for (String id : FAILING.keySet()) {
                for (int call = 0; call < 2; call++) {
                    given().contentType("application/json").body(body)
                            .post("/api/v1/instruments/" + id + "/1.0.0/score").then()
                            .statusCode(422)
                            .contentType("application/problem+json")
                            .body("type", equalTo("urn:bilan:problem:scoring-failed"));
                }
            }
        } finally {
            attacking.set(false);
        }
        assertEquals(List.of(), others.get(), "the benign instrument was scored right all along");
        benign.shutdown();
    }

    @Test
    void aBigIntPackageIsRefusedAtPublicationWithTheLineOfTheLiteral() throws Exception {
        // 3n ** 200000000n once ran for minutes inside one built-in call, past every limit.
        given().contentType("application/zip")
                .body(Packages.withScript("hostile-bigint", "function score(input) {\n"
                        + "  return { results: { d: String(3n ** 200000000n).length } };\n}"))
                .post("/api/v1/instruments").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bilan:problem:invalid-package"))
                .body("errors.code", org.hamcrest.Matchers.hasItem("script-syntax-error"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        ":2:34: BigInt is not available to scoring scripts")));
    }

    @Test
    void manyMemoryHoardersAtOnceFailTheirOwnCallsAndOthersAreStillScored() throws Exception {
        // Each call keeps what it allocates until the limit stops it: at most half of max-concurrent-calls of them
        // hold memory at any moment, the others wait for a turn or are turned away with 503; the other half of
        // the turns stays for other instruments.
        publish("hostile-hoarder", "function score(input) { const kept = []; "
                + "while (true) { kept.push(new Array(100000).fill(kept.length)); } }");
        String body = responses();
        ExecutorService attackers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int call = 0; call < 32; call++) {
                statuses.add(attackers.submit(() -> given().contentType("application/json").body(body)
                        .post("/api/v1/instruments/hostile-hoarder/1.0.0/score").then().extract().statusCode()));
            }
            for (int call = 0; call < 10; call++) {
                given().contentType("application/json").body(body)
                        .post("/api/v1/instruments/teamwork-styles/1.0.0/score").then()
                        .statusCode(200).body("results.primaryStyle", equalTo("delivering"));
            }
            for (Future<Integer> status : statuses) {
                assertTrue(status.get() == 422 || status.get() == 503, "a limit or busy, not " + status.get());
            }
        } finally {
            attackers.shutdown();
        }
        given().contentType("application/json").body(body).post("/api/v1/instruments/teamwork-styles/1.0.0/score")
                .then().statusCode(200).body("results.primaryStyle", equalTo("delivering"));
    }

    @Test
    void aScriptFindsNoHostNoGlobalsLeftByOthersAndNoTamperedPrototype() throws Exception {
        // The global object is not extensible and the built-ins are frozen: both attempts throw, and are caught.
        publish("hostile-writer", "function score(input) { try { globalThis.secret = JSON.stringify(input.answers); } "
                + "catch (e) {} try { Array.prototype.push = null; } catch (e) {} return {}; }");
        publish("hostile-reader", "function score(input) { return { results: { secret: typeof globalThis.secret, "
                + "java: typeof Java, polyglot: typeof Polyglot, process: typeof process, fetch: typeof fetch, "
                + "push: typeof [].push, leak: typeof ({}).leak } }; }");
        String body = responses();
        given().contentType("application/json").body(body).post("/api/v1/instruments/hostile-writer/1.0.0/score")
                .then().log().ifValidationFails().statusCode(200);
        given().contentType("application/json").body(body).post("/api/v1/instruments/hostile-reader/1.0.0/score")
                .then().log().ifValidationFails().statusCode(200)
                .body("results.secret", equalTo("undefined"))
                .body("results.java", equalTo("undefined"))
                .body("results.polyglot", equalTo("undefined"))
                .body("results.process", equalTo("undefined"))
                .body("results.fetch", equalTo("undefined"))
                .body("results.push", equalTo("function"))
                .body("results.leak", equalTo("undefined"));
    }
}
