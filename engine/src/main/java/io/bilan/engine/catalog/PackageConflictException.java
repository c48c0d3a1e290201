package io.bilan.engine.catalog;

/** {@code id@version} is already published with other content; published versions never change. */
public final class PackageConflictException extends RuntimeException {

    public PackageConflictException(String message) {
        super(message);
    }
}
