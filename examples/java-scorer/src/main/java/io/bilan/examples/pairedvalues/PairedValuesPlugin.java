package io.bilan.examples.pairedvalues;

import io.bilan.api.spi.BilanPlugin;
import io.bilan.api.spi.Scorer;
import java.util.List;

/** The plugin's entry point, registered in {@code META-INF/services/io.bilan.api.spi.BilanPlugin}. */
public final class PairedValuesPlugin implements BilanPlugin {

    @Override
    public List<Scorer> scorers() {
        return List.of(new PairedValuesScorer());
    }
}
