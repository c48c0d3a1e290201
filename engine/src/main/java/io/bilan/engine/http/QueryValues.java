package io.bilan.engine.http;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import java.util.Collection;

/**
 * Query parameters whose values form a closed set ({@code ?kind=}, {@code ?phase=}, {@code ?lang=}...): a value
 * outside it is a 400 naming the parameter and the values it takes, never a filter that silently matches nothing.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** {@code value} when it is one of {@code values}; null when absent; a 400 naming {@code parameter} otherwise. */
    public static String oneOf(String parameter, String value, Collection<String> values) {
        if (value == null || value.isEmpty() || values.contains(value)) {
            return value == null || value.isEmpty() ? null : value;
        }
        throw unknown(parameter, value, values);
    }

    /** The refusal of {@code value}, which {@code parameter} does not take. */
    public static InvalidRequestException unknown(String parameter, String value, Collection<String> values) {
        return InvalidRequestException.at(parameter, "unknown-value",
                Texts.of("error.unknown-query-value", value, parameter, String.join(", ", values)));
    }
}
