package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The three-letter summary of a RIASEC profile: the three areas with the highest scores, highest first.
 * <b>Tie rule</b>: equal scores (within 10⁻⁹) are ordered by the hexagon order R, I, A, S, E, C, so the
 * same profile always gives the same code; {@link #tied()} says whether a tie decided any of the three letters.
 *
 * @param areas the three areas, highest first
 * @param tied  whether two of the areas compared to choose or order the three letters had equal scores
 */
public record HollandCode(List<RiasecArea> areas, boolean tied) {

    private static final double EPSILON = 1e-9;

    /** Checks that the code has three distinct areas. */
    public HollandCode {
        areas = List.copyOf(areas);
        if (areas.size() != 3 || areas.stream().distinct().count() != 3) {
            throw new IllegalArgumentException("a Holland code has three distinct areas, not " + areas);
        }
    }

    /** The code of six area scores (any scale: O*NET's 1-7, levels 0-1, raw sums). */
    public static HollandCode of(Map<RiasecArea, Double> scores) {
        if (!scores.keySet().containsAll(List.of(RiasecArea.values()))) {
            throw new IllegalArgumentException("a Holland code needs the six RIASEC scores, got " + scores.keySet());
        }
        List<RiasecArea> ranked = new ArrayList<>(List.of(RiasecArea.values()));
        // A stable sort on the score alone keeps hexagon order among equal scores.
        ranked.sort(Comparator.comparing((RiasecArea area) -> rounded(scores.get(area))).reversed());
        boolean tied = false;
        for (int i = 0; i < 3; i++) {
            tied |= Math.abs(scores.get(ranked.get(i)) - scores.get(ranked.get(i + 1))) <= EPSILON;
        }
        return new HollandCode(ranked.subList(0, 3), tied);
    }

    /** The code of letters such as {@code "SAE"}. */
    public static HollandCode parse(String letters) {
        if (letters == null || letters.length() != 3) {
            throw new IllegalArgumentException("a Holland code has three letters, not " + letters);
        }
        return new HollandCode(letters.chars().mapToObj(c -> RiasecArea.of(String.valueOf((char) c))).toList(), false);
    }

    /**
     * Iachan's (1984) agreement index M between two codes, from 0 (no letter in common) to 28 (the same code):
     * each letter of one code found in the other scores by position, 22, 10, 4 for a match with the other's first,
     * second and third letter when it is this code's first; 10, 5, 2 when second; 4, 2, 1 when third.
     */
    public int iachan(HollandCode other) {
        int[][] weights = {{22, 10, 4}, {10, 5, 2}, {4, 2, 1}};
        int m = 0;
        for (int i = 0; i < 3; i++) {
            int j = other.areas.indexOf(areas.get(i));
            if (j >= 0) {
                m += weights[i][j];
            }
        }
        return m;
    }

    /** The letters, e.g. {@code SAE}. */
    @JsonValue
    public String letters() {
        StringBuilder letters = new StringBuilder(3);
        areas.forEach(area -> letters.append(area.letter()));
        return letters.toString();
    }

    @Override
    public String toString() {
        return letters();
    }

    // Scores within 1e-9 of each other count as equal, so floating-point noise never reorders a tie.
    private static double rounded(double score) {
        return Math.round(score / EPSILON) * EPSILON;
    }
}
