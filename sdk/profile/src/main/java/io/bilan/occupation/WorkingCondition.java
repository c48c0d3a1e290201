package io.bilan.occupation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * Working conditions a person may need or want to leave, drawn from ROME's working contexts (the
 * {@code unix_referentiel_contexte_travail} labels, whose {@code code_ogr} each one lists): what a counsellor hears
 * in a bilan ("no more nights", "my back cannot take lifting any more").
 */
public enum WorkingCondition {
    NIGHT_WORK("night-work", "travail de nuit", "night work", "300803"),
    SHIFT_WORK("shift-work", "travail posté, par roulement ou en horaires décalés",
            "shift work, rotas or staggered hours", "126450", "300808", "300805"),
    WEEKEND_WORK("weekend-work", "travail le week-end et les jours fériés", "weekend and public-holiday work",
            "23376", "23374", "300793"),
    ON_CALL("on-call", "astreintes", "on-call duty", "300804"),
    PHYSICAL_LOAD("physical-load", "charge physique (port de charges, station debout prolongée, positions pénibles)",
            "physical load (lifting, long standing, awkward postures)", "300795", "300800", "300798"),
    REPETITIVE_WORK("repetitive-work", "travail répétitif ou cadence imposée", "repetitive or machine-paced work",
            "300801"),
    OUTDOOR_WORK("outdoor-work", "travail en extérieur", "outdoor work", "300783", "300790"),
    TRAVEL("travel", "déplacements professionnels", "work travel", "300779"),
    EMOTIONAL_LOAD("emotional-load", "charge émotionnelle (souffrance, détresse, violence des publics)",
            "emotional load (suffering, distress or violence of the people served)"),
    DAYTIME_HOURS("daytime-hours", "travail en journée", "daytime hours", "300806"),
    REMOTE_WORK("remote-work", "possibilité de télétravail", "possible remote work", "300799");

    private final String id;
    private final String labelFr;
    private final String labelEn;
    private final List<String> romeContexts;

    WorkingCondition(String id, String labelFr, String labelEn, String... romeContexts) {
        this.id = id;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.romeContexts = List.of(romeContexts);
    }

    /** The stable id, e.g. {@code night-work}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The name in {@code language} ({@code fr}, else English), in lower case to sit inside a sentence. */
    public String label(String language) {
        return "fr".equals(language) ? labelFr : labelEn;
    }

    /** The {@code code_ogr} of the ROME working contexts it stands for; empty when ROME has no such context. */
    public List<String> romeContexts() {
        return romeContexts;
    }

    /** The condition with this id; fails with the list of ids otherwise. */
    @JsonCreator
    public static WorkingCondition of(String id) {
        for (WorkingCondition condition : values()) {
            if (condition.id.equals(id)) {
                return condition;
            }
        }
        throw new IllegalArgumentException("unknown working condition \"" + id + "\"; known: "
                + Arrays.stream(values()).map(WorkingCondition::id).toList());
    }
}
