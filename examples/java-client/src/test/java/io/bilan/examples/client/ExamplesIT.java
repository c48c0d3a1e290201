package io.bilan.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.client.api.ApiKeysApi;
import io.bilan.client.model.InstrumentDefinition;
import io.bilan.client.model.InstrumentSummary;
import io.bilan.client.model.KeyRequest;
import io.bilan.client.model.NewKey;
import io.bilan.client.model.ResponseSet;
import io.bilan.client.model.ScoreReport;
import io.bilan.cli.BilanCommand;
import io.bilan.engine.EngineProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples as their README tells to use them, against the packaged engine: the Java scorer's jar in
 * the engine's plugins folder and in {@code bilan --plugins}, its package published with
 * {@code bilan publish}, then scored by the Java client and the shell client, as is the JavaScript example; the Java
 * client, generated from the engine's document, also lists, reads a definition, scores a batch and walks a case to
 * its synthesis PDF.
 */
class ExamplesIT {

    private static final int PORT = 18085;
    private static final Path EXAMPLES = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAIRS = EXAMPLES.resolve("java-scorer/work-values-pairs");

    @Test
    void theJavaScorerIsDeployedPublishedAndScoredByBothClients(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Path scorerJar = Path.of(System.getProperty("bilan.examples.scorer-jar"));
        assertTrue(Files.isRegularFile(scorerJar), scorerJar + " is built by examples/java-scorer, before this module");
        Files.copy(scorerJar, plugins.resolve(scorerJar.getFileName()));

        // The researcher's command line finds the scorer in the jar, and only there.
        assertEquals(0, bilan("test", "--plugins", plugins.toString(), PAIRS.toString()).exit());
        Cli without = bilan("validate", "--plugins", Files.createDirectory(work.resolve("none")).toString(), PAIRS.toString());
        assertEquals(1, without.exit(), without.output());
        assertTrue(without.output().contains("unknown-scorer"), without.output());
        Path scores = work.resolve("scores.csv");
        assertEquals(0, bilan("score", "--plugins", plugins.toString(), PAIRS.toString(),
                EXAMPLES.resolve("java-scorer/responses.csv").toString(), "-o", scores.toString()).exit());
        List<String> rows = Files.readAllLines(scores);
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(2).startsWith("2,demo-02,3,,3,,3,,2,,2,,2,,0,,8,inconsistent-choices"), rows.get(2));

