package io.bilan.engine.catalog;

/** What publishing did: stored a new version, or found the very same content already there. */
public record PublishOutcome(VersionSummary version, boolean created) {
}
