package io.bilan.engine.catalog;

/** Filters of the catalogue listing; {@code null} means no filter. */
public record CatalogFilter(String kind, String phase, String language, String text) {
}
