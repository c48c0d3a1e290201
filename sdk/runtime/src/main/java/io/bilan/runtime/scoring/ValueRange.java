package io.bilan.runtime.scoring;

/** The declared bounds of an item value; a reversed key maps {@code v} to {@code min + max - v}. */
record ValueRange(double min, double max) {
}
