package io.bilan.examples.pairedvalues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The scorer's table of pairs is the manifest's items, and it compares every two values exactly once. */
class PairTableTest {

    @Test
    void theScorersPairsAreTheManifestsItems() throws IOException {
        JsonNode items = new ObjectMapper().readTree(Path.of("work-values-pairs", "manifest.json").toFile()).get("items");
        List<String> manifest = StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.get("id").asText() + " " + item.get("options").get(0).get("value").asText()
                        + " " + item.get("options").get(1).get("value").asText())
                .toList();
        List<String> scorer = PairedValuesScorer.PAIRS.stream()
                .map(pair -> pair.item() + " " + pair.first().code() + " " + pair.second().code())
                .toList();
        assertEquals(manifest, scorer);
    }

    @Test
    void everyTwoValuesAreComparedOnce() {
        Set<Set<Object>> compared = new HashSet<>();
        PairedValuesScorer.PAIRS.forEach(pair -> compared.add(Set.of(pair.first(), pair.second())));
        int n = PairedValuesScorer.VALUES.size();
        assertEquals(n * (n - 1) / 2, compared.size());
        assertEquals(n * (n - 1) / 2, PairedValuesScorer.PAIRS.size());
    }
}
