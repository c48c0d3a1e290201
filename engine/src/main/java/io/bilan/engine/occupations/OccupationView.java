package io.bilan.engine.occupations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.occupation.Occupation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An occupation as one person reads it: every text in one language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An occupation, its texts in the requested language")
public record OccupationView(
        @Schema(example = "registered-nurse") String id,
        @Schema(example = "Infirmier ou infirmière") String title,
        String description,
        SectorView sector,
        @Schema(description = "Preparation level, 1 (little or none) to 5 (extensive), as O*NET's job zones", example = "3")
        Integer level,
        @Schema(description = "The O*NET-SOC code the interest and value figures come from", example = "29-1141.00")
        String onetCode,
        @Schema(description = "Its ISCO-08 unit group", example = "2221") String isco,
        @Schema(description = "RIASEC scores on O*NET's scale, 1 to 7") Map<String, Double> interests,
        @Schema(description = "The three highest areas, ties in R-I-A-S-E-C order", example = "SIC") String hollandCode,
        @Schema(description = "Extent of the six work values on O*NET's scale, 1 to 7") Map<String, Double> values,
        List<CompetenceView> competences,
        List<String> routes,
        @Schema(description = "Where the interest and value figures were borrowed from, when they are not the"
                + " occupation's own (ESCO imports)") BorrowedFiguresView figuresFrom,
        @Schema(description = "Its ROME codes (France Travail)", example = "[\"J1506\"]") List<String> rome,
        @Schema(description = "Other titles it is known by: ROME's job titles of its codes") List<String> synonyms,
        @Schema(description = "The French qualification level usually required, 3 (CAP) to 8 (doctorate)", example = "6")
        Integer qualification,
        @Schema(description = "How long the usual training into it lasts for an adult who holds its prerequisites, in"
                + " months", example = "36") Integer trainingMonths,
        @Schema(description = "Occupations one of which must be held first") List<String> requires,
        @Schema(description = "Working conditions it commonly involves", example = "[\"night-work\"]") List<String> conditions,
        @Schema(description = "Close occupations one can move to (ROME's mobility links)") List<String> closeTo,
        @Schema(description = "Where each of its figures comes from") Occupation.FigureSources sources) {

    /** A sector: its id and its name. */
    public record SectorView(@Schema(example = "health") String id, @Schema(example = "Santé") String label) {
    }

    /** A competence the occupation requires, at a level from 1 (basic) to 4 (with ease, even in difficult cases). */
    public record CompetenceView(@Schema(example = "empathy") String id, String label, int level) {
    }

    /** The occupations whose mean figures an imported occupation took, and the ISCO-08 group they share with it. */
    public record BorrowedFiguresView(
            @Schema(description = "The ISCO-08 unit group (4 digits) or, failing that, minor group (3 digits)",
                    example = "2221") String iscoGroup,
            @Schema(description = "Ids of the occupations the figures are the means of") List<String> occupations) {
    }

    static OccupationView of(Occupation occupation, String language) {
        Map<String, Double> interests = new LinkedHashMap<>();
        for (RiasecArea area : RiasecArea.values()) {
            interests.put(area.letter(), occupation.interests().get(area));
        }
        Map<String, Double> values = null;
        if (!occupation.values().isEmpty()) {
            values = new LinkedHashMap<>();
            for (WorkValue value : WorkValue.values()) {
                values.put(value.code(), occupation.values().get(value));
            }
        }
        return new OccupationView(occupation.id(), occupation.title().resolve(language, "en"),
                occupation.description() == null ? null : occupation.description().resolve(language, "en"),
                new SectorView(occupation.sector().id(), occupation.sector().label(language)), occupation.level(),
                occupation.onetCode(), occupation.isco(), interests, occupation.hollandCode().letters(), values,
                occupation.competences().stream().map(c -> new CompetenceView(c.competence().id(),
                        c.competence().label(language), c.level())).toList(),
                occupation.routes().stream().map(route -> route.resolve(language, "en")).toList(),
                occupation.figuresFrom() == null ? null : new BorrowedFiguresView(occupation.figuresFrom().iscoGroup(),
                        occupation.figuresFrom().occupations()), occupation.rome(), occupation.synonyms(),
                occupation.qualification(), occupation.trainingMonths(), occupation.requires(),
                occupation.conditions().stream().map(io.bilan.occupation.WorkingCondition::id).toList(),
                occupation.closeTo(), occupation.sources());
    }
}
