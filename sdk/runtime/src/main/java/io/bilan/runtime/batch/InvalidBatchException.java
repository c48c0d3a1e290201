package io.bilan.runtime.batch;

/**
 * A batch cannot be scored at all, as opposed to one of its rows: its CSV header cannot be read or names a
 * column twice. Nothing has been written when it is thrown.
 */
public final class InvalidBatchException extends Exception {

    public InvalidBatchException(String message) {
        super(message);
    }
}
