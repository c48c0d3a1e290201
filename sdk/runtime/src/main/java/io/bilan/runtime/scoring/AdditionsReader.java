package io.bilan.runtime.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.vocabulary.Competence;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.schema.JsonSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks what a script or Java scorer returned, the same way for both: the additions schema, then every
 * text in every declared language, then the vocabulary of outcome targets.
 */
final class AdditionsReader {

    private static final JsonSchemas.CompiledSchema SCHEMA = JsonSchemas.bundled(JsonSchemas.SCORE_ADDITIONS);
    private static final java.util.Set<String> RIASEC = java.util.Set.of("R", "I", "A", "S", "E", "C");
    private static final java.util.Set<String> WORK_VALUES = java.util.Set.of("achievement", "working-conditions",
            "recognition", "relationships", "support", "independence");

    private static final java.util.regex.Pattern INTERPRETATION = java.util.regex.Pattern.compile("^/interpretation/\\d+$");

    private final ObjectMapper json;
    /** Resolved once: {@code treeToValue} looked the type's deserializer up on every call. */
    private final ObjectReader additionsReader;
    private final List<String> languages;
    private final String kind;

    AdditionsReader(ObjectMapper json, List<String> languages, String kind) {
        this.json = json;
        this.additionsReader = json.readerFor(ScoreAdditions.class);
        this.languages = languages;
        this.kind = kind;
    }

    ScoreAdditions read(JsonNode result) {
        return read(result, AdditionsAcceptance.accepts(result));
    }

    /**
     * {@code quicklyAccepted}: the result surely passes the schema, whose validator is then not asked, and is bound
     * by {@link AcceptedAdditions} rather than by Jackson.
     */
    ScoreAdditions read(JsonNode result, boolean quicklyAccepted) {
        List<String> problems = quicklyAccepted ? new ArrayList<>() : schemaProblems(result);
        if (problems.isEmpty()) {
            checkTexts(result, "", problems);
            checkOutcomes(result.path("outcomes"), problems);
        }
        if (!problems.isEmpty()) {
            throw new ScoringException(ValidationCode.invalidResult(kind),
                    "the " + kind + " returned an invalid result: " + String.join("; ", problems));
        }
        if (quicklyAccepted) {
            return AcceptedAdditions.bind(result, json);
        }
        try {
            return additionsReader.readValue(result);
        } catch (Exception e) {
            throw new ScoringException(ValidationCode.invalidResult(kind),
                    "the " + kind + " returned an invalid result: " + e.getMessage(), e);
        }
    }

    /** What the additions schema says of {@code result}: one line per violation, with its JSON Pointer. */
    static List<String> schemaProblems(JsonNode result) {
        List<String> problems = new ArrayList<>();
        for (JsonSchemas.Violation violation : SCHEMA.validate(result)) {
            problems.add(violation.pointer() + ": " + violation.message());
        }
        return problems;
    }

    ScoreAdditions read(ScoreAdditions additions) {
        return read(json.valueToTree(additions));
    }

    private void checkTexts(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            if (pointer.startsWith("/results")) {
                return;
            }
            if (isText(pointer)) {
                for (String language : languages) {
                    if (!node.has(language)) {
                        problems.add(pointer + ": the text has no \"" + language + "\" version");
                    }
                }
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                checkTexts(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"),
                        problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTexts(node.get(i), pointer + "/" + i, problems);
            }
        }
    }

    /** Texts sit at label, text and message properties, and are the elements of interpretation. */
    private static boolean isText(String pointer) {
        return pointer.endsWith("/label") || pointer.endsWith("/text") || pointer.endsWith("/message")
                || INTERPRETATION.matcher(pointer).matches();
    }

    private static void checkOutcomes(JsonNode outcomes, List<String> problems) {
        for (int i = 0; i < outcomes.size(); i++) {
            JsonNode outcome = outcomes.get(i);
            String type = outcome.path("type").asText();
            String target = outcome.path("target").asText();
            boolean valid = switch (type) {
                case "interest" -> RIASEC.contains(target);
                case "work-value" -> WORK_VALUES.contains(target);
                default -> Competence.isCitable(target);
            };
            if (!valid) {
                problems.add("/outcomes/" + i + "/target: \"" + target + "\" is not a valid " + type + " target"
                        + ("competence".equals(type) ? " (a competence id of the built-in framework or an ESCO skill URI)" : ""));
            }
        }
    }
}
