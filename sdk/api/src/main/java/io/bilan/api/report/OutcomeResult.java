package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;

/**
 * A result carried over to a shared vocabulary, which profiles aggregate.
 *
 * @param type   {@code interest}, {@code work-value} or {@code competence}
 * @param target the RIASEC letter, the work value code, or the competence id or ESCO URI
 * @param scale  the scale it comes from, if any
 * @param level  0 to 1: the score's position between the lowest and highest possible score
 * @param source   for competences, the kind of evidence
 * @param evidence what the outcome rests on, in a few language-neutral words (e.g. the titles of the past
 *                 jobs a competence was used in); optional
 * @param measures for competences, what the level measures: {@code mastery} (also when {@code null}) or
 *                 {@code documentation}, how well examples or practice back the competence up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeResult(String type, String target, String scale, double level, EvidenceSource source,
        String evidence, EvidenceMeasure measures) {

    /** An outcome without an evidence note, as declarative mappings give. */
    public OutcomeResult(String type, String target, String scale, double level, EvidenceSource source) {
        this(type, target, scale, level, source, null, null);
    }

    /** An outcome whose level, for a competence, measures mastery. */
    public OutcomeResult(String type, String target, String scale, double level, EvidenceSource source,
            String evidence) {
        this(type, target, scale, level, source, evidence, null);
    }

    /** What the level measures: {@link EvidenceMeasure#MASTERY} unless the outcome says otherwise. */
    public EvidenceMeasure measure() {
        return measures == null ? EvidenceMeasure.MASTERY : measures;
    }
}
