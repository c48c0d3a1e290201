package io.bilan.engine.http;

import java.util.List;

/**
 * The {@code If-None-Match} condition of RFC 9110 (section 13.1.2): {@code *}, or a list of entity tags, any of which
 * may be weak ({@code W/"..."}) and which the field may spread over several lines. It is compared weakly: a weak tag
 * matches the strong tag with the same opaque value. A field that cannot be read is ignored, as if absent, so the
 * client gets the whole representation rather than a 304 it did not ask for.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Whether {@code ifNoneMatch} (the field's lines, or {@code null}) names {@code current}, a strong tag with its
     * quotes, or is {@code *}: then a GET is answered 304.
     */
    public static boolean noneMatchFails(List<String> ifNoneMatch, String current) {
        if (ifNoneMatch == null) {
            return false;
        }
        boolean matched = false;
        for (String line : ifNoneMatch) {
            Boolean found = matches(line, current);
            if (found == null) {
                return false;
            }
            matched |= found;
        }
        return matched;
    }

    /** Whether one line of the field names {@code current}; {@code null} when it is not a valid field value. */
    private static Boolean matches(String line, String current) {
        if (line == null) {
            return false;
        }
        if (line.strip().equals("*")) {
            return true;
        }
        boolean matched = false;
        int at = 0;
        int length = line.length();
        while (true) {
            at = skip(line, at);
            if (at == length) {
                return matched;
            }
            int start = line.startsWith("W/", at) ? at + 2 : at;
            if (start >= length || line.charAt(start) != '"') {
                return null;
            }
            int end = line.indexOf('"', start + 1);
            if (end < 0) {
                return null;
            }
            matched |= line.regionMatches(start, current, 0, current.length()) && end + 1 - start == current.length();
            at = end + 1;
            int next = skipSpaces(line, at);
            if (next < length && line.charAt(next) != ',') {
                return null;
            }
            at = next;
        }
    }

    /** Past spaces, tabs and the commas of empty list elements. */
    private static int skip(String line, int at) {
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t' || line.charAt(at) == ',')) {
            at++;
        }
        return at;
    }

    private static int skipSpaces(String line, int at) {
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
