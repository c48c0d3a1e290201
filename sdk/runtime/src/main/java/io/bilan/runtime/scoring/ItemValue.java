package io.bilan.runtime.scoring;

import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.instrument.ScaleItem;
import io.bilan.runtime.problem.ValidationCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one {@link ScaleItem} turns an answer into a number, with the bounds declared for it. Built once per
 * scale item when an instrument loads; answers reaching it have passed the response schema.
 */
sealed interface ItemValue {

    /** The bounds used for reversal and for the scale's possible range. */
    ValueRange range();

    /** The value of {@code answer}, or {@code null} when the item is unanswered. */
    Double of(Object answer);

    /**
     * The value extractor for {@code ref}, or empty with the reason in {@code why} when the item can't
     * feed a scale that way (the package validator reports it).
     */
    static Optional<ItemValue> forRef(Item item, ScaleItem ref, Map<String, LikertFormat> formats,
            java.util.function.Consumer<ValidationCode> why) {
        String option = ref.option();
        boolean needsOption = item instanceof Item.Ranking || item instanceof Item.ForcedChoice
                || item instanceof Item.MultipleChoice;
        if (needsOption && option == null) {
            why.accept(ValidationCode.OPTION_REQUIRED);
            return Optional.empty();
        }
        if (!needsOption && option != null) {
            why.accept(ValidationCode.OPTION_NOT_ALLOWED);
            return Optional.empty();
        }
        if (needsOption && item.options().stream().noneMatch(o -> o.value().equals(option))) {
            why.accept(ValidationCode.UNKNOWN_OPTION);
            return Optional.empty();
        }
        return switch (item) {
            case Item.Likert likert -> {
                LikertFormat format = formats.get(likert.format());
                if (format == null) {
                    why.accept(ValidationCode.UNKNOWN_LIKERT_FORMAT);
                    yield Optional.empty();
                }
                yield Optional.of(new Rating(new ValueRange(format.min(), format.max())));
            }
            case Item.Numeric numeric -> {
                if (numeric.min() == null || numeric.max() == null) {
                    why.accept(ValidationCode.ITEM_NOT_SCOREABLE);
                    yield Optional.empty();
                }
                yield Optional.of(new Rating(new ValueRange(numeric.min(), numeric.max())));
            }
            case Item.ObservationCriterion criterion ->
                    Optional.of(new ObserverMean(new ValueRange(criterion.min(), criterion.max())));
            case Item.SingleChoice choice -> {
                if (choice.options().stream().anyMatch(o -> o.score() == null)) {
                    why.accept(ValidationCode.ITEM_NOT_SCOREABLE);
                    yield Optional.empty();
                }
                Map<String, Double> scores = new java.util.HashMap<>();
                choice.options().forEach(o -> scores.put(o.value(), o.score()));
                double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                yield Optional.of(new OptionScore(new ValueRange(min, max), Map.copyOf(scores)));
            }
            case Item.Knowledge knowledge -> {
                double points = knowledge.points() == null ? 1.0 : knowledge.points();
                Map<String, Double> credit = knowledge.credit() != null
                        ? Map.copyOf(knowledge.credit())
                        : knowledge.correct() == null ? Map.of() : Map.of(knowledge.correct(), points);
                yield Optional.of(new Credit(new ValueRange(0, points), credit));
            }
            case Item.Ranking ranking -> Optional.of(new RankPoints(
                    new ValueRange(1, ranking.options().size()), option, ranking.options().size()));
            case Item.ForcedChoice forced -> Optional.of(new MostLeast(new ValueRange(0, 2), option));
            case Item.MultipleChoice multiple -> Optional.of(new Picked(new ValueRange(0, 1), option));
            case Item.FreeText text -> {
                why.accept(ValidationCode.ITEM_NOT_SCOREABLE);
                yield Optional.empty();
            }
            case Item.RepeatingGroup group -> {
                why.accept(ValidationCode.ITEM_NOT_SCOREABLE);
                yield Optional.empty();
            }
        };
    }

    /** A number given directly: Likert point, numeric answer. */
    record Rating(ValueRange range) implements ItemValue {
        @Override
        public Double of(Object answer) {
            return answer instanceof Number n ? n.doubleValue() : null;
        }
    }

    /** One rating, or the mean of several observers' ratings. */
    record ObserverMean(ValueRange range) implements ItemValue {
        @Override
        public Double of(Object answer) {
            if (answer instanceof Number n) {
                return n.doubleValue();
            }
            if (answer instanceof Map<?, ?> ratings && !ratings.isEmpty()) {
                double sum = 0;
                int count = 0;
                for (Object rating : ratings.values()) {
                    if (rating instanceof Number n) {
                        sum += n.doubleValue();
                        count++;
                    }
                }
                return count == 0 ? null : sum / count;
            }
            return null;
        }
    }

    /** The score attached to the chosen option of a single-choice item. */
    record OptionScore(ValueRange range, Map<String, Double> scores) implements ItemValue {
        @Override
        public Double of(Object answer) {
            return answer == null ? null : scores.get(answer.toString());
        }
    }

    /** Points earned on a knowledge item: full points for the right option, partial credit, or 0. */
    record Credit(ValueRange range, Map<String, Double> credit) implements ItemValue {
        @Override
        public Double of(Object answer) {
            return answer == null ? null : credit.getOrDefault(answer.toString(), 0.0);
        }
    }

    /** An option's points in a ranking: {@code n + 1 - rank}, so the first of n options gets n. */
    record RankPoints(ValueRange range, String option, int size) implements ItemValue {
        @Override
        public Double of(Object answer) {
            if (answer instanceof List<?> order) {
                int index = order.indexOf(option);
                return index < 0 ? null : (double) (size - index);
            }
            return null;
        }
    }

    /** An option of a forced-choice block: 2 when most like me, 0 when least, 1 otherwise. */
    record MostLeast(ValueRange range, String option) implements ItemValue {
        @Override
        public Double of(Object answer) {
            if (answer instanceof Map<?, ?> choice) {
                if (option.equals(choice.get("most"))) {
                    return 2.0;
                }
                return option.equals(choice.get("least")) ? 0.0 : 1.0;
            }
            return null;
        }
    }

    /** An option of a multiple-choice item: 1 when picked, 0 when not. */
    record Picked(ValueRange range, String option) implements ItemValue {
        @Override
        public Double of(Object answer) {
            return answer instanceof List<?> picks ? (picks.contains(option) ? 1.0 : 0.0) : null;
        }
    }
}
