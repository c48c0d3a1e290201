package io.bilan.runtime.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bilan.api.report.Flag;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.report.Severity;
import io.bilan.api.response.ResponseSet;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportJson} writes what Jackson's data binding writes, byte for byte. Reports are generated from the records'
 * own components, read by reflection: every component of every report record is filled, null or not, so a component
 * added to one of them makes these tests fail until {@link ReportJson} writes it.
 */
class ReportJsonTest {

    private static final ObjectWriter DATA_BINDING = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build().writerFor(ScoreReport.class);

    private final Random random = new Random(20261207);
    /** The record components given a value other than null at least once, as {@code Record.component}. */
    private final Set<String> filled = new HashSet<>();

    @Test
    void writesGeneratedReportsAsDataBindingDoes() throws Exception {
        for (int i = 0; i < 3000; i++) {
            ScoreReport report = (ScoreReport) generate(ScoreReport.class, 0);
            assertEquals(new String(DATA_BINDING.writeValueAsBytes(report), StandardCharsets.UTF_8),
                    new String(ReportJson.bytes(report), StandardCharsets.UTF_8), "generated report " + i);
        }
        Set<String> components = new HashSet<>();
        collectComponents(ScoreReport.class, components);
        components.removeAll(filled);
        assertEquals(Set.of(), components, "components the generated reports never filled");
    }

    @Test
    void writesScoredReportsAsDataBindingDoes() throws Exception {
        Instrument everyRule = TestPackages.load("every-rule");
        // Every item answered but l3 and l4: scale "sum" then lacks answers and is flagged.
        Map<String, Object> answers = DeclarativeScoringTest.complete();
        answers.remove("l3");
        answers.remove("l4");
        for (String language : List.of("en", "fr")) {
            ScoreReport report = everyRule.score(ResponseSet.of(answers), ScoreOptions.in(language));
            assertTrue(report.flags().stream().anyMatch(flag -> flag.code().equals(ScoringPlan.INSUFFICIENT_DATA)),
                    "the report holds a flag");
            assertEquals(new String(DATA_BINDING.writeValueAsBytes(report), StandardCharsets.UTF_8),
                    new String(ReportJson.bytes(report), StandardCharsets.UTF_8), language);
        }
    }

    @Test
    void writesOpenResultsThroughDataBinding() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("code", "SIA");
        results.put("nothing", null);
        results.put("flag", new Flag("f", Severity.INFO, null));
        results.put("nested", Map.of("list", List.of(1, 2.5, "x")));
        ScoreReport report = new ScoreReport("x@1.0.0", "sha256:00", "en", null, Map.of(), List.of(), List.of(),
                List.of(), results, null);
        assertEquals("{\"digest\":\"sha256:00\",\"flags\":[],\"instrument\":\"x@1.0.0\",\"interpretation\":[],"
                        + "\"language\":\"en\",\"outcomes\":[],\"results\":{\"code\":\"SIA\",\"nothing\":null,"
                        + "\"flag\":{\"code\":\"f\",\"message\":null,\"severity\":\"info\"},"
                        + "\"nested\":{\"list\":[1,2.5,\"x\"]}},\"scales\":{}}",
                new String(ReportJson.bytes(report), StandardCharsets.UTF_8));
    }

    private Object generate(Type type, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(nullable(arguments[0], depth + 1));
                }
                return list;
            }
            if (raw == Map.class && arguments[0] == String.class) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(text(), nullable(arguments[1], depth + 1));
                }
                return map;
            }
        }
        if (type instanceof Class<?> plain) {
            if (plain.isRecord()) {
                RecordComponent[] components = plain.getRecordComponents();
                Object[] values = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = types[i].isPrimitive() ? generate(types[i], depth + 1)
                            : nullable(components[i].getGenericType(), depth + 1);
                    if (values[i] != null) {
                        filled.add(plain.getSimpleName() + "." + components[i].getName());
                    }
                }
                try {
                    return plain.getDeclaredConstructor(types).newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            if (plain.isEnum()) {
                Object[] constants = plain.getEnumConstants();
                return constants[random.nextInt(constants.length)];
            }
            if (plain == String.class) {
                return text();
            }
            if (plain == Double.class || plain == double.class) {
                return number();
            }
            if (plain == Integer.class || plain == int.class) {
                return switch (random.nextInt(4)) {
                    case 0 -> random.nextInt();
                    case 1 -> Integer.MIN_VALUE;
                    default -> random.nextInt(100);
                };
            }
            if (plain == Boolean.class) {
                return random.nextBoolean();
            }
            if (plain == Object.class) {
                return openValue(depth);
            }
        }
        throw new IllegalArgumentException("no values for " + type + ": teach ReportJsonTest and ReportJson about it");
    }

    private Object nullable(Type type, int depth) {
        return random.nextInt(5) == 0 ? null : generate(type, depth);
    }

    /** What a script or Java scorer may put in a report's results. */
    private Object openValue(int depth) {
        int kinds = depth > 4 ? 5 : 8;
        return switch (random.nextInt(kinds)) {
            case 0 -> null;
            case 1 -> text();
            case 2 -> random.nextInt(1000);
            case 3 -> number();
            case 4 -> random.nextBoolean();
            case 5 -> generate(Types.LIST_OF_OBJECTS, depth);
            case 6 -> generate(Types.MAP_OF_OBJECTS, depth);
            default -> generate(Flag.class, depth);
        };
    }

    /** Generic types read off fields, as the reflection API gives them. */
    private static final class Types {
        static List<Object> listOfObjects;
        static Map<String, Object> mapOfObjects;
        static final Type LIST_OF_OBJECTS = field("listOfObjects");
        static final Type MAP_OF_OBJECTS = field("mapOfObjects");

        private static Type field(String name) {
            try {
                return Types.class.getDeclaredField(name).getGenericType();
            } catch (NoSuchFieldException e) {
                throw new AssertionError(e);
            }
        }
    }

    private double number() {
        return switch (random.nextInt(10)) {
            case 0 -> Double.NaN;
            case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> -0.0;
            case 3 -> random.nextInt(200) - 100;
            case 4 -> random.nextDouble() * 1e-6;
            case 5 -> random.nextDouble() * 1e22;
            case 6 -> Double.longBitsToDouble(random.nextLong());
            default -> Math.round(random.nextDouble() * 1000) / 100.0;
        };
    }

    private static final String[] PIECES = {"a", "Réaliste", "é", "\"", "\\", "/", "\n", "\t", "\u0001", "\u007f",
            "\u2028", "😀", "<script>", "&", " ", "0"};

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(5); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static void collectComponents(Class<?> record, Set<String> into) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (into.add(record.getSimpleName() + "." + component.getName())) {
                for (Class<?> inner : typesIn(component.getGenericType())) {
                    if (inner.isRecord()) {
                        collectComponents(inner, into);
                    }
                }
            }
        }
    }

    private static List<Class<?>> typesIn(Type type) {
        List<Class<?>> types = new ArrayList<>();
        if (type instanceof Class<?> plain) {
            types.add(plain);
        } else if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                types.addAll(typesIn(argument));
            }
        }
        return types;
    }
}
