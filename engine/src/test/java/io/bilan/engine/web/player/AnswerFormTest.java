package io.bilan.engine.web.player;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.runtime.BilanRuntime;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The player's form read into a response set's answers, for every item type. */
class AnswerFormTest {

    private static final ObjectMapper JSON = BilanRuntime.newObjectMapper();

    private static InstrumentManifest manifest() throws Exception {
        return JSON.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(Path.of("src/test/resources/packages/every-item-type/manifest.json").toFile(),
                InstrumentManifest.class);
    }

    @Test
    void everyItemTypeIsReadFromItsFields() throws Exception {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("_csrf", List.of("token"));
        form.put("a:lik", List.of("3"));
        form.put("a:one", List.of("b"));
        form.put("a:many", List.of("a", "c"));
        form.put("a:rank:rank:0", List.of("2"));
        form.put("a:rank:rank:1", List.of("3"));
        form.put("a:rank:rank:2", List.of("1"));
        form.put("a:block:most", List.of("q"));
        form.put("a:block:least", List.of("r"));
        form.put("a:num", List.of("12"));
        form.put("a:words", List.of(" Des listes "));
        form.put("a:jobs:count", List.of("2"));
        form.put("a:jobs:0:title", List.of("Libraire"));
        form.put("a:jobs:0:years", List.of("4,5"));
        form.put("a:jobs:0:paid", List.of("true"));
        form.put("a:jobs:0:competences", List.of("teamwork", "empathy"));
        form.put("a:jobs:1:title", List.of(""));
        form.put("a:quiz", List.of("four"));
        var answers = AnswerForm.read(manifest(), form);
        assertEquals(JSON.readTree("""
                {"lik": 3, "one": "b", "many": ["a", "c"], "rank": ["z", "x", "y"],
                 "block": {"most": "q", "least": "r"}, "num": 12, "words": " Des listes ",
                 "jobs": [{"title": "Libraire", "years": 4.5, "paid": true, "competences": ["teamwork", "empathy"]}, {}],
                 "quiz": "four"}"""), answers);
        assertEquals(1, AnswerForm.withoutBlankEntries(manifest(), answers).get("jobs").size());
    }

    @Test
    void whatCannotBeReadIsKeptAsTypedForTheSchemaToNameAndBlanksAreLeftOut() throws Exception {
        Map<String, List<String>> form = Map.of("a:num", List.of("douze"), "a:lik", List.of(" "),
                "a:rank:rank:0", List.of(""));
        assertEquals(JSON.readTree("{\"num\": \"douze\"}"), AnswerForm.read(manifest(), form));
    }
}
