package io.bilan.runtime.psychometrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.ValidationReport;
import io.bilan.runtime.scoring.ScoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormBuilderTest {

    private static final LocalizedText ADULTS = LocalizedText.of("fr", "Adultes", "en", "Adults");

    /**
     * Scores 10, 12, 12, 14, 17: mean 13, SD sqrt((9 + 1 + 1 + 1 + 16)/4) = sqrt(7).
     * 12: below 1, equal 2, percentile (1 + 1)/5 = 40; z = −1/sqrt(7) = −0.378, T 46.2, stanine
     * floor(−0.256) + 5 = 4, sten floor(−0.756) + 6 = 5.
     */
    @Test
    void rowsFollowTheDefinitions() {
        NormTable table = NormBuilder.build("adults", ADULTS, "2025", "E", NormTable.Basis.RAW,
                new double[] {12, 17, 10, 12, 14, Double.NaN});

        assertEquals(5, table.sampleSize());
        List<NormTable.Row> rows = table.scales().get("E").rows();
        assertEquals(List.of(10.0, 12.0, 14.0, 17.0), rows.stream().map(NormTable.Row::score).toList());
        assertEquals(new NormTable.Row(12, 40, 46.2, 4, 5), rows.get(1));
        // 10: z = −3/sqrt(7) = −1.134: percentile 10, T 38.7, stanine floor(−1.77) + 5 = 3, sten 3.
        assertEquals(new NormTable.Row(10, 10, 38.7, 3, 3), rows.get(0));
        // 17: z = 4/sqrt(7) = 1.512: percentile 90, T 65.1, stanine floor(3.52) + 5 = 8, sten floor(3.02) + 6 = 9.
        assertEquals(new NormTable.Row(17, 90, 65.1, 8, 9), rows.get(3));
    }

    @Test
    void stanineAndStenCutPoints() {
        assertEquals(List.of(1, 1, 2, 4, 5, 5, 6, 9, 9), List.of(-3.0, -1.76, -1.75, -0.5, -0.25, 0.0, 0.25, 1.75, 4.0)
                .stream().map(NormBuilder::stanine).toList());
        assertEquals(List.of(1, 1, 2, 5, 6, 6, 10, 10), List.of(-3.0, -2.01, -2.0, -0.01, 0.0, 0.49, 2.0, 5.0)
                .stream().map(NormBuilder::sten).toList());
    }

    @Test
    void aSampleWithoutSpreadHasNoNorms() {
        assertThrows(IllegalArgumentException.class,
                () -> NormBuilder.build("x", ADULTS, null, "E", NormTable.Basis.RAW, new double[] {3, 3, 3}));
    }

    @Test
    void aBuiltTableAddedToAManifestValidatesAndConvertsScores(@TempDir Path dir) throws Exception {
        ObjectMapper json = TestPackages.runtime().json();
        NormTable table = NormBuilder.build("adults", ADULTS, "2025", "A", NormTable.Basis.MEAN,
                new double[] {2, 2.5, 3, 3, 3.5, 4, 4.5, 1.5});
        ObjectNode manifest = (ObjectNode) json.readTree(TestPackages.path("psychometrics").resolve("manifest.json").toFile());
        manifest.putArray("norms").add(json.valueToTree(table));
        Files.writeString(dir.resolve("manifest.json"), json.writeValueAsString(manifest));

        var source = TestPackages.runtime().read(dir);
        ValidationReport report = TestPackages.runtime().validate(source);
        assertTrue(report.valid(), report.toString());
        Instrument instrument = TestPackages.runtime().load(source);
        // A mean of (4 + (6 − 2) + 3 + 3)/4 = 3.5. The sample: mean 3, squared deviations summing to 7, SD 1;
        // below 3.5 five scores, equal one: percentile 5.5/8 = 68.75, rounded 68.8; z 0.5, T 55.
        ScoreReport scored = instrument.score(json.readTree("{\"answers\": {\"a1\": 4, \"a2\": 2, \"a3\": 3, \"a4\": 3}}"),
                ScoreOptions.in("en"));
        assertEquals(68.8, scored.scales().get("A").norm().percentile());
        assertEquals(55.0, scored.scales().get("A").norm().t());
    }
}
