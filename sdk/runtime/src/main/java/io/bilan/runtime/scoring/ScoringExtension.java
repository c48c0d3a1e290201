package io.bilan.runtime.scoring;

import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.ScoringInput;

/** What runs after the declarative scales: a sandboxed script or a Java scorer. */
public interface ScoringExtension {

    /** {@code script} or {@code scorer}: marks the scales it adds in the report. */
    String kind();

    /** The additions for one response set, already checked against the additions schema. */
    ScoreAdditions score(ScoringInput input);

    /**
     * Whether {@link #score} may be called on a thread that must never wait, inside
     * {@link io.bilan.runtime.script.ScriptSandbox#withoutWaiting}: a script whose calls have been quick lately. A
     * Java scorer may do anything, so it never is.
     */
    default boolean runsQuickly() {
        return false;
    }
}
