package io.bilan.api.report;

/**
 * Something a counsellor should notice about a result: insufficient data, an over-time test, a flat
 * profile. {@code code} is stable; {@code message} is in the report's language.
 */
public record Flag(String code, Severity severity, String message) {
}
