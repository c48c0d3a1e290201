package io.bilan.engine.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The paths of the API and the methods each takes, as the resources declare them. */
public final class ApiRoutes {

    private static final Map<Pattern, Set<String>> METHODS = new LinkedHashMap<>();

    static {
        for (String operation : ResourceFacts.byOperation().keySet()) {
            String[] parts = operation.split(" ", 2);
            Pattern path = Pattern.compile("^" + Pattern.quote(parts[1]).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "$");
            METHODS.computeIfAbsent(path, ignored -> new TreeSet<>()).add(parts[0]);
        }
    }

    private ApiRoutes() {
    }

    /** The methods the resource at {@code path} takes; empty when no resource is there. */
    public static Set<String> methodsOf(String path) {
        Set<String> methods = new TreeSet<>();
        METHODS.forEach((pattern, verbs) -> {
            if (pattern.matcher(path).matches()) {
                methods.addAll(verbs);
            }
        });
        return methods;
    }
}
