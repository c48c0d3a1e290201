/** The instrument package model: one record per part of {@code manifest.json}. */
package io.bilan.api.instrument;
