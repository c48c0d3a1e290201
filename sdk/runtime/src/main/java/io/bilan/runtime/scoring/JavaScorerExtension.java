package io.bilan.runtime.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.spi.ScoreAdditions;
import io.bilan.api.spi.Scorer;
import io.bilan.api.spi.ScoringInput;
import io.bilan.runtime.problem.ValidationCode;
import java.util.List;

/** Runs a Java scorer from a plugin; its additions are checked like a script's. */
public final class JavaScorerExtension implements ScoringExtension {

    private final Scorer scorer;
    private final AdditionsReader reader;

    public JavaScorerExtension(Scorer scorer, ObjectMapper json, List<String> languages) {
        this.scorer = scorer;
        this.reader = new AdditionsReader(json, languages, "scorer");
    }

    @Override
    public String kind() {
        return "scorer";
    }

    @Override
    public ScoreAdditions score(ScoringInput input) {
        ScoreAdditions additions;
        try {
            additions = scorer.score(input);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ScoringException(ValidationCode.SCORER_ERROR,
                    "the Java scorer \"" + scorer.name() + "\" failed: " + e, e);
        }
        return reader.read(additions == null ? ScoreAdditions.none() : additions);
    }
}
