package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The six areas of Holland's RIASEC model of vocational interests, in hexagon order: each area is
 * adjacent to the one before and after it (C is adjacent to R).
 *
 * <p>The labels here are the only ones: instruments' scripts receive them from the runtime
 * ({@code vocabulary.riasec}), and the documentation and the synthesis are tested against them. The French names
 * are those of the French adaptations of Holland's inventories (Réaliste, Investigateur, Artistique, Social,
 * Entreprenant, Conventionnel).
 */
public enum RiasecArea {
    REALISTIC('R', "Réaliste", "Realistic"),
    INVESTIGATIVE('I', "Investigateur", "Investigative"),
    ARTISTIC('A', "Artistique", "Artistic"),
    SOCIAL('S', "Social", "Social"),
    ENTERPRISING('E', "Entreprenant", "Enterprising"),
    CONVENTIONAL('C', "Conventionnel", "Conventional");

    private final char letter;
    private final String labelFr;
    private final String labelEn;

    RiasecArea(char letter, String labelFr, String labelEn) {
        this.letter = letter;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    /** The name shown to a person in {@code language} ({@code fr}; anything else gives English), e.g. Réaliste. */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** The one-letter code used in Holland codes and in manifests. */
    @JsonValue
    public String letter() {
        return String.valueOf(letter);
    }

    /** The area of a letter (R, I, A, S, E or C) or of a full English name, case-insensitive. */
    @JsonCreator
    public static RiasecArea of(String code) {
        for (RiasecArea area : values()) {
            if (area.letter().equalsIgnoreCase(code) || area.name().equalsIgnoreCase(code)) {
                return area;
            }
        }
        throw new IllegalArgumentException("not a RIASEC area: " + code + " (expected one of R, I, A, S, E, C)");
    }

    /** Steps between two areas around the hexagon: 0 (same), 1 (adjacent), 2 (alternate) or 3 (opposite). */
    public int hexagonDistance(RiasecArea other) {
        int steps = Math.abs(ordinal() - other.ordinal());
        return Math.min(steps, values().length - steps);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
