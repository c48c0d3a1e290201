package io.bilan.runtime.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.Scale;
import io.bilan.api.report.ScaleScore;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.ScoringInput;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.script.CompiledScript;
import io.bilan.runtime.script.InputLayout;
import io.bilan.runtime.script.ScriptFile;
import io.bilan.runtime.script.ScriptException;
import io.bilan.runtime.script.ScriptSandbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a package's {@code scoring.js} in the sandbox. The input crosses in the instrument's {@link InputLayout}
 * (answers and scale fields as plain values, nested ones as JSON), which the sandbox unpacks, so the script sees
 * {@code {"instrument", "answers", "scales", "durationSeconds"}} as documented; the result comes back as JSON.
 */
public final class ScriptExtension implements ScoringExtension {

    /** The fields of a scale in the script's input, in the order they are passed. */
    private static final List<String> SCALE_FIELDS = List.of(
            "raw", "mean", "answered", "items", "min", "max", "prorated", "status", "norm", "band");

    private final CompiledScript script;
    private final ObjectMapper json;
    private final AdditionsReader reader;
    private final InstrumentManifest manifest;
    private final List<Item> items;
    private final String instrumentJson;

    private ScriptExtension(CompiledScript script, ObjectMapper json, InstrumentManifest manifest) {
        this.script = script;
        this.json = json;
        this.reader = new AdditionsReader(json, manifest.languages(), "script");
        this.manifest = manifest;
        this.items = manifest.items();
        try {
            // In the documented order, id then version, as a script that lists the instrument's members sees it: a
            // Map.of's order changes from one start of the JVM to the next.
            Map<String, String> instrument = new LinkedHashMap<>();
            instrument.put("id", manifest.id());
            instrument.put("version", manifest.version());
            this.instrumentJson = json.writeValueAsString(instrument);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings are always serialisable", e);
        }
    }

    /** Compiles {@code source}, the package's script, for {@code manifest}'s instrument. */
    public static ScriptExtension compile(ScriptSandbox sandbox, String name, String source,
            InstrumentManifest manifest, ObjectMapper json) throws ScriptException {
        return compile(sandbox, List.of(), name, source, manifest, json);
    }

    /** Compiles {@code source}, the package's script, preceded by its included files. */
    public static ScriptExtension compile(ScriptSandbox sandbox, List<ScriptFile> includes, String name,
            String source, InstrumentManifest manifest, ObjectMapper json) throws ScriptException {
        InputLayout layout = new InputLayout(
                manifest.items().stream().map(Item::id).toList(),
                manifest.items().stream().filter(item -> !isPlain(item)).map(Item::id).collect(Collectors.toSet()),
                manifest.scales().stream().map(Scale::id).toList(),
                SCALE_FIELDS, Set.of("norm"));
        return new ScriptExtension(sandbox.compile(includes, name, source, layout), json, manifest);
    }

    /** Items whose answers are numbers or strings cross to the script as they are; the others as JSON. */
    private static boolean isPlain(Item item) {
        return switch (item) {
            case Item.Likert i -> true;
            case Item.Numeric i -> true;
            case Item.SingleChoice i -> true;
            case Item.Knowledge i -> true;
            case Item.FreeText i -> true;
            default -> false;
        };
    }

    /** See {@link CompiledScript#runsQuickly()}. */
    @Override
    public boolean runsQuickly() {
        return script.runsQuickly();
    }

    /** See {@link CompiledScript#giveFirstCallTheLoadTimeLimit()}. */
    public void giveFirstCallTheLoadTimeLimit() {
        script.giveFirstCallTheLoadTimeLimit();
    }

    @Override
    public String kind() {
        return "script";
    }

    @Override
    public ScoreAdditions score(ScoringInput input) {
        String output;
        try {
            output = script.call(metaJson(input), values(input));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers that passed validation are always serialisable", e);
        } catch (ScriptException e) {
            ValidationCode code = switch (e.kind()) {
                case COMPILE, RUNTIME -> ValidationCode.SCRIPT_ERROR;
                case INVALID_RESULT -> ValidationCode.INVALID_SCRIPT_RESULT;
                case TIME_LIMIT -> ValidationCode.SCRIPT_TIME_LIMIT;
                case STATEMENT_LIMIT -> ValidationCode.SCRIPT_STATEMENT_LIMIT;
                case MEMORY_LIMIT -> ValidationCode.SCRIPT_MEMORY_LIMIT;
                case STACK_OVERFLOW -> ValidationCode.SCRIPT_STACK_OVERFLOW;
                case BUSY -> ValidationCode.SCRIPT_BUSY;
            };
            throw new ScoringException(code, e.getMessage(), e);
        }
        JsonNode result;
        try {
            result = json.readTree(output);
        } catch (JsonProcessingException e) {
            throw new ScoringException(ValidationCode.INVALID_SCRIPT_RESULT, "the script returned invalid JSON", e);
        }
        return reader.read(result);
    }

    /** The input as the layout passes it: the instrument and duration as JSON, then answers and scale fields. */
    private String metaJson(ScoringInput input) {
        return "{\"instrument\":" + instrumentJson
                + (input.durationSeconds() == null ? "" : ",\"durationSeconds\":" + input.durationSeconds()) + "}";
    }

    private Object[] values(ScoringInput input) throws JsonProcessingException {
        Object[] values = new Object[items.size() + manifest.scales().size() * SCALE_FIELDS.size()];
        int k = 0;
        Map<String, Object> answers = input.answers();
        for (Item item : items) {
            Object answer = answers.get(item.id());
            values[k++] = answer == null || isPlain(item) ? answer : json.writeValueAsString(answer);
        }
        for (Scale scale : manifest.scales()) {
            ScaleScore s = input.scales().get(scale.id());
            values[k++] = s.raw();
            values[k++] = s.mean();
            values[k++] = s.answered();
            values[k++] = s.items();
            values[k++] = s.min();
            values[k++] = s.max();
            values[k++] = s.prorated();
            values[k++] = s.status().code();
            values[k++] = s.norm() == null ? null : json.writeValueAsString(s.norm());
            values[k++] = s.band();
        }
        return values;
    }
}
