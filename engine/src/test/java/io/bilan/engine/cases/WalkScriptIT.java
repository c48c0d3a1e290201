package io.bilan.engine.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.engine.EngineProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example script of the README walks a whole bilan against the packaged engine on its embedded database. */
class WalkScriptIT {

    private static final int PORT = 18083;

    @Test
    void theExampleWalksAWholeBilan(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(EngineProcess.onPath("curl"), "the example script needs curl, which this machine lacks");
        EngineProcess engine = new EngineProcess(Map.of(
                "BILAN_DATA_DIR", work.resolve("data").toString(),
                "BILAN_CATALOG_FOLDERS", new File("../instruments").getAbsolutePath()));
        String admin = engine.createAdminKey();
        Process service = engine.start(PORT);
        try {
            ProcessBuilder walk = new ProcessBuilder("sh", new File("../examples/bilan/walk.sh").getAbsolutePath(),
                    "http://127.0.0.1:" + PORT, work.toString()).redirectErrorStream(true);
            walk.environment().put("BILAN_API_KEY", admin);
            Process script = walk.start();
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(script.waitFor(120, TimeUnit.SECONDS), output);
            assertEquals(0, script.exitValue(), output);
            assertTrue(output.contains("synthesis approved by the beneficiary") && output.contains("sha256:"), output);
            assertTrue(output.lines().anyMatch(line -> line.matches("phase\\s+closed")), output);
            byte[] pdf = Files.readAllBytes(work.resolve("synthesis.pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            // The beneficiary's own copy: their name, the centre's identity and the counsellor's signature block.
            String html = Files.readString(work.resolve("synthesis.html"));
            assertTrue(html.contains("Bérénice Martin") && !html.contains("B-2026-0142"), html);
            assertTrue(html.contains("Centre de bilan Horizons (démonstration)") && html.contains("84 69 00000 69"), html);
            assertTrue(html.contains("<strong>Camille Roux</strong><br>\nConseillère en bilan de compétences"), html);
        } finally {
            service.destroy();
        }
    }
}