        EngineProcess engine = new EngineProcess(Map.of(
                "BILAN_DATA_DIR", work.resolve("data").toString(),
                "BILAN_PLUGINS_FOLDER", plugins.toString(),
                "BILAN_CATALOG_FOLDERS", EXAMPLES.resolve("packages").toString()));
        String admin = engine.createAdminKey();
        Process service = engine.start(PORT);
        try {
            String url = "http://127.0.0.1:" + PORT;
            Cli published = bilan("publish", "--plugins", plugins.toString(), PAIRS.toString(), "--to", url, "--key", admin);
            assertEquals(0, published.exit(), published.output());

            javaClient(url, admin, work);
            shellClient(url, admin, work);
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void javaClient(String url, String admin, Path work) throws Exception {
        ScoringClient client = new ScoringClient(URI.create(url), admin);
        ResponseSet responses = ScoringClient.readResponses(EXAMPLES.resolve("java-scorer/responses.json"));

        List<String> listed = client.instruments("fr").stream().map(InstrumentSummary::getId).toList();
        assertTrue(listed.containsAll(List.of("teamwork-styles", "work-values-pairs")), listed.toString());
        InstrumentDefinition definition = client.definition("teamwork-styles", "latest", "en");
        assertEquals("teamwork-styles", definition.getId());
        assertEquals("en", definition.getLanguage());
        assertTrue(definition.getDigest().startsWith("sha256:"), definition.getDigest());

        ScoreReport pairs = client.score("work-values-pairs", "latest", responses, "fr");
        assertEquals("work-values-pairs@1.0.0", pairs.getInstrument());
        assertEquals(5.0, pairs.getScales().get("achievement").getRaw());
        assertEquals("Réussite", pairs.getScales().get("achievement").getLabel());
        assertEquals(0.0, pairs.getScales().get("working-conditions").getRaw());
        assertEquals(1.0, pairs.getScales().get("consistency").getRaw());
        assertEquals(List.of("achievement", "independence", "relationships", "support", "recognition",
                "working-conditions"), pairs.getResults().get("ranking"));
        assertEquals(List.of("Ce que vous avez le plus souvent choisi : réussite."), pairs.getInterpretation());

        ScoreReport teamwork = client.score("teamwork-styles", "1.0.0",
                ScoringClient.readResponses(EXAMPLES.resolve("responses/teamwork-styles.json")), "en");
        assertEquals("demo-01", teamwork.getRespondent());
        assertEquals(List.of("coordinating", "supporting", "challenging", "delivering"),
                List.copyOf(teamwork.getScales().keySet()));

        Path batch = client.scoreBatch("work-values-pairs", "1.0.0", EXAMPLES.resolve("java-scorer/responses.csv"),
                work.resolve("batch-results.csv"));
        List<String> rows = Files.readAllLines(batch);
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(3).startsWith("3,demo-03,2,"), rows.toString());

        Map<String, Object> outside = new HashMap<>(responses.getAnswers());
        outside.put("p01", "support");
        ScoringProblem refused = assertThrows(ScoringProblem.class, () -> client.score("work-values-pairs", "1.0.0",
                new ResponseSet().respondent("demo-01").answers(outside), "en"));
        assertEquals(400, refused.status(), refused.getMessage());
        assertEquals("/answers/p01", refused.errors().getFirst().pointer(), refused.getMessage());

        ScoringProblem badKey = assertThrows(ScoringProblem.class,
                () -> new ScoringClient(URI.create(url), "bilan_nope_nope").score("work-values-pairs", "1.0.0", responses, "en"));
        assertEquals(401, badKey.status());

        // A counsellor of a centre walks a case to its synthesis PDF.
        NewKey counsellor = new ApiKeysApi(client.api()).createApiKey(new KeyRequest().name("Camille Roux")
                .roles(List.of("counsellor")).centre("cibc-lyon"), null);
        CaseWalk.Walked walked = new CaseWalk(URI.create(url), counsellor.getKey()).walk("B-2026-0142",
                "teamwork-styles", ScoringClient.readResponses(EXAMPLES.resolve("responses/teamwork-styles.json")),
                work.resolve("synthesis.pdf"));
        assertEquals("preliminary", walked.opened().getPhase().getValue());
        assertEquals("teamwork-styles", walked.administration().getInstrument());
        assertEquals("conclusion", walked.concluded().getPhase().getValue());
        // The trail, read five entries at a time, is whole and in order.
        assertEquals("case-opened", walked.trail().getFirst().getAction());
        org.junit.jupiter.api.Assertions.assertTrue(walked.trail().size() > 5, walked.trail().toString());
        byte[] pdf = Files.readAllBytes(walked.pdf());
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
    }

    private static void shellClient(String url, String admin, Path work) throws Exception {
        Assumptions.assumeTrue(EngineProcess.onPath("curl"), "the shell client needs curl, which this machine lacks");
        Shell one = shell(url, admin, "work-values-pairs", "latest", EXAMPLES.resolve("java-scorer/responses.json").toString());
        assertEquals(0, one.exit(), one.errors());
        assertTrue(one.output().contains("\"circularTriads\":0") && one.output().contains("\"respondent\":\"demo-01\""),
                one.output());

        Shell batch = shell(url, admin, "--batch", "work-values-pairs", "1.0.0",
                EXAMPLES.resolve("java-scorer/responses.csv").toString());
        assertEquals(0, batch.exit(), batch.errors());
        List<String> lines = batch.output().lines().toList();
        assertEquals(4, lines.size(), batch.output());
        assertTrue(lines.get(3).startsWith("3,demo-03,2,"), batch.output());

        Path wrong = work.resolve("wrong.json");
        Files.writeString(wrong, "{\"answers\": {\"p01\": \"support\"}}");
        Shell refused = shell(url, admin, "work-values-pairs", "1.0.0", wrong.toString());
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.errors().contains("HTTP 400") && refused.errors().contains("/answers/p01"), refused.errors());
    }

    private record Cli(int exit, String output) {
    }

    private static Cli bilan(String... arguments) {
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output, true);
        int exit = BilanCommand.commandLine().setOut(writer).setErr(writer).execute(arguments);
        return new Cli(exit, output.toString());
    }

    private record Shell(int exit, String output, String errors) {
    }

    private static Shell shell(String url, String key, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", EXAMPLES.resolve("shell-client/score.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BILAN_URL", url);
        builder.environment().put("BILAN_API_KEY", key);
        Process process = builder.start();
        // Standard error is small (one problem); reading standard output first cannot block on it.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "score.sh did not finish");
        return new Shell(process.exitValue(), output, errors);
    }
}
