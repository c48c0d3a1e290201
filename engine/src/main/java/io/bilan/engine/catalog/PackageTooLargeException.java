package io.bilan.engine.catalog;

/** A package over the configured size limit. */
public final class PackageTooLargeException extends RuntimeException {

    public PackageTooLargeException(long limit) {
        super("the package is larger than the limit of " + limit + " bytes");
    }
}
