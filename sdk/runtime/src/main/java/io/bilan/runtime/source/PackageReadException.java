package io.bilan.runtime.source;

import io.bilan.runtime.problem.ValidationCode;

/** A package could not be read: not a folder or zip, unsafe, or over a limit. */
public final class PackageReadException extends Exception {

    private final ValidationCode code;

    PackageReadException(ValidationCode code, String message) {
        super(message);
        this.code = code;
    }

    PackageReadException(ValidationCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable code such as {@code entry-outside-package}: a {@link ValidationCode} of stage READ. */
    public String code() {
        return code.code();
    }

    /** The code's entry in the catalogue. */
    public ValidationCode validationCode() {
        return code;
    }
}
