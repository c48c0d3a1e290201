package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The six areas of Holland's RIASEC model of vocational interests, in hexagon order: each area is
 * adjacent to the one before and after it (C is adjacent to R).
 */
public enum RiasecArea {
    REALISTIC('R'),
    INVESTIGATIVE('I'),
    ARTISTIC('A'),
    SOCIAL('S'),
    ENTERPRISING('E'),
    CONVENTIONAL('C');

    private final char letter;

    RiasecArea(char letter) {
        this.letter = letter;
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
