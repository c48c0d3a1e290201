package io.bilan.api.spi;

import java.util.List;

/**
 * The one entry point of a Bilan plugin jar, registered in
 * {@code META-INF/services/io.bilan.api.spi.BilanPlugin} and found with {@link java.util.ServiceLoader}.
 * Every method has a default that contributes nothing, so a plugin written today keeps working when
 * new extension points are added.
 *
 * <pre>{@code
 * public final class MyPlugin implements BilanPlugin {
 *     public List<Scorer> scorers() { return List.of(new BigFiveScorer()); }
 * }
 * }</pre>
 */
public interface BilanPlugin {

    /** The Java scorers this plugin provides; a manifest names one with {@code "scoring": {"scorer": name}}. */
    default List<Scorer> scorers() {
        return List.of();
    }
}
