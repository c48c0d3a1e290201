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
 * @param source for competences, the kind of evidence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeResult(String type, String target, String scale, double level, EvidenceSource source) {
}
