package io.bilan.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.EngineProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bilan publish`, as an author runs it, against the packaged engine: published, then already published. */
class PublishCommandIT {

    private static final int PORT = 18084;

    private static String bilan(String key, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", new File("../bin/bilan").getAbsolutePath()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BILAN_API_KEY", key);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return process.exitValue() + " " + output;
    }

    @Test
    void anAuthorPublishesAPackageWithTheCommandLine(@TempDir Path work) throws Exception {
        EngineProcess engine = new EngineProcess(Map.of(
                "BILAN_DATA_DIR", work.resolve("data").toString(),
                "BILAN_CATALOG_FOLDERS", work.resolve("none").toString()));
        String admin = engine.createAdminKey();
        Process service = engine.start(PORT);
        try {
            String url = "http://127.0.0.1:" + PORT;
            String teamwork = new File("../examples/packages/teamwork-styles").getAbsolutePath();
            String first = bilan(admin, "publish", teamwork, "--to", url);
            assertTrue(first.startsWith("0 ") && first.contains("published teamwork-styles@1.0.0"), first);
            String again = bilan(admin, "publish", teamwork, "--to", url);
            assertTrue(again.startsWith("0 ") && again.contains("already published"), again);
            String refused = bilan("bilan_aaaaaaaaaaaaaaaa_" + "x".repeat(43), "publish", teamwork, "--to", url);
            assertEquals("1", refused.substring(0, 1), refused);
        } finally {
            service.destroy();
        }
    }
}
