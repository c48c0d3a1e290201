package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One item of an instrument. The JSON property {@code type} says which kind it is; each kind fixes the
 * shape of its answer in a response set (see the response schema the runtime derives).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Item.Likert.class, name = "likert"),
    @JsonSubTypes.Type(value = Item.SingleChoice.class, name = "single-choice"),
    @JsonSubTypes.Type(value = Item.MultipleChoice.class, name = "multiple-choice"),
    @JsonSubTypes.Type(value = Item.Ranking.class, name = "ranking"),
    @JsonSubTypes.Type(value = Item.ForcedChoice.class, name = "forced-choice"),
    @JsonSubTypes.Type(value = Item.Numeric.class, name = "numeric"),
    @JsonSubTypes.Type(value = Item.FreeText.class, name = "free-text"),
    @JsonSubTypes.Type(value = Item.RepeatingGroup.class, name = "repeating-group"),
    @JsonSubTypes.Type(value = Item.Knowledge.class, name = "knowledge"),
    @JsonSubTypes.Type(value = Item.ObservationCriterion.class, name = "observation-criterion"),
})
public sealed interface Item {

    /** Unique within the instrument; the key of the answer in a response set. */
    String id();

    /** The question, statement or criterion as the respondent or observer reads it. */
    LocalizedText text();

    /** Whether a response set must answer this item. */
    boolean required();

    /** The options of a choice, ranking, forced-choice or knowledge item; none for other kinds. */
    default java.util.List<ChoiceOption> options() {
        return java.util.List.of();
    }

    /**
     * A rating on a shared Likert format. Answer: an integer from the format's min to max.
     *
     * @param format the id of an entry of {@code likertFormats}
     */
    record Likert(String id, LocalizedText text, boolean required, String format) implements Item {
    }

    /** One option among several. Answer: the option's value. Options may carry a score for scales. */
    record SingleChoice(String id, LocalizedText text, boolean required, java.util.List<ChoiceOption> options)
            implements Item {
    }

    /**
     * Several options. Answer: an array of distinct option values, between {@code minPicks} and
     * {@code maxPicks} long (0 and the number of options when absent).
     */
    record MultipleChoice(String id, LocalizedText text, boolean required, java.util.List<ChoiceOption> options,
            Integer minPicks, Integer maxPicks) implements Item {
    }

    /**
     * Order all options by preference. Answer: an array holding every option value once, most
     * preferred first. In a scale an option counts {@code n + 1 - rank} points (1 to n).
     */
    record Ranking(String id, LocalizedText text, boolean required, java.util.List<ChoiceOption> options)
            implements Item {
    }

    /**
     * A block of statements: pick the one most like you and the one least like you. Answer:
     * {@code {"most": value, "least": value}} with two different values. In a scale an option counts 2 when
     * picked as most, 0 when picked as least and 1 otherwise, the usual ipsative scoring.
     */
    record ForcedChoice(String id, LocalizedText text, boolean required, java.util.List<ChoiceOption> options)
            implements Item {
    }

    /**
     * A number. Answer: a number within {@code min} and {@code max} (an integer when {@code integer}).
     * To be used in a scale it needs both bounds, which define its reversal.
     */
    record Numeric(String id, LocalizedText text, boolean required, Double min, Double max, boolean integer,
            LocalizedText unit) implements Item {
    }

    /** Text typed by the respondent. Answer: a string of at most {@code maxLength} characters. Not scored. */
    record FreeText(String id, LocalizedText text, boolean required, int maxLength) implements Item {
    }

    /**
     * A list of records, such as past jobs, each with typed fields. Answer: an array of objects keyed by
     * field id. Scored by a script or a Java scorer, not by declarative scales.
     */
    record RepeatingGroup(String id, LocalizedText text, boolean required, java.util.List<Field> fields,
            Integer minEntries, int maxEntries) implements Item {
    }

    /**
     * An aptitude or knowledge question with a right answer. Answer: an option value. The item earns
     * {@code points} for {@code correct}, or the credit its {@code credit} map gives the chosen option
     * (partial credit), and 0 otherwise.
     *
     * @param correct the right option, or {@code null} when {@code credit} is given
     * @param credit  option value to points earned, from 0 to {@code points}; {@code null} when
     *                {@code correct} is given
     * @param points  the most the item can earn; 1 when absent
     */
    record Knowledge(String id, LocalizedText text, boolean required, java.util.List<ChoiceOption> options,
            String correct, java.util.Map<String, Double> credit, Double points) implements Item {
    }

    /**
     * A behaviourally anchored rating scale for role plays and interviews, rated by one or more observers.
     * Answer: an integer rating, or an object from observer id to rating; the item's value is the mean of
     * the observers' ratings.
     */
    record ObservationCriterion(String id, LocalizedText text, boolean required, int min, int max,
            java.util.List<LabelledPoint> anchors) implements Item {
    }
}
