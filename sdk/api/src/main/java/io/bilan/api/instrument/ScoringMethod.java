package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What runs after the declarative scales: a JavaScript file of the package, or a Java scorer found by
 * name through {@link io.bilan.api.spi.BilanPlugin}. Exactly one of the two is set.
 *
 * @param script  the package-relative path of the script, usually {@code scoring.js}
 * @param scorer  the {@link io.bilan.api.spi.Scorer#name() name} of a Java scorer
 * @param include package-relative paths of JavaScript files run before the script, in this order, in the same
 *                scope: helper functions shared by several packages. A package folder that lacks one takes it
 *                from the folder's parent at the same path, and packing copies it into the zip, so the package
 *                digest covers every line the package runs. Empty when there are none.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScoringMethod(String script, String scorer, List<String> include) {

    /** Copies {@code include}; absent means none. */
    public ScoringMethod {
        include = include == null ? List.of() : List.copyOf(include);
    }

    /** A script without includes, or a Java scorer. */
    public ScoringMethod(String script, String scorer) {
        this(script, scorer, null);
    }
}
