package io.bilan.runtime.scoring;

import io.bilan.api.instrument.Bands;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.instrument.MissingDataRule;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.instrument.OutcomeMapping;
import io.bilan.api.instrument.Scale;
import io.bilan.api.instrument.ScaleItem;
import io.bilan.api.report.BandResult;
import io.bilan.api.report.Flag;
import io.bilan.api.report.NormScores;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.Problem;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleScore;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.report.Severity;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.ScoringInput;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.runtime.problem.ValidationCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to score one instrument, resolved once when it loads: compiled scales, norm lookups,
 * bands, outcome mappings and the optional script or Java scorer. Thread-safe and immutable.
 *
 * <p>Order of work for one response set: declarative scales (plain Java), norm conversion and bands, then
 * the extension, which sees the declarative results and returns additions; then the report is assembled
 * in the requested language.
 */
public final class ScoringPlan {

    /** The flag of a report in which a scale lacks answers (unless its rule is {@code skip}). */
    public static final String INSUFFICIENT_DATA = "insufficient-data";

    private final InstrumentManifest manifest;
    private final String digest;
    private final String coordinates;
    private final List<CompiledScale> scales;
    private final Map<String, Map<String, NormLookup>> norms;
    private final Map<String, BandLookup> normBands;
    private final Map<String, BandLookup> scaleBands;
    private final ScoringExtension extension;
    private final java.util.Set<String> meanScales;
    /** The items that some scale adds up, each once, by the index of its answer in the array the scales read. */
    private final String[] scoredItems;
    private final Map<String, Integer> answerIndexes;

