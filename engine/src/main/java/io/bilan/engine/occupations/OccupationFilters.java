package io.bilan.engine.occupations;

import io.bilan.occupation.Sector;
import jakarta.ws.rs.BadRequestException;

/**
 * The sector and preparation-level query parameters of the occupation and profile endpoints, read from text:
 * as Integer parameters, JAX-RS would answer a level that is not a number with a 404.
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
            throw new BadRequestException(e.getMessage());
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
        throw new BadRequestException(name + " is a whole number from " + min + " to " + max + ", not \"" + text + "\"");
    }
}
