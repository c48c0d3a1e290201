package io.bilan.occupation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.HollandCode;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An occupation careers are matched to.
 *
 * @param id          stable id, e.g. {@code registered-nurse}; O*NET imports are {@code onet-29-1141-00}
 * @param title       its name, in French and English where known
 * @param description one sentence saying what the work is
 * @param sector      the sector it belongs to
 * @param level       preparation level 1 (little or none) to 5 (extensive), as O*NET's job zones; {@code null}
 *                    when unknown
 * @param onetCode    the O*NET-SOC code its interest and value figures come from, if any
 * @param isco        its ISCO-08 unit group (4 digits, e.g. {@code 2221}), if known: ESCO imports borrow the
 *                    figures of the occupations that share it
 * @param interests   the six RIASEC scores on O*NET's scale (1 to 7)
 * @param values      the six work values' extent on O*NET's scale (1 to 7); empty when unknown
 * @param competences key competences of the framework and the level the work requires (1 to 4)
 * @param routes      typical trainings or routes into it
 * @param figuresFrom where its interest and value figures were borrowed from, when they are not its own (ESCO
 *                    imports); {@code null} otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Occupation(String id, LocalizedText title, LocalizedText description, Sector sector, Integer level,
        String onetCode, String isco, Map<RiasecArea, Double> interests, Map<WorkValue, Double> values,
        List<RequiredCompetence> competences, List<LocalizedText> routes, BorrowedFigures figuresFrom) {

    /** Checks what matching relies on: an id, a title, a sector and the six interest scores. */
    public Occupation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sector, "sector");
        if (isco != null && !Isco08.isUnitGroup(isco)) {
            throw new IllegalArgumentException(id + ": isco must be an ISCO-08 unit group, 4 digits such as \"2221\", not \""
                    + isco + "\"");
        }
        interests = Map.copyOf(interests);
        if (interests.size() != RiasecArea.values().length) {
            throw new IllegalArgumentException(id + ": an occupation needs the six RIASEC scores, got " + interests.keySet());
        }
        if (level != null && (level < 1 || level > 5)) {
            throw new IllegalArgumentException(id + ": the preparation level is 1 to 5, not " + level);
        }
        values = values == null ? Map.of() : Map.copyOf(values);
        if (!values.isEmpty() && values.size() != WorkValue.values().length) {
            throw new IllegalArgumentException(id + ": give the six work values or none, got " + values.keySet());
        }
        competences = competences == null ? List.of() : List.copyOf(competences);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** The three-letter code of its interest scores, ties in hexagon order. */
    @JsonIgnore
    public HollandCode hollandCode() {
        return HollandCode.of(interests);
    }

    /**
     * Interest and value figures borrowed from other occupations: their means, rounded to two decimals.
     *
     * @param iscoGroup   the ISCO-08 group the occupations share with this one: its unit group (4 digits) or, when no
     *                    occupation shares that, its minor group (3 digits)
     * @param occupations the ids of the occupations the figures are the means of
     */
    public record BorrowedFigures(String iscoGroup, List<String> occupations) {

        /** Checks the group and that there is at least one occupation. */
        public BorrowedFigures {
            Objects.requireNonNull(iscoGroup, "iscoGroup");
            if (!iscoGroup.matches("[0-9]{3,4}")) {
                throw new IllegalArgumentException("an ISCO-08 unit or minor group has 4 or 3 digits, not " + iscoGroup);
            }
            occupations = List.copyOf(occupations);
            if (occupations.isEmpty()) {
                throw new IllegalArgumentException("figures are borrowed from at least one occupation");
            }
        }
    }

    /**
     * A competence the occupation requires.
     *
     * @param competence the competence of the framework
     * @param level      the level required, 1 (basic) to 4 (with ease, even in difficult cases)
     */
    public record RequiredCompetence(Competence competence, int level) {

        /** Checks the level. */
        public RequiredCompetence {
            Objects.requireNonNull(competence, "competence");
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("a required level is 1 to 4, not " + level);
            }
        }
    }
}
