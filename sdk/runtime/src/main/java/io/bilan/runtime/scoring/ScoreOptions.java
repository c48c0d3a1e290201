package io.bilan.runtime.scoring;

/**
 * How to score: the report's language and which norm table to convert with.
 *
 * @param language ISO 639-1 code; when the instrument lacks it, English, else its first language
 * @param norm     a norm table id; {@code null} for the instrument's first table
 */
public record ScoreOptions(String language, String norm) {

    /** English, default norms. */
    public static ScoreOptions defaults() {
        return new ScoreOptions("en", null);
    }

    /** The given language, default norms. */
    public static ScoreOptions in(String language) {
        return new ScoreOptions(language, null);
    }
}
