package io.bilan.runtime.scoring;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.report.ScaleScore;
import io.bilan.api.spi.BilanPlugin;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.Scorer;
import io.bilan.api.spi.ScoringInput;
import java.util.List;
import java.util.Map;

/** A plugin as a researcher would write it, registered in META-INF/services of the test resources. */
public final class TestScorerPlugin implements BilanPlugin {

    @Override
    public List<Scorer> scorers() {
        return List.of(new TopArea());
    }

    /** Names the scale with the highest raw score; ties go to the first declared. */
    static final class TopArea implements Scorer {
        @Override
        public String name() {
            return "test.top-area";
        }

        @Override
        public ScoreAdditions score(ScoringInput input) {
            String top = null;
            double best = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, ScaleScore> scale : input.scales().entrySet()) {
                if (scale.getValue().raw() != null && scale.getValue().raw() > best) {
                    best = scale.getValue().raw();
                    top = scale.getKey();
                }
            }
            return new ScoreAdditions(null, null,
                    List.of(LocalizedText.of("fr", "Votre domaine le plus fort est " + top + ".",
                            "en", "Your strongest area is " + top + ".")),
                    null, Map.of("top", top));
        }
    }
}
