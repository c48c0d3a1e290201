package io.bilan.runtime.source;

/** A package could not be read: not a folder or zip, unsafe, or over a limit. */
public final class PackageReadException extends Exception {

    private final String code;

    PackageReadException(String code, String message) {
        super(message);
        this.code = code;
    }

    PackageReadException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable code such as {@code zip-entry-outside-package} or {@code package-too-large}. */
    public String code() {
        return code;
    }
}
