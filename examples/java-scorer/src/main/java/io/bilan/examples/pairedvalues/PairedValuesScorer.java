package io.bilan.examples.pairedvalues;

import static io.bilan.api.vocabulary.WorkValue.ACHIEVEMENT;
import static io.bilan.api.vocabulary.WorkValue.INDEPENDENCE;
import static io.bilan.api.vocabulary.WorkValue.RECOGNITION;
import static io.bilan.api.vocabulary.WorkValue.RELATIONSHIPS;
import static io.bilan.api.vocabulary.WorkValue.SUPPORT;
import static io.bilan.api.vocabulary.WorkValue.WORKING_CONDITIONS;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.Severity;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.ScoreAdditions.AddedFlag;
import io.bilan.api.spi.ScoreAdditions.AddedScale;
import io.bilan.api.spi.Scorer;
import io.bilan.api.spi.ScoringInput;
import io.bilan.api.vocabulary.WorkValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores {@code work-values-pairs}: the six work values compared in all fifteen pairs.
 *
 * <ul>
 *   <li>Each value's score is the number of times it was chosen, 0 to 5 (the count scoring of paired
 *       comparisons). A value with one comparison unanswered is prorated: wins × 5 / 4. A value needs 4 of
 *       its 5 comparisons; when one has fewer, nothing is scored and the flag {@code too-many-missing} says
 *       so, since an order of five values out of six would mislead.</li>
 *   <li>{@code results.ranking} lists the values from most to least chosen, equal scores in the order of
 *       {@link #VALUES}; {@code results.ranks} gives each value's rank, equal scores sharing the best one
 *       (1, 1, 3...).</li>
 *   <li>When all fifteen choices are made, the scale {@code consistency} is the coefficient of
 *       consistence ζ and {@code results.circularTriads} the number of circular triads
 *       ({@link PairedComparisons}). With 5 or more circular triads, as many as choosing at random gives
 *       on average, the flag {@code inconsistent-choices} asks the counsellor to talk the choices over
 *       before reading the order.</li>
 *   <li>Each value becomes a {@code work-value} outcome at level score / 5, for the values profile.</li>
 * </ul>
 */
public final class PairedValuesScorer implements Scorer {

    /** The values in the order ties are shown in: the order of O*NET's work importance profiles. */
    static final List<WorkValue> VALUES = List.of(ACHIEVEMENT, WORKING_CONDITIONS, RECOGNITION, RELATIONSHIPS,
            SUPPORT, INDEPENDENCE);

    /** The fifteen items and the two values each one compares; a test checks them against the manifest. */
    static final List<Pair> PAIRS = List.of(
            new Pair("p01", ACHIEVEMENT, INDEPENDENCE),
            new Pair("p02", SUPPORT, WORKING_CONDITIONS),
            new Pair("p03", RECOGNITION, RELATIONSHIPS),
            new Pair("p04", SUPPORT, ACHIEVEMENT),
            new Pair("p05", INDEPENDENCE, RELATIONSHIPS),
            new Pair("p06", WORKING_CONDITIONS, RECOGNITION),
            new Pair("p07", RELATIONSHIPS, ACHIEVEMENT),
            new Pair("p08", RECOGNITION, SUPPORT),
            new Pair("p09", INDEPENDENCE, WORKING_CONDITIONS),
            new Pair("p10", ACHIEVEMENT, RECOGNITION),
            new Pair("p11", RELATIONSHIPS, WORKING_CONDITIONS),
            new Pair("p12", INDEPENDENCE, SUPPORT),
            new Pair("p13", WORKING_CONDITIONS, ACHIEVEMENT),
            new Pair("p14", RECOGNITION, INDEPENDENCE),
            new Pair("p15", RELATIONSHIPS, SUPPORT));

    static final String NAME = "example.paired-values";

    private static final int COMPARISONS_PER_VALUE = VALUES.size() - 1;
    private static final int MIN_ANSWERED_PER_VALUE = COMPARISONS_PER_VALUE - 1;
    // Scores are whole numbers or quarters (prorated); this slack only guards the comparison of equal ones.
    private static final double EPSILON = 1e-9;

    /** One item: the two values it asks the person to choose between. */
    record Pair(String item, WorkValue first, WorkValue second) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScoreAdditions score(ScoringInput input) {
        int[] wins = new int[VALUES.size()];
        int[] answered = new int[VALUES.size()];
        int unanswered = 0;
        for (Pair pair : PAIRS) {
            Object choice = input.answers().get(pair.item());
            if (choice == null) {
                unanswered++;
                continue;
            }
            // The runtime has already checked the answer against the item's two options.
            WorkValue chosen = WorkValue.of((String) choice);
            answered[VALUES.indexOf(pair.first())]++;
            answered[VALUES.indexOf(pair.second())]++;
            wins[VALUES.indexOf(chosen)]++;
        }
        for (int value = 0; value < VALUES.size(); value++) {
            if (answered[value] < MIN_ANSWERED_PER_VALUE) {
                return new ScoreAdditions(null, List.of(tooManyMissing(VALUES.get(value))), null, null, null);
            }
        }

        Map<String, AddedScale> scales = new LinkedHashMap<>();
        List<OutcomeResult> outcomes = new ArrayList<>();
        Map<WorkValue, Double> scores = new LinkedHashMap<>();
        for (int value = 0; value < VALUES.size(); value++) {
            WorkValue workValue = VALUES.get(value);
            double score = (double) wins[value] * COMPARISONS_PER_VALUE / answered[value];
            scores.put(workValue, score);
            scales.put(workValue.code(), new AddedScale(label(workValue), score, null, 0.0,
                    (double) COMPARISONS_PER_VALUE, null));
            outcomes.add(new OutcomeResult("work-value", workValue.code(), workValue.code(),
                    score / COMPARISONS_PER_VALUE, null));
        }

        List<WorkValue> ranking = VALUES.stream()
                .sorted(Comparator.comparingDouble((WorkValue value) -> -scores.get(value))
                        .thenComparingInt(VALUES::indexOf))
                .toList();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("ranking", ranking.stream().map(WorkValue::code).toList());
        results.put("ranks", ranks(ranking, scores));

        List<AddedFlag> flags = new ArrayList<>();
        if (unanswered == 0) {
            int circular = PairedComparisons.circularTriads(wins);
            results.put("circularTriads", circular);
            scales.put("consistency", new AddedScale(LocalizedText.of("fr", "Cohérence des choix", "en",
                    "Consistency of the choices"), PairedComparisons.coefficientOfConsistence(wins), null, 0.0, 1.0, null));
            if (circular >= PairedComparisons.randomCircularTriads(VALUES.size())) {
                flags.add(inconsistent(circular));
            }
        } else {
            flags.add(new AddedFlag("consistency-not-computed", Severity.INFO, LocalizedText.of(
                    "fr", "La cohérence des choix n'est calculée que si les quinze questions ont une réponse ("
                            + unanswered + " sans réponse).",
                    "en", "The consistency of the choices is computed only when all fifteen questions are answered ("
                            + unanswered + " unanswered).")));
        }
        return new ScoreAdditions(scales, flags, List.of(interpretation(ranking, scores)), outcomes, results);
    }

    /** Competition ranks: equal scores share the best rank, and the next rank skips as many places. */
    private static Map<String, Integer> ranks(List<WorkValue> ranking, Map<WorkValue, Double> scores) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int place = 0; place < ranking.size(); place++) {
            WorkValue value = ranking.get(place);
            boolean tiedWithPrevious = place > 0
                    && Math.abs(scores.get(ranking.get(place - 1)) - scores.get(value)) < EPSILON;
            ranks.put(value.code(), tiedWithPrevious ? ranks.get(ranking.get(place - 1).code()) : place + 1);
        }
        return ranks;
    }

    private static LocalizedText interpretation(List<WorkValue> ranking, Map<WorkValue, Double> scores) {
        double best = scores.get(ranking.getFirst());
        List<WorkValue> first = ranking.stream().filter(value -> best - scores.get(value) < EPSILON).toList();
        if (first.size() == 1) {
            return LocalizedText.of(
                    "fr", "Ce que vous avez le plus souvent choisi : " + label(first.getFirst(), "fr") + ".",
                    "en", "What you chose most often: " + label(first.getFirst(), "en") + ".");
        }
        return LocalizedText.of(
                "fr", "Choisies aussi souvent l'une que l'autre, en tête : " + list(first, "fr", " et ") + ".",
                "en", "Chosen equally often, at the top: " + list(first, "en", " and ") + ".");
    }

    private static String list(List<WorkValue> values, String language, String and) {
        List<String> labels = values.stream().map(value -> label(value, language)).toList();
        return String.join(", ", labels.subList(0, labels.size() - 1)) + and + labels.getLast();
    }

    private static String label(WorkValue value, String language) {
        return value.label(language).toLowerCase(Locale.ROOT);
    }

    private static LocalizedText label(WorkValue value) {
        return LocalizedText.of("fr", value.label("fr"), "en", value.label("en"));
    }

    private static AddedFlag tooManyMissing(WorkValue value) {
        return new AddedFlag("too-many-missing", Severity.WARNING, LocalizedText.of(
                "fr", "Pas de résultat : « " + value.label("fr") + " » a moins de " + MIN_ANSWERED_PER_VALUE
                        + " de ses " + COMPARISONS_PER_VALUE + " comparaisons avec une réponse.",
                "en", "No result: \"" + value.label("en") + "\" has fewer than " + MIN_ANSWERED_PER_VALUE
                        + " of its " + COMPARISONS_PER_VALUE + " comparisons answered."));
    }

    private static AddedFlag inconsistent(int circular) {
        return new AddedFlag("inconsistent-choices", Severity.WARNING, LocalizedText.of(
                "fr", "Choix peu cohérents : " + circular + " triades circulaires (A plutôt que B, B plutôt que C, "
                        + "mais C plutôt que A), au moins autant qu'en répondant au hasard. Parlez-en avant de lire l'ordre.",
                "en", "Inconsistent choices: " + circular + " circular triads (A over B, B over C, yet C over A), "
                        + "at least as many as answering at random gives. Talk them over before reading the order."));
    }
}
