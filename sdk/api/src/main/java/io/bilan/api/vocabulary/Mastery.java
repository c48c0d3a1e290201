package io.bilan.api.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The one scale of competence levels: four named steps of mastery. A profile's competence level (0 to 1) falls in
 * one step, each a quarter of the way: 1 below 0.25, 2 from 0.25, 3 from 0.5, 4 from 0.75 (the profile's
 * strengths). An occupation requires a step (1 to 4); a level meets it when its step is the same or higher, that
 * is when the level is at least {@link #threshold()}. The top step is reached well before a perfect 1.
 */
public enum Mastery {
    BASIC(1, "Notions", "Basic knowledge",
            "connaît les bases, agit avec de l'aide", "knows the basics, acts with help"),
    APPLICATION(2, "Application", "Application",
            "applique dans les situations courantes", "applies it in everyday situations"),
    PROFICIENT(3, "Maîtrise", "Proficiency",
            "agit seul, y compris dans des situations variées", "acts alone, in varied situations too"),
    EXPERT(4, "Expertise", "Expertise",
            "agit avec aisance, même dans les cas difficiles, et peut transmettre",
            "acts with ease, even in difficult cases, and can pass it on");

    /** Floating-point slack: a level computed as 0.75 by hand is never put below step 4. */
    private static final double SLACK = 1e-9;

    private final int step;
    private final String labelFr;
    private final String labelEn;
    private final String descriptionFr;
    private final String descriptionEn;

    Mastery(int step, String labelFr, String labelEn, String descriptionFr, String descriptionEn) {
        this.step = step;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.descriptionFr = descriptionFr;
        this.descriptionEn = descriptionEn;
    }

    /** The step, 1 to 4, as manifests, occupations and the API write it. */
    @JsonValue
    public int step() {
        return step;
    }

    /** The lowest level (0 to 1) in this step: (step − 1) / 4. */
    public double threshold() {
        return (step - 1) / 4.0;
    }

    /** The step's name in French ({@code "fr"}) or English (any other language). */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** What a person at this step does, in French or English. */
    public String description(String language) {
        return "fr".equals(language) ? descriptionFr : descriptionEn;
    }

    /** The step of a level from 0 to 1 (below 0 is step 1, above 1 step 4). */
    public static Mastery of(double level) {
        Mastery reached = BASIC;
        for (Mastery mastery : values()) {
            if (level >= mastery.threshold() - SLACK) {
                reached = mastery;
            }
        }
        return reached;
    }

    /** The step numbered {@code step}, 1 to 4. */
    @JsonCreator
    public static Mastery step(int step) {
        if (step < 1 || step > values().length) {
            throw new IllegalArgumentException("a mastery step is 1 to 4, not " + step);
        }
        return values()[step - 1];
    }

    /** Whether a level meets this step, as a requirement: its step is this one or higher. */
    public boolean metBy(double level) {
        return of(level).step >= step;
    }
}
