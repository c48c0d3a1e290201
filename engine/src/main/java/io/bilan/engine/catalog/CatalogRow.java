package io.bilan.engine.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A published version's metadata, read without the package bytes. */
@RegisterForReflection
public record CatalogRow(String instrumentId, String version, String digest, String kind, String phases,
        String languages, String searchText, boolean deprecated, java.time.OffsetDateTime publishedAt) {
}
