package io.bilan.engine.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * Reads a request body that must not carry fields its type does not know, for the resource methods annotated
 * {@code @CustomDeserialization(StrictRequestJson.class)}. The engine's mapper ignores unknown fields, so that a
 * client sending more than an endpoint takes is not broken; where a field left aside would look like a change
 * accepted (an edit answering 200 while changing nothing), the body is read with this reader instead, and an
 * unknown field is a 400 problem pointing at it. The mapper's other settings (limits, duplicate keys) still apply.
 */
public class StrictRequestJson implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
