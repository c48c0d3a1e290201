package io.bilan.runtime.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.ScoringInput;
import io.bilan.runtime.script.CompiledScript;
import io.bilan.runtime.script.ScriptException;
import java.util.List;
import java.util.Locale;

/** Runs a package's {@code scoring.js} in the sandbox; input and output cross as JSON text. */
public final class ScriptExtension implements ScoringExtension {

    private final CompiledScript script;
    private final ObjectMapper json;
    private final AdditionsReader reader;

    public ScriptExtension(CompiledScript script, ObjectMapper json, List<String> languages) {
        this.script = script;
        this.json = json;
        this.reader = new AdditionsReader(json, languages, "script");
    }

    @Override
    public String kind() {
        return "script";
    }

    @Override
    public ScoreAdditions score(ScoringInput input) {
        String output;
        try {
            output = script.call(json.writeValueAsString(toJson(input)));
        } catch (ScriptException e) {
            String code = switch (e.kind()) {
                case COMPILE, RUNTIME -> "script-error";
                case INVALID_RESULT -> "invalid-script-result";
                default -> "script-" + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
            };
            throw new ScoringException(code, e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score input is always serialisable", e);
        }
        JsonNode result;
        try {
            result = json.readTree(output);
        } catch (JsonProcessingException e) {
            throw new ScoringException("invalid-script-result", "the script returned invalid JSON", e);
        }
        return reader.read(result);
    }

    private JsonNode toJson(ScoringInput input) {
        ObjectNode node = json.createObjectNode();
        node.putObject("instrument").put("id", input.instrumentId()).put("version", input.version());
        node.set("answers", json.valueToTree(input.answers()));
        node.set("scales", json.valueToTree(input.scales()));
        if (input.durationSeconds() != null) {
            node.put("durationSeconds", input.durationSeconds());
        }
        return node;
    }
}
