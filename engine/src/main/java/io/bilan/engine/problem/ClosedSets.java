package io.bilan.engine.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** The values of an enum as requests write them: its {@link JsonValue}, else the constant's name. */
final class ClosedSets {

    private ClosedSets() {
    }

    static List<String> values(Class<?> type) {
        Method json = Arrays.stream(type.getMethods())
                .filter(method -> method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0)
                .findFirst().orElse(null);
        return Arrays.stream(type.getEnumConstants()).map(constant -> {
            try {
                return json == null ? ((Enum<?>) constant).name() : String.valueOf(json.invoke(constant));
            } catch (ReflectiveOperationException e) {
                return ((Enum<?>) constant).name();
            }
        }).toList();
    }
}
