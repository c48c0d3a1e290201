package io.bilan.engine.occupations;

import io.bilan.engine.http.QueryValues;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.occupation.Sector;
import java.util.Arrays;

/**
 * The sector and preparation-level query parameters of the occupation and profile endpoints, read from text:
 * as Integer parameters, JAX-RS would answer a level that is not a number with a 404. A value they do not take is
 * a 400 naming the parameter.
 */
public final class OccupationFilters {

    private OccupationFilters() {
    }

    /** The sector with this id, {@code null} for none; a 400 for an unknown one. */
    public static Sector sector(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Sector.of(id.strip());
        } catch (IllegalArgumentException e) {
            throw QueryValues.unknown("sector", id, Arrays.stream(Sector.values()).map(Sector::id).toList());
        }
    }

    /** A whole number from {@code min} to {@code max}, {@code absent} when not given; a 400 otherwise. */
    public static Integer number(String text, String name, int min, int max, Integer absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw InvalidRequestException.at(name, "invalid-number", Texts.of("error.invalid-number", name, min, max, text));
    }
}
