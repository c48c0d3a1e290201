package io.bilan.occupation;

/**
 * What to look for in a catalogue; {@code null} fields match everything.
 *
 * @param text   words found in the id or a title, in any language, ignoring case and accents
 * @param sector the sector
 * @param level  the preparation level, 1 to 5
 */
public record OccupationQuery(String text, Sector sector, Integer level) {

    /** Everything. */
    public static OccupationQuery all() {
        return new OccupationQuery(null, null, null);
    }
}
