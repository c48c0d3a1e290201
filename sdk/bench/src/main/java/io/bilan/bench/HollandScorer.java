package io.bilan.bench;

import io.bilan.api.report.ScaleScore;
import io.bilan.api.spi.BilanPlugin;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.Scorer;
import io.bilan.api.spi.ScoringInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The benchmark script's rules as a Java scorer: Holland code, differentiation, answered count. */
public final class HollandScorer implements Scorer, BilanPlugin {

    private static final List<String> ORDER = List.of("R", "I", "A", "S", "E", "C");

    @Override
    public List<Scorer> scorers() {
        return List.of(this);
    }

    @Override
    public String name() {
        return "bench.holland";
    }

    @Override
    public ScoreAdditions score(ScoringInput input) {
        long answered = input.answers().values().stream().filter(v -> v != null).count();
        Map<String, ScaleScore> scales = input.scales();
        List<String> ranked = new ArrayList<>(ORDER);
        ranked.sort(Comparator.comparingDouble((String area) -> -scales.get(area).raw()).thenComparing(ORDER::indexOf));
        double highest = scales.get(ranked.getFirst()).raw();
        double lowest = scales.get(ranked.getLast()).raw();
        return new ScoreAdditions(null, null, null, null, Map.of(
                "hollandCode", String.join("", ranked.subList(0, 3)),
                "differentiation", highest - lowest,
                "answered", answered));
    }
}
