package io.bilan.engine.runtime;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds the JSON bodies the API reads, as the runtime bounds packages: nesting depth, string and number
 * lengths, no key twice in an object (which of two answers would count?), and no enum named by a number. The body size limits come first
 * (bilan.limits.*); these keep a small body from costing deep recursion or huge numbers.
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    /** Deeper than any document of the API needs, far from what would exhaust a thread's stack. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string of any field, in characters: a free-text answer or a comment fits many times. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Longest number, in digits. */
    public static final int MAX_NUMBER_LENGTH = 100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // A closed set is named by its values, never by a position: 0 is not "fit".
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
    }
}
