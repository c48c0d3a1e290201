package io.bilan.career;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Mastery;
import java.util.List;

/**
 * An occupation matched to a profile, with why: the score, its parts, the factors that raised or lowered it,
 * and the competence gaps to close.
 *
 * @param occupation    the occupation's id
 * @param score         0 to 1: the weighted mean of the parts that could be computed (see {@link CareerMatcher})
 * @param interestFit   0 to 1, or {@code null} when not considered
 * @param valuesFit     0 to 1, or {@code null} when not considered
 * @param competenceFit 0 to 1, or {@code null} when not considered
 * @param notConsidered the parts left out, and why, e.g. {@code values: the profile has no work values yet}
 * @param favourable    factors that raised the score
 * @param unfavourable  factors that lowered it
 * @param gaps          required competences the profile does not reach, or has no evidence of
 * @param fit           the band the option falls in, the words to show instead of the score
 * @param trainingMonths the training this person would need, in months, prerequisites they lack included; 0 for an
 *                      occupation they hold; {@code null} when the catalogue does not know
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareerOption(String occupation, double score, Double interestFit, Double valuesFit, Double competenceFit,
        List<String> notConsidered, List<Factor> favourable, List<Factor> unfavourable, List<Gap> gaps, Fit fit,
        Integer trainingMonths) {

    /**
     * One reason for or against.
     *
     * @param code    stable, e.g. {@code same-first-interest}, {@code value-offered}, {@code competence-gap},
     *                {@code condition-to-leave}, {@code training-too-long}
     * @param subject the area letter, value code or competence id it is about
     * @param text    the reason in French and English
     */
    public record Factor(String code, String subject, LocalizedText text) {
    }

    /**
     * A competence the occupation requires at a higher mastery step than the profile shows, or that the profile has
     * no evidence of. Both steps are on the one mastery scale ({@link Mastery}).
     *
     * @param competence the competence id
     * @param required   the step the occupation requires, 1 to 4
     * @param mastery    the profile's step, lower than {@code required}, or {@code null} when there is no evidence
     * @param level      the profile's level, 0 to 1, or {@code null} when there is no evidence
     * @param check      how to check it: which instrument, which evidence
     * @param close      how to close it: the routes the catalogue knows, with their level and length
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(String competence, Mastery required, Mastery mastery, Double level, LocalizedText check,
            LocalizedText close) {

        /** Whether the profile shows the competence below the step required, rather than having no evidence of it. */
        public boolean real() {
            return level != null;
        }
    }
}
