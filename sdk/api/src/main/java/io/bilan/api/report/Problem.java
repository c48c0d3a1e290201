package io.bilan.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A problem found in a package or a response set.
 *
 * @param severity only errors block
 * @param code     a stable kebab-case code a program can act on, e.g. {@code unknown-item}
 * @param file     the package file the problem is in ({@code manifest.json}, {@code scoring.js},
 *                 {@code fixtures/x.json}); {@code null} for a response set
 * @param pointer  a JSON Pointer (RFC 6901) into that file or the response set; {@code ""} for the whole
 *                 document, {@code null} when the file is not JSON
 * @param message  what is wrong and, where it helps, how to fix it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Severity severity, String code, String file, String pointer, String message) {

    /** An error in a response set. */
    public static Problem inResponse(String code, String pointer, String message) {
        return new Problem(Severity.ERROR, code, null, pointer, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = (file == null ? "" : file) + (pointer == null ? "" : "#" + pointer);
        return severity.code() + " " + code + (where.isEmpty() ? "" : " at " + where) + ": " + message;
    }
}
