package io.bilan.engine.profile;

import io.bilan.career.Situation;
import io.bilan.engine.occupations.Occupations;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.occupation.WorkingCondition;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the person says of their situation, for career options and the project validation (docs/occupations.md).
 *
 * @param current           the id of the occupation they hold now: left out of the options unless includeExcluded
 * @param former            ids of occupations they have held: their prerequisites count as met
 * @param ruledOut          ids of occupations they rule out: left out unless includeExcluded
 * @param includeExcluded   show the current, ruled-out and too-long-to-reach occupations all the same
 * @param qualification     the highest French qualification level they hold, 1 to 8
 * @param maxTrainingMonths the longest training they accept, in months
 * @param avoid             working conditions they want to leave
 * @param seek              working conditions they look for
 */
@Schema(description = "What the person says of their situation; every part is optional")
public record SituationRequest(
        @Schema(description = "The occupation they hold now, left out of the options unless includeExcluded",
                example = "registered-nurse") @Size(max = 200) String current,
        @Schema(description = "Occupations they have held: their prerequisites count as met")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> former,
        @Schema(description = "Occupations they rule out, left out unless includeExcluded")
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> ruledOut,
        @Schema(description = "Show the current, ruled-out and too-long-to-reach occupations all the same")
        Boolean includeExcluded,
        @Schema(description = "Highest French qualification level held (nomenclature of 2019): 1 or 2 none, 3 CAP,"
                + " 4 bac, 5 bac+2, 6 bac+3, 7 bac+5, 8 doctorate", example = "6") @Min(1) @Max(8) Integer qualification,
        @Schema(description = "The longest training they accept, in months", example = "18")
        @Min(0) @Max(180) Integer maxTrainingMonths,
        @Schema(description = "Working conditions they want to leave", example = "[\"night-work\", \"shift-work\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = CONDITIONS) String> avoid,
        @Schema(description = "Working conditions they look for", example = "[\"daytime-hours\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = CONDITIONS) String> seek) {

    /** The ids of {@link WorkingCondition}, as Bean Validation checks them. */
    static final String CONDITIONS = "night-work|shift-work|weekend-work|on-call|physical-load|repetitive-work"
            + "|outdoor-work|travel|emotional-load|daytime-hours|remote-work";

    /** The situation, every occupation id checked against the catalogue: a 400 with a pointer for each unknown one. */
    Situation toSituation(Occupations occupations, String at) {
        List<ProblemDetails.Error> errors = new ArrayList<>();
        if (current != null && occupations.find(current).isEmpty()) {
            errors.add(unknown(pointer(at, "current"), current));
        }
        check(occupations, former, pointer(at, "former"), errors);
        check(occupations, ruledOut, pointer(at, "ruledOut"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Situation(current, former, ruledOut, Boolean.TRUE.equals(includeExcluded), qualification,
                maxTrainingMonths, conditions(avoid), conditions(seek));
    }

    /** A pointer into the body ({@code /situation/current}, or {@code /current} with {@code at} "/") or, with no prefix, a query parameter's name. */
    private static String pointer(String at, String name) {
        return at.isEmpty() ? name : at.endsWith("/") ? at + name : at + "/" + name;
    }

    /**
     * A situation from query parameters, for the GET endpoints; numbers and conditions checked here (a 400 naming the
     * parameter), occupation ids when it is turned into a {@link Situation}.
     */
    public static SituationRequest fromQuery(String current, List<String> former, List<String> ruledOut,
            String includeExcluded, String qualification, String maxTrainingMonths, List<String> avoid, List<String> seek) {
        for (List<String> conditions : List.of(avoid == null ? List.<String>of() : avoid,
                seek == null ? List.<String>of() : seek)) {
            for (String condition : conditions) {
                if (!condition.matches(CONDITIONS)) {
                    throw InvalidRequestException.at(conditions == avoid ? "avoid" : "seek", "unknown-condition",
                            "unknown working condition \"" + condition + "\"; known: " + CONDITIONS.replace('|', ' '));
                }
            }
        }
        return new SituationRequest(current == null || current.isBlank() ? null : current.strip(), former, ruledOut,
                includeExcluded == null ? null
                        : Boolean.parseBoolean(io.bilan.engine.http.QueryValues.oneOf("includeExcluded",
                                includeExcluded.strip(), List.of("true", "false"))),
                io.bilan.engine.occupations.OccupationFilters.number(qualification, "qualification", 1, 8, null),
                io.bilan.engine.occupations.OccupationFilters.number(maxTrainingMonths, "maxTrainingMonths", 0, 180, null),
                avoid, seek);
    }

    /**
     * This situation over a recorded one: each part given here wins, each part left out (null or empty) is the recorded
     * one's; {@code recorded} may be null.
     */
    public SituationRequest over(SituationRequest recorded) {
        if (recorded == null) {
            return this;
        }
        return new SituationRequest(current != null ? current : recorded.current(), or(former, recorded.former()),
                or(ruledOut, recorded.ruledOut()), includeExcluded != null ? includeExcluded : recorded.includeExcluded(),
                qualification != null ? qualification : recorded.qualification(),
                maxTrainingMonths != null ? maxTrainingMonths : recorded.maxTrainingMonths(), or(avoid, recorded.avoid()),
                or(seek, recorded.seek()));
    }

    private static List<String> or(List<String> given, List<String> recorded) {
        return given != null && !given.isEmpty() ? given : recorded;
    }

    private static void check(Occupations occupations, List<String> ids, String at, List<ProblemDetails.Error> errors) {
        if (ids != null) {
            for (int i = 0; i < ids.size(); i++) {
                if (occupations.find(ids.get(i)).isEmpty()) {
                    errors.add(unknown(at + "/" + i, ids.get(i)));
                }
            }
        }
    }

    private static ProblemDetails.Error unknown(String pointer, String id) {
        return new ProblemDetails.Error("unknown-occupation", pointer, "no occupation \"" + id
                + "\" in the catalogue: search GET /api/v1/occupations?q=... for its id", null, null);
    }

    static Set<WorkingCondition> conditions(List<String> ids) {
        Set<WorkingCondition> conditions = EnumSet.noneOf(WorkingCondition.class);
        if (ids != null) {
            ids.forEach(id -> conditions.add(WorkingCondition.of(id)));
        }
        return conditions;
    }
}
