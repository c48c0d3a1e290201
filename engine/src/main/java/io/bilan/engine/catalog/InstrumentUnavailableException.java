package io.bilan.engine.catalog;

import io.bilan.api.report.Problem;
import java.util.List;

/**
 * A published instrument that cannot be loaded now, typically because the plugin providing its Java scorer is
 * missing or broken: only this instrument fails, with the reasons.
 */
public class InstrumentUnavailableException extends RuntimeException {

    private final transient List<Problem> problems;

    public InstrumentUnavailableException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
