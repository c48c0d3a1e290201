package io.bilan.engine.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far independent observers of one grid agree. Per criterion: the lowest and highest rating and their range,
 * flagged when two ratings are {@value #APART} points or more apart (observers who did not see the same behaviour,
 * to be talked over before any feedback). Overall: the pairwise percentage of agreement, exact and within one point
 * (adjacent), over every pair of observers who rated the same criterion, as assessment-centre and rater-training
 * studies report it; it needs no distribution assumption and reads directly as "how often two observers gave the
 * same rating".
 */
public final class ObserverAgreement {

    /** Two ratings this far apart, or more, are a disagreement to talk over. */
    static final int APART = 2;

    private ObserverAgreement() {
    }

    /** The agreement of the ratings on one criterion. */
    @Schema(name = "CriterionAgreement")
    public record Criterion(
            @Schema(description = "The criterion (an item of the grid)") String criterion,
            @Schema(description = "How many observers rated it") int ratings,
            Integer min, Integer max,
            @Schema(description = "max - min; absent with fewer than two ratings") Integer range,
            @Schema(description = "Two ratings are 2 points or more apart") boolean apart) {
    }

    /** The agreement of an observation. */
    @Schema(name = "ObserverAgreement")
    public record Agreement(
            @Schema(description = "Per criterion, in the order of the grid") List<Criterion> criteria,
            @Schema(description = "The criteria with ratings 2 points or more apart") List<String> apart,
            @Schema(description = "Pairs of observers who rated the same criterion, over all criteria") int pairs,
            @Schema(description = "Share of those pairs with the same rating (0 to 1); absent without pairs")
            Double exact,
            @Schema(description = "Share of those pairs at most 1 point apart (0 to 1); absent without pairs")
            Double adjacent) {
    }

    /**
     * The agreement of {@code ratings}, criterion to observer to rating, with the criteria in the grid's order; a
     * criterion nobody rated is left out.
     */
    static Agreement of(Map<String, Map<String, Integer>> ratings) {
        List<Criterion> criteria = new ArrayList<>();
        List<String> apart = new ArrayList<>();
        int pairs = 0;
        int exact = 0;
        int adjacent = 0;
        for (var entry : ratings.entrySet()) {
            List<Integer> values = List.copyOf(entry.getValue().values());
            if (values.isEmpty()) {
                continue;
            }
            int min = values.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = values.stream().mapToInt(Integer::intValue).max().orElseThrow();
            boolean farApart = values.size() > 1 && max - min >= APART;
            criteria.add(new Criterion(entry.getKey(), values.size(), min, max, values.size() > 1 ? max - min : null,
                    farApart));
            if (farApart) {
                apart.add(entry.getKey());
            }
            for (int i = 0; i < values.size(); i++) {
                for (int j = i + 1; j < values.size(); j++) {
                    int difference = Math.abs(values.get(i) - values.get(j));
                    pairs++;
                    exact += difference == 0 ? 1 : 0;
                    adjacent += difference <= 1 ? 1 : 0;
                }
            }
        }
        return new Agreement(criteria, apart, pairs, pairs == 0 ? null : (double) exact / pairs,
                pairs == 0 ? null : (double) adjacent / pairs);
    }
}
