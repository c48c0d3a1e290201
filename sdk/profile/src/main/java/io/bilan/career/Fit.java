package io.bilan.career;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How well an option fits, in words rather than a percentage the method cannot vouch for: the score's bands, an
 * occupation whose working conditions the person wants to leave or whose training is longer than they accept being
 * put one band lower. The thresholds are on the matcher's 0-1 score (see docs/occupations.md).
 */
public enum Fit {
    STRONG("strong", 0.85, "forte", "strong", "le profil et la situation vont dans le sens de ce métier",
            "the profile and the situation point towards this occupation"),
    GOOD("good", 0.75, "bonne", "good", "plusieurs éléments du profil vont dans ce sens, quelques réserves",
            "several parts of the profile point this way, with some reservations"),
    PARTIAL("partial", 0.62, "partielle", "partial", "des éléments pour et contre : à explorer avec la personne",
            "factors for and against: to explore with the person"),
    WEAK("weak", 0, "faible", "weak", "peu d'éléments du profil vont dans ce sens", "little in the profile points this way"),
    UNKNOWN("unknown", 0, "non évaluable", "cannot be judged",
            "le profil ne permet pas encore de juger (intérêts, valeurs et compétences manquent)",
            "the profile cannot tell yet (interests, values and competences are missing)");

    private final String id;
    private final double from;
    private final String labelFr;
    private final String labelEn;
    private final String meaningFr;
    private final String meaningEn;

    Fit(String id, double from, String labelFr, String labelEn, String meaningFr, String meaningEn) {
        this.id = id;
        this.from = from;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.meaningFr = meaningFr;
        this.meaningEn = meaningEn;
    }

    /** The stable id, e.g. {@code good}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The band's name in French ({@code fr}) or English. */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** What the band means, in a sentence. */
    public String meaning(String language) {
        return "fr".equals(language) ? meaningFr : meaningEn;
    }

    /** The band of a score. */
    public static Fit of(double score) {
        for (Fit fit : values()) {
            if (fit != UNKNOWN && score >= fit.from) {
                return fit;
            }
        }
        return WEAK;
    }

    /** The band below, {@link #WEAK} staying weak. */
    Fit lower() {
        return switch (this) {
            case STRONG -> GOOD;
            case GOOD -> PARTIAL;
            case PARTIAL, WEAK -> WEAK;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
