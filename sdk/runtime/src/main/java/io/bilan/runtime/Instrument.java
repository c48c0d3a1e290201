package io.bilan.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.report.Problem;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.response.ResponseSet;
import io.bilan.runtime.response.PlainResponseReader;
import io.bilan.runtime.response.ResponseValidator;
import io.bilan.runtime.schema.LocalizedTexts;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.NumericRowScorer;
import io.bilan.runtime.scoring.PlainValues;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.scoring.ScoringPlan;
import io.bilan.runtime.script.ScriptSandbox;
import io.bilan.runtime.source.PackageSource;
import java.util.List;
import java.util.Map;

/**
 * A loaded, valid instrument: immutable and thread-safe. Its response schema, scales and script are
 * compiled once; {@link #score} validates a response set and scores it.
 */
public final class Instrument {

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> ANSWERS =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    private final InstrumentManifest manifest;
    private final PackageSource source;
    private final String digest;
    private final ResponseValidator responses;
    private final ScoringPlan plan;
    private final ObjectMapper json;
    /**
     * Reads plain bodies into the scales' answers; null when a script or Java scorer reads the answers too, or when
     * some answers are made of parts.
     */
    private final PlainResponseReader plain;
    private volatile JsonNode manifestDocument;

    Instrument(InstrumentManifest manifest, PackageSource source, String digest, ResponseValidator responses,
            ScoringPlan plan, ObjectMapper json) {
        this.manifest = manifest;
        this.source = source;
        this.digest = digest;
        this.responses = responses;
        this.plan = plan;
        this.json = json;
        this.plain = plan.readsAnswersByIndexOnly()
                ? responses.plainReader(plan::answerIndex, plan.answerCount(), json.getFactory()) : null;
    }

    public InstrumentManifest manifest() {
        return manifest;
    }

    /** The package files the instrument was loaded from. */
    public PackageSource source() {
        return source;
    }

    /** {@code sha256:<hex>} of the package, carried by every report. */
    public String digest() {
        return digest;
    }

    /** {@code id@version}. */
    public String coordinates() {
        return manifest.coordinates();
    }

    /**
     * The manifest as one person reads it: every text in {@code language} (else English, else the first
     * declared language), everything else as published.
     */
    public JsonNode definition(String language) {
        JsonNode document = manifestDocument;
        if (document == null) {
            try {
                document = json.readTree(source.file(PackageSource.MANIFEST).orElseThrow());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the manifest was read once already", e);
            }
            // Read once; localize() copies, so callers never see or change this tree.
            document = withCompetenceOptions(document);
            manifestDocument = document;
        }
        return LocalizedTexts.localize(document, language);
    }

    /**
     * Competences fields name no options in the manifest: a client shows the framework's, so the definition
     * lists them like those of a choices field.
     */
    private static JsonNode withCompetenceOptions(JsonNode document) {
        for (JsonNode item : document.path("items")) {
            for (JsonNode field : item.path("fields")) {
                if (field instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                        && "competences".equals(field.path("type").asText())) {
                    var options = object.putArray("options");
                    for (Competence competence : Competence.values()) {
                        var option = options.addObject().put("value", competence.id());
                        option.putObject("label").put("fr", competence.label("fr")).put("en", competence.label("en"));
                    }
                }
            }
        }
        return document;
    }

    /** The language a report or definition is given in when {@code requested} is asked for. */
    public String language(String requested) {
        return plan.reportLanguage(requested);
    }

    /** The JSON Schema (draft 2020-12) of this instrument's response sets. */
    public JsonNode responseSchema() {
        return responses.schema();
    }

    /** Every problem of a response set given as JSON; empty when it can be scored. */
    public List<Problem> validate(JsonNode responseSet) {
        return responses.validate(responseSet);
    }

    /**
     * Validates and scores a response set given as JSON.
     *
     * @throws InvalidResponseException      with every problem when the response set does not fit
     * @throws io.bilan.runtime.scoring.ScoringException when the script or Java scorer fails
     */
    public ScoreReport score(JsonNode responseSet, ScoreOptions options) {
        List<Problem> problems = responses.validate(responseSet);
        if (!problems.isEmpty()) {
            throw new InvalidResponseException(problems);
        }
        JsonNode answerNode = responseSet.get("answers");
        String respondent = responseSet.hasNonNull("respondent") ? responseSet.get("respondent").asText() : null;
        Double duration = responseSet.hasNonNull("durationSeconds") ? responseSet.get("durationSeconds").asDouble() : null;
        if (plan.readsAnswersByIndexOnly() && answerNode != null && answerNode.isObject()) {
            // Nothing will read the answers by item id: straight into the array the scales read, without a map.
            Object[] byIndex = new Object[plan.answerCount()];
            for (Map.Entry<String, JsonNode> answer : answerNode.properties()) {
                int index = plan.answerIndex(answer.getKey());
                if (index >= 0) {
                    byIndex[index] = PlainValues.of(answer.getValue(), json);
                }
            }
            return plan.score(byIndex, null, respondent, duration, options);
        }
        return plan.score(answersOf(answerNode), respondent, duration, options);
    }

