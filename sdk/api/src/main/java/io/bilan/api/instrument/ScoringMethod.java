package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What runs after the declarative scales: a JavaScript file of the package, or a Java scorer found by
 * name through {@link io.bilan.api.spi.BilanPlugin}. Exactly one of the two is set.
 *
 * @param script the package-relative path of the script, usually {@code scoring.js}
 * @param scorer the {@link io.bilan.api.spi.Scorer#name() name} of a Java scorer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoringMethod(String script, String scorer) {
}
