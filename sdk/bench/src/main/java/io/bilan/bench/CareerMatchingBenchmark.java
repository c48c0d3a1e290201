package io.bilan.bench;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.career.CareerMatcher;
import io.bilan.career.CareerOption;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.Sector;
import io.bilan.profile.Profile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking a catalogue the size of O*NET's (923 occupations with interest scores) for one full profile: the
 * built-in catalogue plus generated occupations (seeded, so every run matches the same data), each with six
 * interest scores, six values and five required competences; the profile has all six areas, six values and
 * the 27 competences.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CareerMatchingBenchmark {

    static final int CATALOGUE_SIZE = 923;

    private CareerMatcher matcher;
    private Profile profile;

    @Setup
    public void setUp() {
        Random random = new Random(923);
        List<Occupation> occupations = new ArrayList<>(OccupationCatalogue.builtIn().all());
        while (occupations.size() < CATALOGUE_SIZE) {
            Map<RiasecArea, Double> interests = new EnumMap<>(RiasecArea.class);
            for (RiasecArea area : RiasecArea.values()) {
                interests.put(area, 1 + 6 * random.nextDouble());
            }
            Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
            for (WorkValue value : WorkValue.values()) {
                values.put(value, 1 + 6 * random.nextDouble());
            }
            List<Occupation.RequiredCompetence> competences = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                competences.add(new Occupation.RequiredCompetence(
                        Competence.values()[(occupations.size() + 5 * c) % Competence.values().length], 1 + random.nextInt(4)));
            }
            String id = "generated-" + occupations.size();
            occupations.add(new Occupation(id, LocalizedText.of("en", id), null, Sector.HEALTH, 1 + random.nextInt(5),
                    null, null, interests, values, competences, List.of(), null));
        }
        matcher = new CareerMatcher(OccupationCatalogue.of(occupations));

        Map<String, Double> areas = new LinkedHashMap<>();
        for (RiasecArea area : RiasecArea.values()) {
            areas.put(area.letter(), random.nextDouble());
        }
        Map<String, Double> wants = new LinkedHashMap<>();
        for (WorkValue value : WorkValue.values()) {
            wants.put(value.code(), random.nextDouble());
        }
        List<Profile.CompetenceAssessment> portfolio = new ArrayList<>();
        for (Competence competence : Competence.values()) {
            portfolio.add(new Profile.CompetenceAssessment(competence.id(), random.nextDouble(), 1, null, List.of()));
        }
        profile = new Profile(1, List.of(), portfolio, List.of(), List.of(), new Profile.ValuesProfile(wants, List.of()),
                new Profile.InterestsProfile(areas, null, null, null, null), List.of(), List.of());
    }

    /** Every occupation assessed and explained, the best ten kept. */
    @Benchmark
    public List<CareerOption> rankFullCatalogue() {
        return matcher.rank(profile, null, null, 10);
    }
}
