package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeResult(String type, String target, String scale, double level, EvidenceSource source,
        String evidence) {

    /** An outcome without an evidence note, as declarative mappings give. */
    public OutcomeResult(String type, String target, String scale, double level, EvidenceSource source) {
        this(type, target, scale, level, source, null);
    }
}
