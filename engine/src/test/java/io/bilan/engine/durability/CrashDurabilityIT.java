package io.bilan.engine.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.EngineProcess;
import io.bilan.engine.postgres.PostgresProfile;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An answer 2xx means stored for good: the packaged engine is killed with SIGKILL in the middle of a concurrent
 * burst of writes (cases opened, sessions logged, administrations stored with an Idempotency-Key, syntheses
 * approved), started again on the same data, and every write it acknowledged is there, with the same id and the
 * same content; no id acknowledged for one case belongs to another, and none is given again after the restart.
 * Run on the embedded H2 database (a data folder in target/) and on PostgreSQL.
 */
class CrashDurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 12;
    private static final int APPROVALS = 4;
    /** The burst runs until this many administrations are acknowledged (or {@link #LONGEST}), then the approvals. */
    private static final int BEFORE_APPROVALS = 60;
    private static final Duration LONGEST = Duration.ofSeconds(30);
    /** New administrations and sessions stored after the restart, to see whether they take acknowledged ids. */
    private static final int AFTER_RESTART = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void nothingAcknowledgedIsLostOnTheEmbeddedDatabase() throws Exception {
        Path data = Path.of("target", "crash-durability", "h2-" + System.currentTimeMillis()).toAbsolutePath();
        crashAndCheck("H2", new EngineProcess(Map.of(
                "BILAN_DATA_DIR", data.toString(),
                "BILAN_CATALOG_FOLDERS", catalogue().toString())));
    }

    @Test
    void nothingAcknowledgedIsLostOnPostgres() throws Exception {
        PostgresProfile.requireReachable();
        crashAndCheck("PostgreSQL", new EngineProcess(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL,
                "QUARKUS_DATASOURCE_USERNAME", PostgresProfile.USER,
                "QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("BILAN_TEST_POSTGRES_PASSWORD", ""),
                "BILAN_CATALOG_FOLDERS", catalogue().toString())));
    }

    /** The two shipped instruments the burst uses, alone in a folder: the engine starts sooner with fewer. */
    private static Path catalogue() throws IOException {
        Path folder = Path.of("target", "crash-durability", "instruments").toAbsolutePath();
        for (String instrument : List.of("preliminary-interview", "riasec-interests")) {
            Path source = Path.of("../instruments", instrument);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = folder.resolve(instrument).resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return folder;
    }

    private void crashAndCheck(String database, EngineProcess engine) throws Exception {
        String admin = engine.createAdminKey();
        int port = freePort();
        Process service = engine.start(port);
        Api api = new Api(port);
        Acknowledged acknowledged = new Acknowledged();
        try {
            String counsellor = api.send(admin, "POST", "/api/v1/api-keys", "{\"name\": \"Crash counsellor\", "
                    + "\"roles\": [\"counsellor\"], \"centre\": \"crash-centre-" + UUID.randomUUID() + "\"}", null, 201)
                    .get("key").asText();
            acknowledged.counsellor = counsellor;
            List<Approval> approvals = new ArrayList<>();
            for (int i = 0; i < APPROVALS; i++) {
                approvals.add(submittedSynthesis(api, counsellor, "crash-approval-" + i));
            }
            burstThenKill(api, counsellor, approvals, acknowledged, service);
        } finally {
            service.destroyForcibly();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(acknowledged.administrations.size() >= 20 && acknowledged.sessions.size() >= 20,
                "the burst acknowledged too few writes before the kill to show anything: " + acknowledged.counts());

        int again = freePort();
        Process restarted = engine.start(again);
        try {
            check(database, new Api(again), acknowledged);
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Writers store as fast as they are answered; the approvals come last; the engine is killed right after. */
    private void burstThenKill(Api api, String counsellor, List<Approval> approvals, Acknowledged acknowledged,
            Process service) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(WRITERS);
        String administration = JSON.readTree(new File("../examples/bilan/preliminary-interview.json")).toString();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    write(api, counsellor, writer, administration, running, acknowledged);
                } finally {
                    done.countDown();
                }
            });
        }
        long deadline = System.nanoTime() + LONGEST.toNanos();
        while (acknowledged.administrations.size() < BEFORE_APPROVALS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        for (Approval approval : approvals) {
            try {
                JsonNode approved = api.send(approval.beneficiary, "POST", "/api/v1/cases/" + approval.caseId
                        + "/synthesis/approve", null, null, 200);
                acknowledged.approvals.add(new Approval(approval.caseId, approval.beneficiary,
                        approved.get("digest").asText()));
            } catch (IOException | RuntimeException notAcknowledged) {
                // not acknowledged: nothing promised
            }
        }
        Thread.sleep(100);
        // Process.destroyForcibly is SIGKILL on Linux and macOS: no shutdown hook, no database close.
        service.destroyForcibly();
        assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the killed engine did not die");
        running.set(false);
        assertTrue(done.await(30, TimeUnit.SECONDS), "writers still running after the kill");
        assertEquals(137, service.exitValue(), "the engine was not killed by SIGKILL");
    }

    private static void write(Api api, String counsellor, int writer, String administration, AtomicBoolean running,
            Acknowledged acknowledged) {
        String caseId = null;
        for (int i = 0; running.get(); i++) {
            try {
                if (i % 6 == 0) {
                    String beneficiary = "crash-" + writer + "-" + i;
                    JsonNode opened = api.send(counsellor, "POST", "/api/v1/cases", "{\"beneficiary\": \"" + beneficiary
                            + "\", \"contact\": {\"email\": \"b@example.org\"}}", null, 201);
                    caseId = opened.get("id").asText();
                    acknowledged.cases.add(new OpenedCase(caseId, beneficiary));
                }
                String activities = "crash session " + writer + "-" + i;
                int minutes = 10 + (i % 7);
                LocalDate date = LocalDate.of(2026, 9, 1).plusDays(i % 28);
                JsonNode session = api.send(counsellor, "POST", "/api/v1/cases/" + caseId + "/sessions", "{\"date\": \""
                        + date + "\", \"minutes\": " + minutes + ", \"activities\": \"" + activities + "\"}", null, 201);
                acknowledged.sessions.add(new Session(caseId, session.get("id").asLong(), date, minutes, activities));
                String key = UUID.randomUUID().toString();
                JsonNode stored = api.send(counsellor, "POST", "/api/v1/cases/" + caseId + "/administrations",
                        administration, key, 201);
                acknowledged.administrations.add(new Administration(caseId, stored.get("id").asLong(), key,
                        stored.get("report")));
            } catch (IOException | RuntimeException killed) {
                if (!running.get()) {
                    return;
                }
                acknowledged.refused.incrementAndGet();
                if (caseId == null) {
                    return;
                }
            }
        }
    }

    /** A case taken to its conclusion, its synthesis submitted to the beneficiary. */
    private static Approval submittedSynthesis(Api api, String counsellor, String beneficiary) throws Exception {
        String id = api.send(counsellor, "POST", "/api/v1/cases", "{\"beneficiary\": \"" + beneficiary
                + "\", \"contact\": {\"email\": \"b@example.org\"}}", null, 201).get("id").asText();
        String at = "/api/v1/cases/" + id;
        api.send(counsellor, "PUT", at + "/demand", "{\"demand\": \"Se reconvertir\"}", null, 200);
        api.send(counsellor, "PUT", at + "/fit-decision", "{\"decision\": \"fit\"}", null, 200);
        String key = api.send(counsellor, "POST", at + "/beneficiary-key", null, null, 201).get("key").asText();
        api.send(key, "POST", at + "/signatures", null, null, 200);
        api.send(counsellor, "POST", at + "/signatures", null, null, 200);
        api.send(counsellor, "POST", at + "/transitions", "{\"to\": \"investigation\"}", null, 200);
        api.send(key, "POST", at + "/administrations",
                JSON.readTree(new File("../examples/bilan/riasec-interests.json")).toString(), null, 201);
        api.send(counsellor, "POST", at + "/transitions", "{\"to\": \"conclusion\"}", null, 200);
        api.send(counsellor, "POST", at + "/synthesis?lang=fr", null, null, 200);
        api.send(counsellor, "POST", at + "/synthesis/submit", null, null, 200);
        api.send(counsellor, "POST", at + "/sessions",
                "{\"date\": \"2026-11-20\", \"minutes\": 60, \"activities\": \"Restitution\"}", null, 201);
        return new Approval(id, key, null);
    }

    /** Everything acknowledged is there as acknowledged; ids are neither shared between cases nor given again. */
    private static void check(String database, Api api, Acknowledged acknowledged) throws Exception {
        String counsellor = acknowledged.counsellor;
        // New writes after the restart: their ids must not be ids acknowledged before the crash.
        Map<Long, String> administrationCase = new HashMap<>();
        acknowledged.administrations.forEach(a -> administrationCase.put(a.id, a.caseId));
        Map<Long, String> sessionCase = new HashMap<>();
        acknowledged.sessions.forEach(s -> sessionCase.put(s.id, s.caseId));
        String administration = JSON.readTree(new File("../examples/bilan/preliminary-interview.json")).toString();
        List<String> reused = new ArrayList<>();
        List<OpenedCase> surviving = new ArrayList<>();
        for (OpenedCase opened : acknowledged.cases) {
            if (surviving.size() < 10 && api.get(counsellor, "/api/v1/cases/" + opened.id) != null) {
                surviving.add(opened);
            }
        }
        assertTrue(!surviving.isEmpty(), "not one acknowledged case is left after the restart");
        // As many new writes as could have taken the ids of lost ones.
        for (int i = 0; i < AFTER_RESTART; i++) {
            String caseId = surviving.get(i % surviving.size()).id;
            long newAdministration = api.send(counsellor, "POST", "/api/v1/cases/" + caseId + "/administrations",
                    administration, null, 201).get("id").asLong();
            long newSession = api.send(counsellor, "POST", "/api/v1/cases/" + caseId + "/sessions",
                    "{\"date\": \"2026-10-01\", \"minutes\": 1, \"activities\": \"after the restart\"}", null, 201)
                    .get("id").asLong();
            if (administrationCase.containsKey(newAdministration)) {
                reused.add("administration " + newAdministration + " (acknowledged for case "
                        + administrationCase.get(newAdministration) + ") given again to case " + caseId);
            }
            if (sessionCase.containsKey(newSession)) {
                reused.add("session " + newSession + " (acknowledged for case " + sessionCase.get(newSession)
                        + ") given again to case " + caseId);
            }
        }

        List<String> lost = new ArrayList<>();
        int lostCases = 0;
        for (OpenedCase opened : acknowledged.cases) {
            JsonNode found = api.get(counsellor, "/api/v1/cases/" + opened.id);
            if (found == null || !opened.beneficiary.equals(found.path("beneficiary").asText())) {
                lostCases++;
                lost.add("case " + opened.id);
            }
        }
        int lostSessions = 0;
        Map<String, JsonNode> sessionLists = new HashMap<>();
        for (Session session : acknowledged.sessions) {
            JsonNode list = sessionLists.computeIfAbsent(session.caseId,
                    id -> api.getUnchecked(counsellor, "/api/v1/cases/" + id + "/sessions"));
            boolean there = false;
            for (JsonNode stored : list == null ? JSON.createArrayNode() : list) {
                if (stored.get("id").asLong() == session.id) {
                    there = stored.get("minutes").asInt() == session.minutes
                            && stored.get("activities").asText().equals(session.activities)
                            && stored.get("date").asText().equals(session.date.toString());
                }
            }
            if (!there) {
                lostSessions++;
                lost.add("session " + session.id + " of case " + session.caseId);
            }
        }
        int lostAdministrations = 0;
        int replayed = 0;
        for (Administration stored : acknowledged.administrations) {
            JsonNode found = api.get(counsellor, "/api/v1/cases/" + stored.caseId + "/administrations/" + stored.id);
            if (found == null || !stored.report.equals(found.get("report"))) {
                lostAdministrations++;
                lost.add("administration " + stored.id + " of case " + stored.caseId);
            } else if (replayed < 10) {
                // A retry of an acknowledged request is answered with the same administration, nothing stored twice.
                JsonNode again = api.send(counsellor, "POST", "/api/v1/cases/" + stored.caseId + "/administrations",
                        administration, stored.key, 201);
                assertEquals(stored.id, again.get("id").asLong(), "a retry after the restart stored another administration");
                replayed++;
            }
        }
        int lostApprovals = 0;
        for (Approval approval : acknowledged.approvals) {
            JsonNode synthesis = api.get(counsellor, "/api/v1/cases/" + approval.caseId + "/synthesis");
            if (synthesis == null || !"approved".equals(synthesis.path("status").asText())
                    || !approval.digest.equals(synthesis.path("digest").asText())) {
                lostApprovals++;
                lost.add("approval of case " + approval.caseId + " (now "
                        + (synthesis == null ? "absent" : synthesis.path("status").asText()) + ")");
            }
        }
        // Every administration listed in a case is one acknowledged for that case, or one whose answer never came.
        List<String> misplaced = new ArrayList<>();
        for (OpenedCase opened : acknowledged.cases) {
            JsonNode list = api.get(counsellor, "/api/v1/cases/" + opened.id + "/administrations");
            for (JsonNode stored : list == null ? JSON.createArrayNode() : list) {
                String owner = administrationCase.get(stored.get("id").asLong());
                if (owner != null && !owner.equals(opened.id)) {
                    misplaced.add("administration " + stored.get("id").asLong() + " acknowledged for case " + owner
                            + " is in case " + opened.id);
                }
            }
        }
        String figures = database + ", lost after SIGKILL: " + lostCases + " of " + acknowledged.cases.size() + " cases, "
                + lostSessions + " of " + acknowledged.sessions.size() + " sessions, " + lostAdministrations + " of "
                + acknowledged.administrations.size() + " administrations, " + lostApprovals + " of "
                + acknowledged.approvals.size() + " approvals; ids given again: " + reused.size()
                + "; ids in another case: " + misplaced.size();
        System.out.println("[crash-durability] " + figures);
        assertTrue(lost.isEmpty() && reused.isEmpty() && misplaced.isEmpty(), figures + "\n"
                + String.join("\n", lost.stream().limit(20).toList()) + "\n" + String.join("\n", reused) + "\n"
                + String.join("\n", misplaced));
    }

    /** A port free now, so that runs of this test beside other tests do not collide. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record OpenedCase(String id, String beneficiary) {
    }

    private record Session(String caseId, long id, LocalDate date, int minutes, String activities) {
    }

    private record Administration(String caseId, long id, String key, JsonNode report) {
    }

    private record Approval(String caseId, String beneficiary, String digest) {
    }

    /** What the engine answered 2xx to, gathered by the writers. */
    private static final class Acknowledged {
        final Queue<OpenedCase> cases = new ConcurrentLinkedQueue<>();
        final Queue<Session> sessions = new ConcurrentLinkedQueue<>();
        final Queue<Administration> administrations = new ConcurrentLinkedQueue<>();
        final Queue<Approval> approvals = new ConcurrentLinkedQueue<>();
        final AtomicInteger refused = new AtomicInteger();
        volatile String counsellor;

        String counts() {
            return cases.size() + " cases, " + sessions.size() + " sessions, " + administrations.size()
                    + " administrations, " + approvals.size() + " approvals, " + refused.get() + " refused";
        }
    }

    /** The engine's API on one port, over plain HTTP. */
    private final class Api {
        private final int port;

        Api(int port) {
            this.port = port;
        }

        /** Sends a request; returns the JSON body when the status is {@code expected}, or throws. */
        JsonNode send(String key, String method, String path, String body, String idempotencyKey, int expected)
                throws IOException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }

        /** The JSON at {@code path}, or null when it answers 404. */
        JsonNode get(String key, String path) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 404) {
                    return null;
                }
                assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
                return JSON.readTree(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        JsonNode getUnchecked(String key, String path) {
            try {
                return get(key, path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
