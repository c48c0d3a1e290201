package io.bilan.engine.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What the document needs from the resource classes that annotations do not carry into it: the roles of each
 * operation, and the properties of each body that are always present and never null.
 * A resource class not listed here still appears in the document, without its roles in the descriptions; the
 * contract test fails until it is listed.
 */
final class ResourceFacts {

    static final List<String> RESOURCES = List.of(
            "io.bilan.engine.catalog.InstrumentResource",
            "io.bilan.engine.scoring.ScoringResource",
            "io.bilan.engine.occupations.OccupationResource",
            "io.bilan.engine.profile.ProfileResource",
            "io.bilan.engine.security.ApiKeyResource",
            "io.bilan.engine.cases.CaseResource",
            "io.bilan.engine.cases.PreliminaryResource",
            "io.bilan.engine.cases.SessionResource",
            "io.bilan.engine.cases.AdministrationResource",
            "io.bilan.engine.cases.CaseProfileResource",
            "io.bilan.engine.cases.SynthesisResource",
            "io.bilan.engine.cases.ConsentResource",
            "io.bilan.engine.cases.AuditResource",
            "io.bilan.engine.cases.FollowUpResource",
            "io.bilan.engine.cases.InvitationResource",
            "io.bilan.engine.cases.ObservationResource",
            "io.bilan.engine.cases.SatisfactionResource",
            "io.bilan.engine.centres.CentreResource");

    private ResourceFacts() {
    }

    /** "GET /api/v1/cases" to the roles any one of which the operation takes; empty when any caller will do. */
    static Map<String, Set<String>> byOperation() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (Class<?> resource : resources()) {
            String base = path(resource.getAnnotation(Path.class));
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                String path = normalise(base + path(method.getAnnotation(Path.class)));
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                if (allowed == null && method.getAnnotation(PermitAll.class) == null) {
                    allowed = resource.getAnnotation(RolesAllowed.class);
                }
                roles.put(verb + " " + path, allowed == null ? Set.of() : new LinkedHashSet<>(List.of(allowed.value())));
            }
        }
        return roles;
    }

    /** The operations open to anyone: {@code @PermitAll}, or neither roles nor authentication asked. */
    static Set<String> anonymous() {
        Set<String> open = new HashSet<>();
        for (Class<?> resource : resources()) {
            String base = path(resource.getAnnotation(Path.class));
            boolean classSecured = resource.isAnnotationPresent(RolesAllowed.class)
                    || resource.isAnnotationPresent(Authenticated.class);
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                boolean secured = !method.isAnnotationPresent(PermitAll.class) && (classSecured
                        || method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(Authenticated.class));
                if (!secured) {
                    open.add(verb + " " + normalise(base + path(method.getAnnotation(Path.class))));
                }
            }
        }
        return open;
    }

    /** What the document says of a record's properties: those always in its JSON, and those never null. */
    record Properties(Map<String, Set<String>> present, Map<String, Set<String>> nonNull) {
    }

    /**
     * Schema name to the properties always present in its JSON and those never null, for every record the
     * resources take or give. A property is never null when primitive or {@code @NotNull}. A record only ever
     * answered (never read from a request) is written by Jackson with every property, null or not, unless it says
     * otherwise ({@code @JsonInclude}): all its properties are present. A record also read from requests keeps to
     * its never-null properties, since a client may leave the others out.
     */
    static Properties properties() {
        Deque<Type> requests = new ArrayDeque<>();
        Deque<Type> responses = new ArrayDeque<>();
        Deque<Type> others = new ArrayDeque<>();
        for (Class<?> resource : resources()) {
            others.addAll(List.of(resource.getDeclaredClasses()));
            for (Method method : resource.getDeclaredMethods()) {
                if (verb(method) == null) {
                    continue;
                }
                responses.add(method.getGenericReturnType());
                requests.addAll(List.of(method.getGenericParameterTypes()));
                for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
                    for (var content : response.content()) {
                        responses.add(content.schema().implementation());
                    }
                }
            }
        }
        Set<Class<?>> read = records(requests);
        Set<Class<?>> answered = records(responses);
        Set<Class<?>> all = new LinkedHashSet<>(read);
        all.addAll(answered);
        all.addAll(records(others));
        Map<String, Set<String>> present = new HashMap<>();
        Map<String, Set<String>> nonNull = new HashMap<>();
        Map<String, Class<?>> named = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Class<?> record : all) {
            String name = schemaName(record);
            Class<?> earlier = named.putIfAbsent(name, record);
            if (earlier != null && earlier != record) {
                ambiguous.add(name);
            }
            boolean writtenWhole = answered.contains(record) && !read.contains(record) && includesNulls(record);
            Set<String> always = new LinkedHashSet<>();
            Set<String> never = new LinkedHashSet<>();
            for (RecordComponent component : record.getRecordComponents()) {
                String property = jsonName(component);
                boolean nonNullValue = component.getType().isPrimitive() || present(component.getAnnotations())
                        || present(component.getAnnotatedType().getAnnotations());
                if (nonNullValue) {
                    never.add(property);
                }
                if (nonNullValue || writtenWhole && includesNulls(component)) {
                    always.add(property);
                }
            }
            present.put(name, always);
            nonNull.put(name, never);
        }
        ambiguous.forEach(present::remove);
        ambiguous.forEach(nonNull::remove);
        return new Properties(present, nonNull);
    }

    /** The records reachable from {@code types}: themselves, their components, the arguments of generic types. */
    private static Set<Class<?>> records(Deque<Type> pending) {
        Set<Class<?>> records = new LinkedHashSet<>();
        Set<Type> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof ParameterizedType generic) {
                pending.addAll(List.of(generic.getActualTypeArguments()));
                continue;
            }
            if (type instanceof Class<?> record && record.isRecord()) {
                records.add(record);
                for (RecordComponent component : record.getRecordComponents()) {
                    pending.add(component.getGenericType());
                }
            }
        }
        return records;
    }

    /** Whether Jackson writes this record's or component's null values rather than leaving them out. */
    private static boolean includesNulls(java.lang.reflect.AnnotatedElement element) {
        JsonInclude include = element.getAnnotation(JsonInclude.class);
        if (element instanceof RecordComponent component && include == null) {
            include = component.getAccessor().getAnnotation(JsonInclude.class);
        }
        return include == null || include.value() == JsonInclude.Include.ALWAYS
                || include.value() == JsonInclude.Include.USE_DEFAULTS;
    }

    /** The property's name in JSON: its {@code @JsonProperty} name, else the component's. */
    private static String jsonName(RecordComponent component) {
        JsonProperty named = component.getAnnotation(JsonProperty.class);
        if (named == null) {
            named = component.getAccessor().getAnnotation(JsonProperty.class);
        }
        return named != null && !named.value().isEmpty() ? named.value() : component.getName();
    }

    private static boolean present(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotNull) {
                return true;
            }
        }
        return false;
    }

    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }

    private static List<Class<?>> resources() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return RESOURCES.stream().<Class<?>>map(name -> {
            try {
                return Class.forName(name, false, loader == null ? ResourceFacts.class.getClassLoader() : loader);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    private static String verb(Method method) {
        return method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE"
                : null;
    }

    private static String path(Path path) {
        return path == null ? "" : "/" + path.value();
    }

    private static String normalise(String path) {
        String single = path.replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
