package io.bilan.engine.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.profile.Profile;
import java.util.List;

/**
 * A profile and what it opens.
 *
 * @param profile           the competence portfolio, strengths, potential, values, interests, aptitudes, gaps
 * @param careerOptions     the best options, highest score first
 * @param sectors           every sector, best first, with its three best occupations
 * @param projectValidation the target occupation's fit, when one was named by its id
 * @param targetChoices     when the target was words rather than an id: the occupations they match, to choose from
 * @param leftOut           how many occupations the person's situation left out of the options, by reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileResponse(Profile profile, List<CareerOptionView> careerOptions, List<SectorView> sectors,
        CareerOptionView projectValidation, List<OccupationTitle> targetChoices, java.util.Map<String, Integer> leftOut) {

    /** A sector as a possible future: the score of its best occupation, and its best occupations. */
    public record SectorView(String id, String label, double score, List<OccupationTitle> occupations) {
    }

    /** An occupation's id and title. */
    public record OccupationTitle(String id, String title) {
    }
}
