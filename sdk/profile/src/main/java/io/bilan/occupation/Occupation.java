package io.bilan.occupation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.HollandCode;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
 * @param rome          its ROME codes (France Travail's classification, e.g. {@code J1506}), the first the closest
 * @param synonyms      other titles people search it by, in French: ROME's job titles (appellations) of its codes
 * @param qualification the French qualification level usually required (nomenclature of 2019: 3 CAP, 4 bac, 5
 *                      bac+2, 6 licence or bachelor, 7 master, 8 doctorate); {@code null} when unknown
 * @param trainingMonths how long the usual training into it lasts for an adult who holds its prerequisites, in
 *                      months (0 when one is hired and trained on the job); {@code null} when unknown
 * @param requires      ids of occupations one of which must be held first (the cadre de santé is a nurse or
 *                      another health professional first); empty when none
 * @param conditions    the working conditions it commonly involves (night work, physical load...)
 * @param closeTo       ids of close occupations one can move to with little training (ROME's mobility links)
 * @param sources       where each of its figures comes from, said per occupation; {@code null} when not stated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Occupation(String id, LocalizedText title, LocalizedText description, Sector sector, Integer level,
        String onetCode, String isco, Map<RiasecArea, Double> interests, Map<WorkValue, Double> values,
        List<RequiredCompetence> competences, List<LocalizedText> routes, BorrowedFigures figuresFrom,
        List<String> rome, List<String> synonyms, Integer qualification, Integer trainingMonths,
        List<String> requires, Set<WorkingCondition> conditions, List<String> closeTo, FigureSources sources) {

    /** A ROME code: a letter and four digits. */
    public static final Pattern ROME_CODE = Pattern.compile("[A-N][0-9]{4}");

    /** An occupation without French details (ROME codes, qualification, training, conditions). */
    public Occupation(String id, LocalizedText title, LocalizedText description, Sector sector, Integer level,
            String onetCode, String isco, Map<RiasecArea, Double> interests, Map<WorkValue, Double> values,
            List<RequiredCompetence> competences, List<LocalizedText> routes, BorrowedFigures figuresFrom) {
        this(id, title, description, sector, level, onetCode, isco, interests, values, competences, routes,
                figuresFrom, null, null, null, null, null, null, null, null);
    }

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
        rome = rome == null ? List.of() : List.copyOf(rome);
        for (String code : rome) {
            if (!ROME_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException(id + ": a ROME code is a letter A to N and four digits, such as"
                        + " \"J1506\", not \"" + code + "\"");
            }
        }
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        if (qualification != null && (qualification < 3 || qualification > 8)) {
            throw new IllegalArgumentException(id + ": the qualification level is 3 (CAP) to 8 (doctorate), not "
                    + qualification);
        }
        if (trainingMonths != null && (trainingMonths < 0 || trainingMonths > 180)) {
            throw new IllegalArgumentException(id + ": the training lasts 0 to 180 months, not " + trainingMonths);
        }
        requires = requires == null ? List.of() : List.copyOf(requires);
        conditions = conditions == null || conditions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(conditions));
        closeTo = closeTo == null ? List.of() : List.copyOf(closeTo);
    }

    /** The same occupation with these other titles. */
    public Occupation withSynonyms(List<String> titles) {
        return new Occupation(id, title, description, sector, level, onetCode, isco, interests, values, competences,
                routes, figuresFrom, rome, titles, qualification, trainingMonths, requires, conditions, closeTo, sources);
    }

    /**
     * Where each figure of an occupation comes from, in a few words each, e.g. {@code "O*NET 29.3, 29-1141.00
     * (Registered Nurses), chosen by Bilan as the closest"} or {@code "estimated by Bilan"}.
     *
     * @param interests   the six RIASEC scores
     * @param values      the six work values
     * @param competences the required competences and their levels
     * @param training    the qualification level, the training length and the prerequisites
     * @param conditions  the working conditions
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FigureSources(String interests, String values, String competences, String training,
            String conditions) {
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
