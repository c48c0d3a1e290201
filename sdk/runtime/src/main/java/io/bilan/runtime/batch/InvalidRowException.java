package io.bilan.runtime.batch;

/** One row cannot be turned into a response set; the row is refused as {@code invalid-row}. */
final class InvalidRowException extends Exception {

    InvalidRowException(String message) {
        // Refused rows can be frequent and the stack trace says nothing the message does not.
        super(message, null, false, false);
    }
}