    /**
     * Scores a response set given as JSON bytes when it is plainly valid ({@link PlainResponseReader}) and this
     * instrument, whose answers are all scalars, scores it with its declared scales alone: the report
     * {@link #score(JsonNode, ScoreOptions)} gives for the same bytes read into a tree, without the tree.
     * {@code null} otherwise, for that method to decide and explain.
     */
    public ScoreReport scorePlain(byte[] responseSet, ScoreOptions options) {
        PlainResponseReader.PlainResponseSet read = plain == null ? null : plain.read(responseSet);
        return read == null ? null
                : plan.score(read.answersByIndex(), null, read.respondent(), read.durationSeconds(), options);
    }

    /**
     * Whether this instrument scores in microseconds without waiting for anything, so that
     * {@link #scoreWithoutWaiting} may run on a thread that must never wait, such as an event loop: true when it has
     * no script or Java scorer, or a script whose calls have been quick lately
     * ({@link io.bilan.runtime.script.CompiledScript#runsQuickly()}).
     */
    public boolean scoresWithoutWaiting() {
        return plan.runsQuickly();
    }

    /**
     * {@link #score(JsonNode, ScoreOptions)} on a thread that must never wait: its script, if any, runs only if it
     * can at once, and for a few milliseconds at most ({@link ScriptSandbox#withoutWaiting}).
     *
     * @throws io.bilan.runtime.script.WouldWaitException when the script would have to wait or ran too long: nothing
     *         came of it, score again with {@link #score(JsonNode, ScoreOptions)} where waiting is allowed
     */
    public ScoreReport scoreWithoutWaiting(JsonNode responseSet, ScoreOptions options) {
        return ScriptSandbox.withoutWaiting(() -> score(responseSet, options));
    }

    /** Validates and scores a response set. */
    public ScoreReport score(ResponseSet responseSet, ScoreOptions options) {
        return score((JsonNode) json.valueToTree(responseSet), options);
    }

    /**
     * For each declared scale, its items' values as the scale adds them up (reversed when keyed -1, times
     * the weight), {@code NaN} when unanswered, in the scale's item order. The response set must be valid
     * (it was scored, or {@link #validate} found no problem). Used for the statistics of a data set.
     */
    public Map<String, double[]> keyedItemValues(JsonNode responseSet) {
        Map<String, Object> answers = responseSet.hasNonNull("answers")
                ? answersOf(responseSet.get("answers")) : Map.of();
        return plan.keyedItemValues(answers);
    }

    /**
     * For each declared scale, its items' values as the scale adds them up, from answers that passed the response
     * validator (item id to Java value, as {@link #scoreAccepted} takes them); see
     * {@link #keyedItemValues(JsonNode)}.
     */
    public Map<String, double[]> keyedItemValues(Map<String, Object> answers) {
        return plan.keyedItemValues(answers);
    }

    /**
     * Scores answers that the caller has made sure the response validator accepts (item id to Integer, Long,
     * Double, String, List or Map, as JSON would give them), without checking them again: for batch rows that
     * could only be valid. The report is the one {@link #score(JsonNode, ScoreOptions)} gives for the response
     * set of these answers and this respondent.
     */
    public ScoreReport scoreAccepted(Map<String, Object> answers, String respondent, ScoreOptions options) {
        return plan.score(answers, respondent, null, options);
    }

    /**
     * {@link #scoreAccepted(Map, String, ScoreOptions)} with the answers also given by {@link #answerIndex}, as the
     * scales read them: a batch row fills that array straight from its cells. Both must hold the same answers.
     */
    public ScoreReport scoreAccepted(Object[] answersByIndex, Map<String, Object> answers, String respondent,
            ScoreOptions options) {
        return plan.score(answersByIndex, answers, respondent, null, options);
    }

    /**
     * Where the answer to {@code itemId} goes in the array that {@link #scoreAccepted(Object[], Map, String,
     * ScoreOptions)} takes, or -1 when no scale adds the item up.
     */
    public int answerIndex(String itemId) {
        return plan.answerIndex(itemId);
    }

    /** How long the array of answers by {@link #answerIndex} is. */
    public int answerCount() {
        return plan.answerCount();
    }

    /**
     * A scorer of batch rows given as numbers, without a report, or {@code null} when this instrument's reports could
     * hold more than its declared scales' scores: see {@link ScoringPlan#numericRows}.
     */
    public NumericRowScorer numericRows(ScoreOptions options, boolean keepKeyed) {
        return plan.numericRows(options, keepKeyed);
    }

    /**
     * Scores answers that already passed {@link #validate}, skipping the schema check: for callers that
     * validated them once already, such as benchmarks of the scoring rules alone.
     */
    public ScoreReport scoreValidated(Map<String, Object> answers, ScoreOptions options) {
        return plan.score(answers, null, null, options);
    }

    /**
     * The answers as plain Java values, as {@code convertValue(answers, Map<String, Object>)} gives them (Integer,
     * Long, BigInteger, Double, String, Boolean, null, ArrayList, LinkedHashMap), without going through a token
     * buffer: per batch row this was a quarter of the scoring time.
     */
    private Map<String, Object> answersOf(JsonNode answers) {
        if (answers == null || !answers.isObject()) {
            return answers == null ? null : json.convertValue(answers, ANSWERS);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) PlainValues.of(answers, json);
        return map;
    }

    @Override
    public String toString() {
        return coordinates() + " (" + digest + ")";
    }
}
