/**
 * The instrument package model: one record per part of {@code manifest.json}. The runtime reads a manifest into
 * these records with its own reader ({@code io.bilan.runtime.validation.ManifestReader}), not with Jackson's
 * binding: a member added to a record is added there too, and {@code ManifestReaderTest} fails until it is.
 */
package io.bilan.api.instrument;
