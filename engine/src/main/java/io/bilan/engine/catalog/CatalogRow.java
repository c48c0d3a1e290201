package io.bilan.engine.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The columns the listing filters on, read without the package bytes. */
@RegisterForReflection
public record CatalogRow(String instrumentId, String version, String kind, String phases, String languages,
        String searchText, boolean deprecated) {
}
