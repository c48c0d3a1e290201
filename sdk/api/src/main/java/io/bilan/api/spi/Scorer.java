package io.bilan.api.spi;

/**
 * Java scoring code for instruments whose rules don't fit declarative scales, an alternative to
 * {@code scoring.js}. It runs after the declarative scales and returns additions, which the runtime
 * validates exactly like a script's.
 *
 * <p>Implementations must be thread-safe and deterministic: the same input always gives the same
 * additions, with no clock, randomness or I/O.
 */
public interface Scorer {

    /** The name manifests use to select this scorer, e.g. {@code "example.big-five"}; unique across plugins. */
    String name();

    /** Scores one response set. A thrown exception fails this call only, reported as a scoring error. */
    ScoreAdditions score(ScoringInput input);
}
