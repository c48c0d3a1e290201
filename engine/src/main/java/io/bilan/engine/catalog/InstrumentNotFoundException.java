package io.bilan.engine.catalog;

/** No instrument, or no such version of it, in the catalogue. */
public final class InstrumentNotFoundException extends RuntimeException {

    public InstrumentNotFoundException(String message) {
        super(message);
    }
}
