package io.bilan.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.Mastery;
import java.util.List;
import java.util.Map;

/**
 * The picture of one person that their score reports add up to: a competence portfolio, strengths and
 * potential, work values, interests, aptitudes, and what is still missing. Built by {@link ProfileBuilder};
 * reproducible: {@code reports} lists the reports it was built from, by instrument and digest.
 *
 * @param version     the version of the rules it was built with ({@link ProfileBuilder#RULES}): the same reports
 *                    and the same version always give the same profile
 * @param reports     {@code id@version} and package digest of each report, in the order given
 * @param competences the portfolio, in the framework's order, then ESCO URIs
 * @param strengths   competences at mastery step 4 backed by more than self-assessment, with their evidence
 * @param potential   competences at mastery step 3, the ones to develop further, with their evidence
 * @param values      the six work values, or {@code null} with no evidence
 * @param interests   the RIASEC profile, or {@code null} with no evidence
 * @param aptitudes   test results, part by part
 * @param missing     parts of the profile without evidence, and the instruments that would give it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(int version, List<String> reports, List<CompetenceAssessment> competences,
        List<CompetenceAssessment> strengths, List<CompetenceAssessment> potential, ValuesProfile values,
        InterestsProfile interests, List<Aptitude> aptitudes, List<MissingPart> missing) {

    /**
     * What the portfolio says about one competence.
     *
     * @param competence the framework id or ESCO URI
     * @param level      0 to 1: the mean of the mastery evidence levels weighted by source; only documentation
     *                   levels when there is no mastery evidence (see {@link ProfileBuilder})
     * @param mastery    the step of {@code level} on the mastery scale, 1 to 4, the scale occupations require on
     * @param confidence 0 to 1: the total weight of all the evidence over 6, capped at 1
     * @param basis      what {@code level} rests on: {@code mastery}, or {@code documentation} when only
     *                   documentation evidence (examples, practice) was given
     * @param conflict   {@code self-higher} or {@code self-lower} when self-assessed and observed or tested mastery
     *                   differ by 0.4 or more; {@code null} otherwise
     * @param evidence   every piece of evidence
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompetenceAssessment(String competence, double level, Mastery mastery, double confidence,
            EvidenceMeasure basis, String conflict, List<Evidence> evidence) {

        /** Derives the step from the level when it is not given; the basis is mastery when not given. */
        public CompetenceAssessment {
            mastery = mastery == null ? Mastery.of(level) : mastery;
            basis = basis == null ? EvidenceMeasure.MASTERY : basis;
        }

        /** An assessment resting on mastery evidence, its step derived from its level. */
        public CompetenceAssessment(String competence, double level, double confidence, String conflict,
                List<Evidence> evidence) {
            this(competence, level, null, confidence, null, conflict, evidence);
        }
    }

    /**
     * One result that bears on a competence, a value or an interest.
     *
     * @param instrument {@code id@version}
     * @param scale      the scale the result comes from, if any
     * @param source     self-assessment, test, observation or experience
     * @param level      0 to 1
     * @param note       what it rests on, as the instrument said (e.g. past jobs)
     * @param measures   for a competence, what the level measures: {@code mastery} or {@code documentation}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(String instrument, String scale, EvidenceSource source, double level, String note,
            EvidenceMeasure measures) {

        /** Evidence whose measure is not given is evidence of mastery. */
        public Evidence {
            measures = measures == null ? EvidenceMeasure.MASTERY : measures;
        }

        /** Evidence of mastery. */
        public Evidence(String instrument, String scale, EvidenceSource source, double level, String note) {
            this(instrument, scale, source, level, note, EvidenceMeasure.MASTERY);
        }
    }

    /**
     * The six work values.
     *
     * @param scores value code to level 0 to 1
     * @param ranked the values from most to least important (ties in O*NET's order)
     */
    public record ValuesProfile(Map<String, Double> scores, List<String> ranked) {
    }

    /**
     * The RIASEC profile.
     *
     * @param scores          area letter to level 0 to 1, for the areas with evidence
     * @param hollandCode     the three highest areas (ties in hexagon order), when all six are known
     * @param tied            whether a tie decided the code
     * @param consistency     {@code high}, {@code medium} or {@code low}: how close the first two letters are
     * @param differentiation highest minus lowest level
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InterestsProfile(Map<String, Double> scores, String hollandCode, Boolean tied, String consistency,
            Double differentiation) {
    }

    /**
     * A test result.
     *
     * @param instrument {@code id@version}
     * @param scale      the part of the test
     * @param label      its name, in the report's language
     * @param raw        the score
     * @param max        the highest possible score
     * @param band       the band reached, if the test has bands
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Aptitude(String instrument, String scale, String label, Double raw, Double max, String band) {
    }

    /**
     * A part of the profile without evidence yet.
     *
     * @param part        {@code interests}, {@code values}, {@code competences}, {@code observed-competences} or
     *                    {@code aptitudes}
     * @param detail      e.g. the competences with no evidence
     * @param instruments shipped instruments that would give the evidence
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MissingPart(String part, List<String> detail, List<String> instruments) {
    }
}
