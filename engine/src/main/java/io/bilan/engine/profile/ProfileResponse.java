package io.bilan.engine.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.profile.Profile;
import java.util.List;

/**
 * A profile and what it opens.
 *
 * @param profile           the competence portfolio, strengths, potential, values, interests, aptitudes, gaps
 * @param careerOptions     the best options, highest score first
 * @param projectValidation the target occupation's fit, when one was named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileResponse(Profile profile, List<CareerOptionView> careerOptions, CareerOptionView projectValidation) {
}
