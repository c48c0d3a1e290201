package io.bilan.runtime.script;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.util.function.Function;

/**
 * The shared vocabularies as the JSON a script sees, deep-frozen, as the global {@code vocabulary}: the labels of
 * the RIASEC areas, work values, competences and their clusters, and the bilan's phases, in French and English,
 * written from the Java enums so a script never keeps a copy that could drift. Every table is an object keyed by
 * id whose keys come in the enum's order (hexagon order, O*NET order, the framework's order), which scripts use
 * as a tie rule.
 */
final class ScriptVocabulary {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The vocabulary object as JSON text, the same for every script and every call. */
    static final String JSON_TEXT = build().toString();

    private ScriptVocabulary() {
    }

    private static ObjectNode build() {
        ObjectNode vocabulary = JSON.createObjectNode();
        ObjectNode riasec = vocabulary.putObject("riasec");
        for (RiasecArea area : RiasecArea.values()) {
            ObjectNode entry = riasec.putObject(area.letter());
            entry.put("letter", area.letter()).put("name", area.toString());
            labels(entry, "label", area::label);
        }
        ObjectNode workValues = vocabulary.putObject("workValues");
        for (WorkValue value : WorkValue.values()) {
            ObjectNode entry = workValues.putObject(value.code());
            entry.put("id", value.code()).put("onetName", value.onetName());
            labels(entry, "label", value::label);
        }
        ObjectNode clusters = vocabulary.putObject("competenceClusters");
        for (Competence.Cluster cluster : Competence.Cluster.values()) {
            ObjectNode entry = clusters.putObject(cluster.id());
            entry.put("id", cluster.id());
            labels(entry, "label", cluster::label);
        }
        ObjectNode competences = vocabulary.putObject("competences");
        for (Competence competence : Competence.values()) {
            ObjectNode entry = competences.putObject(competence.id());
            entry.put("id", competence.id()).put("cluster", competence.cluster().id());
            labels(entry, "label", competence::label);
            labels(entry, "description", competence::description);
            entry.put("escoUri", competence.escoUri().orElse(null));
        }
        ObjectNode phases = vocabulary.putObject("phases");
        for (BilanPhase phase : BilanPhase.values()) {
            ObjectNode entry = phases.putObject(phase.code());
            entry.put("id", phase.code());
            labels(entry, "label", phase::label);
        }
        return vocabulary;
    }

    private static void labels(ObjectNode entry, String field, Function<String, String> text) {
        entry.putObject(field).put("fr", text.apply("fr")).put("en", text.apply("en"));
    }
}
