package io.bilan.engine.runtime;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds the JSON bodies the API reads, as the runtime bounds packages: nesting depth, string and number
 * lengths, no key twice in an object (which of two answers would count?), and no enum named by a number. The body size limits come first
 * (bilan.limits.*); these keep a small body from costing deep recursion or huge numbers.
 *
 * <p>A body says exactly what it means: a field the request does not take is refused (a typo would otherwise be a
 * change silently not made), and a number or boolean is not taken for text ({@code "beneficiary": 5} is not
 * {@code "5"}). Free-form parts of a body (a response set's answers, held as JSON trees or maps) take any field;
 * their own JSON Schema checks them. What the engine stored itself is read leniently ({@link #stored}).
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    /** Deeper than any document of the API needs, far from what would exhaust a thread's stack. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string of any field, in characters: a free-text answer or a comment fits many times. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest number, in digits. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /**
     * A reader of JSON the engine wrote itself (a stored report, a centre's settings): a field of an older shape is
     * left aside rather than making a stored row unreadable.
     */
    public static ObjectReader stored(ObjectMapper mapper) {
        return mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // A closed set is named by its values, never by a position: 0 is not "fit".
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }
}
