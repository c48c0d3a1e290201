package io.bilan.engine.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.Packages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of malformed requests, made by mutating valid ones with a seeded generator (so a failure can be
 * replayed), thrown at every endpoint that takes a body or parameters: none may answer with a 5xx, and the
 * catalogue must not change. The seed and the request are in the failure message.
 */
@QuarkusTest
class MalformedRequestsFuzzTest {

    private static final long SEED = 20261126L;
    private static final int ROUNDS = 2_000;
    /**
     * A request up to this size reaches the server whole before it can answer: it is under the server's 4 KB limit
     * on the request line (quarkus.http.limits.max-initial-line-length) and half of the client's 8 KB output buffer.
     */
    private static final int READ_WHOLE_BYTES = 4_096;

    private int requestBytes;
    private static final String[] CONTENT_TYPES = {"application/json", "text/csv", "application/x-ndjson",
            "application/zip", "text/plain", "application/json; charset=latin1", "multipart/form-data; boundary=x", ""};

    @BeforeEach
    void awaitCatalog() throws InterruptedException {
        io.bilan.engine.CatalogReady.await();
    }

    @Test
    void noMalformedRequestGetsAServerError() throws Exception {
        Random random = new Random(SEED);
        String responses = new String(Files.readAllBytes(
                Path.of("../instruments/riasec-interests/fixtures/typical-profile.json")), StandardCharsets.UTF_8);
        String responseSet = new com.fasterxml.jackson.databind.ObjectMapper().readTree(responses).get("responses").toString();
        String profile = "{\"administrations\": [{\"instrument\": \"riasec-interests\", \"version\": \"latest\", \"responses\": "
                + responseSet + "}]}";
        String csv = "respondent,coord1,coord2\np1,3,4\n";
        byte[] zip = Packages.teamwork(manifest -> manifest.put("version", "9.9.9"));
        int catalogueBefore = catalogueSize();
        String counsellor = io.bilan.engine.TestCallers.of(io.bilan.engine.security.Roles.COUNSELLOR);
        String caseId = io.bilan.engine.cases.CaseFixturesAccess.caseInInvestigation(counsellor);
        String newCase = "{\"beneficiary\": \"B-FUZZ\", \"contact\": {\"email\": \"f@example.org\"}}";
        String administration = "{\"instrument\": \"riasec-interests\", \"lang\": \"fr\", \"responses\": " + responseSet + "}";
        String session = "{\"date\": \"2026-11-20\", \"minutes\": 1, \"activities\": \"x\"}";

        List<String> failures = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int kind = random.nextInt(10);
            String contentType = random.nextInt(4) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : null;
            Response response;
            String described = "round " + round;
            requestBytes = 0;
            try {
                switch (kind) {
                    case 0 -> {
                        String body = mutate(responseSet, random);
                        described = "score " + body;
                        response = given().contentType(or(contentType, "application/json")).body(noted(bytes(body)))
                                .queryParam("lang", noted(word(random))).post("/api/v1/instruments/riasec-interests/latest/score");
                    }
                    case 1 -> {
                        String body = mutate(profile, random);
                        described = "profiles " + body;
                        response = given().contentType(or(contentType, "application/json")).body(noted(bytes(body)))
                                .queryParam("limit", noted(word(random))).queryParam("target", noted(word(random)))
                                .post("/api/v1/profiles");
                    }
                    case 2 -> {
                        String body = mutate(csv, random);
                        described = "score-batch " + body;
                        response = given().contentType(or(contentType, "text/csv")).body(noted(bytes(body)))
                                .post("/api/v1/instruments/teamwork-styles/1.0.0/score-batch");
                    }
                    case 3 -> {
                        byte[] body = mutate(zip, random);
                        described = "publish zip of " + body.length + " bytes";
                        response = given().contentType(or(contentType, "application/zip")).body(noted(body))
                                .post("/api/v1/instruments");
                    }
                    case 4 -> {
                        String id = word(random);
                        described = "occupations q/sector/level and /" + id;
                        response = given().queryParam("q", noted(word(random))).queryParam("sector", noted(word(random)))
                                .queryParam("level", noted(word(random))).get("/api/v1/occupations");
                        check(failures, round, described, response);
                        requestBytes = 0;
                        response = given().urlEncodingEnabled(false).get("/api/v1/occupations/" + noted(encoded(id)));
                    }
                    case 6 -> {
                        String body = mutate(newCase, random);
                        described = "open case " + body;
                        response = given().auth().oauth2(counsellor).contentType(or(contentType, "application/json"))
                                .body(noted(bytes(body))).post("/api/v1/cases");
                    }
                    case 7 -> {
                        String body = mutate(administration, random);
                        described = "administration " + body;
                        response = given().auth().oauth2(counsellor).contentType(or(contentType, "application/json"))
                                .body(noted(bytes(body))).post("/api/v1/cases/" + caseId + "/administrations");
                    }
                    case 8 -> {
                        String body = mutate(random.nextBoolean() ? session : "{\"to\": \"conclusion\"}", random);
                        described = "session or transition " + body;
                        response = given().auth().oauth2(counsellor).contentType(or(contentType, "application/json"))
                                .body(noted(bytes(body))).post("/api/v1/cases/" + caseId + (body.contains("to") ? "/transitions" : "/sessions"));
                    }
                    case 9 -> {
                        String id = word(random);
                        described = "case /" + id;
                        response = given().auth().oauth2(counsellor).urlEncodingEnabled(false)
                                .get("/api/v1/cases/" + noted(encoded(id)) + "/synthesis");
                    }
                    default -> {
                        String version = word(random);
                        described = "instrument " + version;
                        response = given().urlEncodingEnabled(false).queryParam("lang", noted(encoded(word(random))))
                                .get("/api/v1/instruments/riasec-interests/" + noted(encoded(version)));
                    }
                }

            } catch (Exception e) {
                // A request refused before it is read whole (a request line over the server's limit, a body over
                // the size limit or of a type not taken) gets its answer while the client still writes, and the
                // connection closes: seen from the client, a broken pipe or a reset. A small request cannot be cut
                // off so; for it, a dropped connection is a failure. The rounds after a dropped one show that the
                // service is still up.
                if (!(e instanceof java.net.SocketException) || requestBytes <= READ_WHOLE_BYTES) {
                    throw e;
                }
                continue;
            }
            check(failures, round, described, response);
        }
        assertEquals(List.of(), failures, "seed " + SEED);
        assertEquals(catalogueBefore, catalogueSize(), "no mutated package was published");
        // Whatever got in was written whole: every stored result has its report and its audit entry.
        io.bilan.engine.cases.CaseFixturesAccess.assertConsistent(caseId);
    }

    private static void check(List<String> failures, int round, String described, Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            failures.add("round " + round + ": " + status + " for " + abbreviate(described) + " -> "
                    + abbreviate(response.asString()));
        }
        assertTrue(failures.size() < 20, () -> String.join("\n", failures));
    }

    private static int catalogueSize() {
        return given().get("/api/v1/instruments").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static String or(String chosen, String otherwise) {
        return chosen == null || chosen.isEmpty() ? otherwise : chosen;
    }

    /** A query or path value: empty, ordinary, numeric, huge, or made of characters that break parsers. */
    private static String word(Random random) {
        String[] words = {"", "fr", "en", "latest", "1.0.0", "0", "-1", "101", "7", "3", "health", "x".repeat(5000),
                "%00", "..%2F..", "\u202e\u0000", "null", "[]", "{}", "1e309", "NaN", "9999999999999999999", "é", "👩‍🔧"};
        return words[random.nextInt(words.length)];
    }

    /** One to five random edits of a text: cut, duplicate, insert a hostile fragment, change a character. */
    static String mutate(String text, Random random) {
        String[] fragments = {"{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1e309", "1e400", "NaN",
                "\"" + "a".repeat(100_000) + "\"", "[".repeat(2000), "{\"a\":".repeat(500), "\\u0000", "\\ud800",
                "\u0000", "\r\n", "\"answers\"", "{\"answers\": 5}", "99999999999999999999999", "-0", "0.5", "\t"};
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits; e++) {
            int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.delete(at, Math.min(mutated.length(), at + 1 + random.nextInt(20)));
                case 1 -> mutated.insert(at, fragments[random.nextInt(fragments.length)]);
                case 2 -> mutated.insert(at, mutated.substring(at, Math.min(mutated.length(), at + random.nextInt(40))));
                default -> {
                    if (mutated.length() > 0) {
                        mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
            }
        }
        return mutated.toString();
    }

    /** One to five random byte edits: flip, cut, or insert. */
    static byte[] mutate(byte[] bytes, Random random) {
        List<Byte> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && !list.isEmpty(); e++) {
            int at = random.nextInt(list.size());
            switch (random.nextInt(3)) {
                case 0 -> list.set(at, (byte) random.nextInt(256));
                case 1 -> list.subList(at, Math.min(list.size(), at + 1 + random.nextInt(200))).clear();
                default -> list.add(at, (byte) random.nextInt(256));
            }
        }
        byte[] mutated = new byte[list.size()];
        for (int i = 0; i < mutated.length; i++) {
            mutated[i] = list.get(i);
        }
        return mutated;
    }

    // Encoded here, so the client neither reads a value as a path template nor encodes it twice.
    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Adds a body to the size of the request this round sends. */
    private byte[] noted(byte[] body) {
        requestBytes += body.length;
        return body;
    }

    /** Adds a path or query value to the size of the request this round sends. */
    private String noted(String value) {
        requestBytes += value.getBytes(StandardCharsets.UTF_8).length;
        return value;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
