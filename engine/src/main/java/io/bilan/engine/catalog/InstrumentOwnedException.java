package io.bilan.engine.catalog;

/** A caller tried to publish or deprecate a version of an instrument another author published. */
public class InstrumentOwnedException extends RuntimeException {

    public InstrumentOwnedException(String message) {
        super(message);
    }
}