    private ScoringPlan(InstrumentManifest manifest, String digest, List<CompiledScale> scales,
            Map<String, Map<String, NormLookup>> norms, Map<String, BandLookup> normBands,
            Map<String, BandLookup> scaleBands, ScoringExtension extension, Map<String, Integer> answerIndexes) {
        this.manifest = manifest;
        this.digest = digest;
        this.coordinates = manifest.coordinates();
        this.scales = scales;
        this.norms = norms;
        this.normBands = normBands;
        this.scaleBands = scaleBands;
        this.extension = extension;
        this.meanScales = scales.stream().filter(CompiledScale::isMean).map(CompiledScale::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        // A HashMap, never changed after this, rather than Map.copyOf: its lookups compare hash codes before the
        // strings, where Map.copyOf's probe compares the strings, and a request looks up each of its answers here.
        this.answerIndexes = new HashMap<>(answerIndexes);
        this.scoredItems = new String[answerIndexes.size()];
        answerIndexes.forEach((item, index) -> scoredItems[index] = item);
    }

    /**
     * Compiles the plan of a manifest that passed the package validator.
     *
     * @param extension the script or Java scorer, or {@code null}
     * @throws IllegalArgumentException if a scale refers to something that does not exist
     */
    public static ScoringPlan compile(InstrumentManifest manifest, String digest, ScoringExtension extension) {
        Map<String, Item> items = new HashMap<>();
        manifest.items().forEach(item -> items.put(item.id(), item));
        List<CompiledScale> scales = new ArrayList<>();
        Map<String, BandLookup> scaleBands = new HashMap<>();
        Map<String, Integer> answerIndexes = new HashMap<>();
        for (Scale scale : manifest.scales()) {
            List<CompiledScale.Entry> entries = new ArrayList<>();
            for (ScaleItem ref : scale.items()) {
                Item item = items.get(ref.item());
                StringBuilder why = new StringBuilder();
                ItemValue value = item == null ? null
                        : ItemValue.forRef(item, ref, manifest.likertFormats(), code -> why.append(code.code())).orElse(null);
                if (value == null) {
                    throw new IllegalArgumentException("scale " + scale.id() + " cannot use item " + ref.item()
                            + (why.isEmpty() ? "" : " (" + why + ")"));
                }
                // A scale reads its answers from an array, by index, not from a map by item id.
                int answer = answerIndexes.computeIfAbsent(item.id(), id -> answerIndexes.size());
                entries.add(new CompiledScale.Entry(answer, value, ref.key() == -1, ref.weight()));
            }
            scales.add(new CompiledScale(scale, entries));
            if (scale.bands() != null) {
                scaleBands.put(scale.id(), new BandLookup(scale.bands()));
            }
        }
        Map<String, Map<String, NormLookup>> norms = new LinkedHashMap<>();
        Map<String, BandLookup> normBands = new HashMap<>();
        for (NormTable table : manifest.norms()) {
            Map<String, NormLookup> lookups = new HashMap<>();
            table.scales().forEach((scale, rows) -> lookups.put(scale, new NormLookup(table.id(), rows)));
            norms.put(table.id(), lookups);
            if (table.bands() != null) {
                normBands.put(table.id(), new BandLookup(table.bands()));
            }
        }
        return new ScoringPlan(manifest, digest, List.copyOf(scales), norms, normBands, scaleBands, extension,
                answerIndexes);
    }

    /**
     * Why {@code ref} cannot feed a scale, as a problem code ({@code option-required},
     * {@code option-not-allowed}, {@code unknown-option}, {@code unknown-likert-format},
     * {@code item-not-scoreable}), or empty when it can.
     */
    public static Optional<ValidationCode> scaleItemProblem(Item item, ScaleItem ref,
            Map<String, LikertFormat> formats) {
        ValidationCode[] why = new ValidationCode[1];
        return ItemValue.forRef(item, ref, formats, code -> why[0] = code).isPresent() ? Optional.empty()
                : Optional.of(why[0]);
    }

    /** The language a report will be written in when {@code requested} is asked for. */
    public String reportLanguage(String requested) {
        List<String> languages = manifest.languages();
        if (requested != null && languages.contains(requested)) {
            return requested;
        }
        return languages.contains("en") ? "en" : languages.getFirst();
    }

    /**
     * Scores a validated response set into a report.
     *
     * @throws InvalidResponseException when a scale whose rule is {@code fail} lacks answers, or the
     *                                  norm table does not exist
     * @throws ScoringException         when the script or Java scorer fails
     */
    public ScoreReport score(Map<String, Object> answers, String respondent, Double durationSeconds,
            ScoreOptions options) {
        return score(answersByIndex(answers), answers, respondent, durationSeconds, options);
    }

    /**
     * Where the answer to {@code itemId} goes in the array {@link #score(Object[], Map, String, Double, ScoreOptions)}
     * takes, or -1 when no scale adds the item up.
     */
    public int answerIndex(String itemId) {
        Integer index = answerIndexes.get(itemId);
        return index == null ? -1 : index;
    }

    /**
     * Whether scoring reads the answers by {@link #answerIndex} only, so that
     * {@link #score(Object[], Map, String, Double, ScoreOptions)} may be given no map: true when no script or Java
     * scorer will see them.
     */
    public boolean readsAnswersByIndexOnly() {
        return extension == null;
    }

    /**
     * Whether scoring never waits: no script or Java scorer, or one that runs quickly
     * ({@link ScoringExtension#runsQuickly()}).
     */
    public boolean runsQuickly() {
        return extension == null || extension.runsQuickly();
    }

    /** How long the array of answers by {@link #answerIndex} is. */
    public int answerCount() {
        return scoredItems.length;
    }

    /**
     * A scorer of rows given as numbers for this plan, or {@code null} when its reports could hold more than the
     * declared scales' scores and the {@code insufficient-data} flag: a script or Java scorer, a norm table (or a norm
     * asked for in {@code options}), bands, or an item that is not scored as its number (a choice, a ranking, an
     * observation grid).
     *
     * @param keepKeyed whether the scorer keeps each row's keyed item values, for the statistics of a data set
     */
    public NumericRowScorer numericRows(ScoreOptions options, boolean keepKeyed) {
        if (extension != null || !norms.isEmpty() || options.norm() != null || !scaleBands.isEmpty()
                || !normBands.isEmpty() || !scales.stream().allMatch(CompiledScale::readsNumbers)) {
            return null;
        }
        return new NumericRowScorer(scales, scoredItems.length, keepKeyed);
    }

    /**
     * {@link #score(Map, String, Double, ScoreOptions)} with the answers also given by {@link #answerIndex}, as the
     * scales read them ({@code null} when unanswered): a batch row fills that array straight from its cells, and the
     * scales then read no map. Both must hold the same answers; {@code answers} may be {@code null} when
     * {@link #readsAnswersByIndexOnly()}.
     */
    public ScoreReport score(Object[] answersByIndex, Map<String, Object> answers, String respondent,
            Double durationSeconds, ScoreOptions options) {
        String language = reportLanguage(options.language());
        String norm = resolveNorm(options.norm());
        List<Flag> flags = new ArrayList<>();
        List<Problem> failures = new ArrayList<>();
        Map<String, ScaleScore> declared = scoreScales(answersByIndex, norm, flags, failures, language);
        if (!failures.isEmpty()) {
            throw new InvalidResponseException(failures);
        }

        ScoreAdditions additions = extension == null ? ScoreAdditions.none()
                : extension.score(new ScoringInput(manifest.id(), manifest.version(), answers, declared,
                        durationSeconds));

        Map<String, ScaleResult> scaleResults = new LinkedHashMap<>();
        for (CompiledScale scale : scales) {
            ScaleScore s = declared.get(scale.id());
            scaleResults.put(scale.id(), new ScaleResult(scale.scale().label().resolve(language, "en"), s.raw(),
                    s.mean(), s.answered(), s.items(), s.min(), s.max(), s.prorated(), s.status(), s.norm(),
                    bandResult(scale, s, norm, language), null));
        }
        additions.scales().forEach((id, added) -> {
            if (scaleResults.containsKey(id)) {
                throw new ScoringException(ValidationCode.invalidResult(extension.kind()),
                        "the " + extension.kind() + " returned scale \"" + id + "\", which the manifest already declares");
            }
            BandResult band = added.band() == null ? null : new BandResult(added.band().id(),
                    added.band().label().resolve(language, "en"),
                    added.band().text() == null ? null : added.band().text().resolve(language, "en"));
            scaleResults.put(id, new ScaleResult(added.label().resolve(language, "en"), added.raw(), added.mean(),
                    null, null, added.min(), added.max(), null, ScaleStatus.SCORED, null, band, extension.kind()));
        });

        List<OutcomeResult> outcomes = new ArrayList<>();
        for (OutcomeMapping mapping : manifest.outcomes()) {
            outcomeOf(mapping, declared.get(mapping.scale())).ifPresent(outcomes::add);
        }
        if (!additions.outcomes().isEmpty()) {
            outcomes.addAll(additions.outcomes());
        }

        if (manifest.timeLimitSeconds() != null && durationSeconds != null
                && durationSeconds > manifest.timeLimitSeconds()) {
            flags.add(new Flag("time-limit-exceeded", Severity.WARNING, RuntimeMessages.format(language,
                    "time-limit-exceeded", durationSeconds, manifest.timeLimitSeconds())));
        }
        additions.flags().forEach(flag ->
                flags.add(new Flag(flag.code(), flag.severity(), flag.message().resolve(language, "en"))));
        List<String> interpretation = additions.interpretation().isEmpty() ? List.of()
                : additions.interpretation().stream().map(text -> text.resolve(language, "en")).toList();

        return new ScoreReport(coordinates, digest, language, respondent, scaleResults, outcomes, flags,
                interpretation, additions.results(), durationSeconds);
    }

    /**
     * For each declared scale, its items' values as the scale adds them up: reversed to
     * {@code min + max - value} when keyed -1, then multiplied by the weight; {@code NaN} when unanswered.
     * Items are in the order the scale lists them. For the statistics of a data set; {@code answers} must
     * have passed the response validator.
     */
    public Map<String, double[]> keyedItemValues(Map<String, Object> answers) {
        Object[] byIndex = answersByIndex(answers);
        Map<String, double[]> values = new LinkedHashMap<>();
        for (CompiledScale scale : scales) {
            values.put(scale.id(), scale.keyedValues(byIndex));
        }
        return values;
    }

    /** The answers of the scored items, by {@link #answerIndex}. */
    private Object[] answersByIndex(Map<String, Object> answers) {
        Object[] byIndex = new Object[scoredItems.length];
        for (int i = 0; i < scoredItems.length; i++) {
            byIndex[i] = answers.get(scoredItems[i]);
        }
        return byIndex;
    }

    private String resolveNorm(String requested) {
        if (requested == null) {
            return norms.isEmpty() ? null : norms.keySet().iterator().next();
        }
        if (!norms.containsKey(requested)) {
            throw new InvalidResponseException(List.of(new Problem(Severity.ERROR, ValidationCode.UNKNOWN_NORM.code(), null, null,
                    manifest.coordinates() + " has no norm table \"" + requested + "\"; it has " + norms.keySet())));
        }
        return requested;
    }

    private Map<String, ScaleScore> scoreScales(Object[] answers, String norm, List<Flag> flags,
            List<Problem> failures, String language) {
        Map<String, ScaleScore> results = new LinkedHashMap<>();
        Map<String, NormLookup> lookups = norm == null ? Map.of() : norms.get(norm);
        for (CompiledScale scale : scales) {
            ScaleScore s = scale.score(answers);
            if (s.status() == ScaleStatus.INSUFFICIENT_DATA) {
                String label = scale.scale().label().resolve(language, "en");
                if (scale.scale().missing().onInsufficient() == MissingDataRule.Insufficient.FAIL) {
                    failures.add(Problem.inResponse(ValidationCode.INSUFFICIENT_ANSWERS.code(), "/answers",
                            "scale \"" + scale.id() + "\" needs at least " + scale.minAnswered()
                                    + " answered items, got " + s.answered()));
                }
                if (scale.scale().missing().onInsufficient() != MissingDataRule.Insufficient.SKIP) {
                    flags.add(new Flag(INSUFFICIENT_DATA, Severity.WARNING, RuntimeMessages.format(language,
                            "insufficient-data", label, s.answered(), s.items(), scale.minAnswered())));
                }
                results.put(scale.id(), s);
                continue;
            }
            NormScores converted = null;
            NormLookup lookup = lookups.get(scale.id());
            if (lookup != null) {
                double score = lookup.basis() == NormTable.Basis.MEAN ? s.mean() : s.raw();
                converted = lookup.convert(score);
                if (lookup.belowTable(score)) {
                    flags.add(new Flag("norm-out-of-range", Severity.INFO, RuntimeMessages.format(language,
                            "norm-out-of-range", scale.scale().label().resolve(language, "en"), score, norm)));
                }
            }
            Bands.Band band = bandOf(scale, s.raw(), s.mean(), converted, norm);
            // The scale's score has neither norm nor band yet: without them it is already the result.
            results.put(scale.id(), converted == null && band == null ? s
                    : new ScaleScore(s.raw(), s.mean(), s.answered(), s.items(), s.min(), s.max(), s.prorated(),
                            s.status(), converted, band == null ? null : band.id()));
        }
        return results;
    }

    private Bands.Band bandOf(CompiledScale scale, Double raw, Double mean, NormScores converted, String norm) {
        if (converted != null && normBands.containsKey(norm)) {
            return normBands.get(norm).find(raw, mean, converted);
        }
        BandLookup bands = scaleBands.get(scale.id());
        return bands == null ? null : bands.find(raw, mean, converted);
    }

    private BandResult bandResult(CompiledScale scale, ScaleScore s, String norm, String language) {
        if (s.band() == null) {
            return null;
        }
        BandLookup lookup = s.norm() != null && normBands.containsKey(norm) ? normBands.get(norm)
                : scaleBands.get(scale.id());
        Bands.Band band = lookup.band(s.band());
        return new BandResult(band.id(), band.label().resolve(language, "en"),
                band.text() == null ? null : band.text().resolve(language, "en"));
    }

    private Optional<OutcomeResult> outcomeOf(OutcomeMapping mapping, ScaleScore s) {
        if (s == null || s.status() != ScaleStatus.SCORED) {
            return Optional.empty();
        }
        double score = meanScales.contains(mapping.scale()) ? s.mean() : s.raw();
        double level = s.max() > s.min() ? Math.clamp((score - s.min()) / (s.max() - s.min()), 0.0, 1.0) : 0.0;
        return Optional.of(switch (mapping) {
            case OutcomeMapping.Interest interest ->
                    new OutcomeResult("interest", interest.area().letter(), mapping.scale(), level, interest.source());
            case OutcomeMapping.Value value ->
                    new OutcomeResult("work-value", value.value().code(), mapping.scale(), level, value.source());
            case OutcomeMapping.Competence competence -> new OutcomeResult("competence", competence.competence(),
                    mapping.scale(), level, competence.source() == null ? EvidenceSource.SELF_ASSESSMENT
                            : competence.source(), null, competence.measures());
        });
    }
}
