package io.bilan.career;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.HollandCode;
import io.bilan.api.vocabulary.Mastery;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.Sector;
import io.bilan.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks occupations for a profile. An option's score is the weighted mean of three fits, each from 0 to 1, over
 * those that can be computed (the others are listed as not considered):
 * <ul>
 * <li><b>Interests</b> (weight 0.5): half profile agreement, half Holland-code agreement. Profile agreement is
 * Pearson's correlation between the person's six RIASEC levels and the occupation's six scores, multiplied by how
 * differentiated the person's profile is (its standard deviation over the largest possible, 0.5), taken from
 * -1..1 to 0..1; unlike the correlation alone it never falls when the person's interest in one of the
 * occupation's characteristic areas rises. Code agreement is Iachan's index M over 28.</li>
 * <li><b>Values</b> (weight 0.25): 1 minus the mean absolute difference between the person's value levels and
 * the occupation's extents brought to 0..1 ((extent - 1) / 6).</li>
 * <li><b>Competences</b> (weight 0.25): for each required competence the profile has evidence of, 1 when its level
 * reaches the required mastery step ({@link Mastery}: step N from level (N - 1) / 4), else its level over that
 * threshold; the mean of those. A competence is a gap exactly when its step is below the required one.</li>
 * </ul>
 * An occupation that builds on the person's experience, one whose prerequisites ({@link Occupation#requires()}) include
 * an occupation they hold or have held, takes for its interest fit the better of its own and that of the occupation
 * held: a trainer of a trade passes on the trade's own work, and a cadre de santé organises nursing, so an interest
 * profile that fits the trade fits what the trainer does with it; O*NET's figures of a trainer or a manager, Social or
 * Enterprising first, would otherwise turn away from it the very people it is open to.
 * The person's {@link Situation} then moves the ranking score a little ({@link SituationWeighing}: working conditions
 * they want to leave or look for, long training, qualification) and leaves out their current occupation, the ones they
 * rule out and those whose training is longer than they accept, unless asked. An option's {@link Fit} is the band of
 * its score before those moves, one band lower when a working condition to leave or a training too long weighs
 * against it.
 */
public final class CareerMatcher {

    static final double INTERESTS = 0.5;
    static final double VALUES = 0.25;
    static final double COMPETENCES = 0.25;
    // The largest population standard deviation of six levels between 0 and 1 (three at 0, three at 1).
    private static final double MAX_SD = 0.5;
    private static final double HIGH = 0.6;
    private static final double LOW = 0.4;

    private final OccupationCatalogue catalogue;
    private final SituationWeighing weighing;
    private final Map<String, HollandCode> codes = new HashMap<>();

    /** A matcher for this catalogue; the occupations' Holland codes are worked out once, here. */
    public CareerMatcher(OccupationCatalogue catalogue) {
        this.catalogue = catalogue;
        this.weighing = new SituationWeighing(catalogue);
        catalogue.all().forEach(occupation -> codes.put(occupation.id(), occupation.hollandCode()));
    }

    /** The best {@code limit} options, highest score first (ties by occupation id), in a sector and level if given. */
    public List<CareerOption> rank(Profile profile, Sector sector, Integer level, int limit) {
        return rank(profile, Situation.NONE, sector, level, limit).options();
    }

    /**
     * The best {@code limit} options for a person in this situation, highest ranking score first (ties by occupation
     * id), in a sector and level if given; with how many occupations the situation left out, and why.
     */
    public Ranking rank(Profile profile, Situation situation, Sector sector, Integer level, int limit) {
        Person person = Person.of(profile);
        // Scores first, for every occupation; the explanations only for the options kept.
        List<Scored> scored = new ArrayList<>();
        Map<String, Integer> leftOut = new java.util.TreeMap<>();
        for (Occupation occupation : catalogue.all()) {
            if ((sector == null || occupation.sector() == sector) && (level == null || level.equals(occupation.level()))) {
                java.util.Optional<String> excluded = weighing.exclusion(situation, occupation);
                if (excluded.isPresent()) {
                    leftOut.merge(excluded.get(), 1, Integer::sum);
                    continue;
                }
                scored.add(new Scored(occupation, score(person, situation, occupation)
                        + weighing.adjustment(situation, occupation)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.occupation().id()));
        List<CareerOption> options = new ArrayList<>();
        for (Scored best : scored.subList(0, Math.min(limit, scored.size()))) {
            options.add(assess(person, situation, best.occupation()));
        }
        return new Ranking(options, leftOut);
    }

    /**
     * Ranked options and what the situation left out.
     *
     * @param options the options, best first
     * @param leftOut how many occupations were left out, by reason: {@code current-occupation}, {@code ruled-out},
     *                {@code training-too-long}
     */
    public record Ranking(List<CareerOption> options, Map<String, Integer> leftOut) {

        /** Copies. */
        public Ranking {
            options = List.copyOf(options);
            leftOut = Map.copyOf(leftOut);
        }
    }

    private record Scored(Occupation occupation, double score) {
    }

    /**
     * The sectors for this profile, best first: each with the score of its best occupation and its best
     * {@code perSector} occupations (highest score first, ties by id), at a preparation level if given.
     */
    public List<SectorOption> sectors(Profile profile, Integer level, int perSector) {
        Person person = Person.of(profile);
        Map<Sector, List<Scored>> bySector = new EnumMap<>(Sector.class);
        for (Occupation occupation : catalogue.all()) {
            if (level == null || level.equals(occupation.level())) {
                bySector.computeIfAbsent(occupation.sector(), s -> new ArrayList<>())
                        .add(new Scored(occupation, score(person, Situation.NONE, occupation)));
            }
        }
        List<SectorOption> sectors = new ArrayList<>();
        bySector.forEach((sector, scored) -> {
            scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.occupation().id()));
            sectors.add(new SectorOption(sector, scored.get(0).score(), scored.subList(0, Math.min(perSector, scored.size()))
                    .stream().map(s -> s.occupation().id()).toList()));
        });
        sectors.sort(Comparator.comparingDouble(SectorOption::score).reversed().thenComparing(s -> s.sector().id()));
        return sectors;
    }

    /**
     * A sector as a possible future: the score of its best occupation, and its best occupations.
     *
     * @param sector      the sector
     * @param score       the best score among its occupations
     * @param occupations the ids of its best occupations, highest score first
     */
    public record SectorOption(Sector sector, double score, List<String> occupations) {
    }

    /** The score alone, as {@link #assess} computes it, without the explanations. */
    private double score(Person person, Situation situation, Occupation occupation) {
        return combine(interestFit(person, situation, occupation), valuesFit(person, occupation),
                competenceFit(person, occupation));
    }

    /** The weighted mean of the fits that could be computed; 0 when none could. */
    private static double combine(Double interestFit, Double valuesFit, Double competenceFit) {
        double weighted = 0;
        double weights = 0;
        if (interestFit != null) {
            weighted += INTERESTS * interestFit;
            weights += INTERESTS;
        }
        if (valuesFit != null) {
            weighted += VALUES * valuesFit;
            weights += VALUES;
        }
        if (competenceFit != null) {
            weighted += COMPETENCES * competenceFit;
            weights += COMPETENCES;
        }
        return weights == 0 ? 0 : weighted / weights;
    }

    /** One occupation for this profile: the validation of a project the person has in mind. */
    public CareerOption assess(Profile profile, Occupation occupation) {
        return assess(Person.of(profile), Situation.NONE, occupation);
    }

    /**
     * One occupation for this person in this situation: the validation of their project. It is assessed even when it
     * is their current occupation, one they ruled out or one whose training is too long: they asked, and the
     * factors say so.
     */
    public CareerOption assess(Profile profile, Situation situation, Occupation occupation) {
        return assess(Person.of(profile), situation, occupation);
    }

    /** The profile's levels, read once for the whole catalogue. */
    private record Person(Map<RiasecArea, Double> interests, HollandCode code, Map<WorkValue, Double> values,
            Map<String, Double> competences, Map<String, Profile.CompetenceAssessment> assessments) {

        static Person of(Profile profile) {
            Map<RiasecArea, Double> interests = new EnumMap<>(RiasecArea.class);
            if (profile.interests() != null) {
                profile.interests().scores().forEach((letter, level) -> interests.put(RiasecArea.of(letter), level));
            }
            HollandCode code = interests.size() == 6 ? HollandCode.of(interests) : null;
            Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
            if (profile.values() != null) {
                profile.values().scores().forEach((value, level) -> values.put(WorkValue.of(value), level));
            }
            Map<String, Double> competences = new HashMap<>();
            Map<String, Profile.CompetenceAssessment> assessments = new HashMap<>();
            profile.competences().forEach(c -> {
                competences.put(c.competence(), c.level());
                assessments.put(c.competence(), c);
            });
            return new Person(interests, code, values, competences, assessments);
        }
    }

    private CareerOption assess(Person person, Situation situation, Occupation occupation) {
        List<String> notConsidered = new ArrayList<>();
        List<CareerOption.Factor> favourable = new ArrayList<>();
        List<CareerOption.Factor> unfavourable = new ArrayList<>();
        List<CareerOption.Gap> gaps = new ArrayList<>();

        Double interestFit = interestFit(person, situation, occupation);
        if (interestFit == null) {
            notConsidered.add("interests: the profile does not have the six RIASEC areas yet");
        } else if (interestFit <= interestFit(person, Situation.NONE, occupation)) {
            // When the experience it builds on fits better, the factor opened-by-experience says so, and the
            // occupation's own areas are not held against the person
            explainInterests(person, codes.get(occupation.id()), favourable, unfavourable);
        }
        Double valuesFit = valuesFit(person, occupation);
        if (person.values().isEmpty()) {
            notConsidered.add("values: the profile has no work values yet");
        } else if (occupation.values().isEmpty()) {
            notConsidered.add("values: the occupation has no work-value figures");
        } else {
            explainValues(person, occupation, favourable, unfavourable);
        }
        Double competenceFit = competenceFit(person, occupation);
        if (occupation.competences().isEmpty()) {
            notConsidered.add("competences: the occupation lists no required competences");
        } else {
            explainCompetences(person, occupation, favourable, unfavourable, gaps);
            if (competenceFit == null) {
                notConsidered.add("competences: the profile has no evidence of the competences this occupation requires");
            }
        }
        weighing.explain(situation, occupation, favourable, unfavourable, notConsidered);
        double base = combine(interestFit, valuesFit, competenceFit);
        Fit fit = interestFit == null && valuesFit == null && competenceFit == null ? Fit.UNKNOWN : Fit.of(base);
        if (weighing.lowersTheBand(situation, occupation)) {
            fit = fit.lower();
        }
        return new CareerOption(occupation.id(), base + weighing.adjustment(situation, occupation), interestFit,
                valuesFit, competenceFit, notConsidered, favourable, unfavourable, gaps, fit,
                weighing.trainingMonths(situation, occupation));
    }

    /**
     * The interest fit, or {@code null} without the six areas: the better of the occupation's own and that of each
     * occupation held that opens it (see the class comment).
     */
    private Double interestFit(Person person, Situation situation, Occupation occupation) {
        if (person.code() == null) {
            return null;
        }
        double fit = interestFit(person.interests(), person.code(), occupation, codes.get(occupation.id()));
        for (String held : SituationWeighing.experienceItBuildsOn(situation, occupation)) {
            Occupation experience = catalogue.find(held).orElse(null);
            if (experience != null) {
                fit = Math.max(fit, interestFit(person.interests(), person.code(), experience, codes.get(held)));
            }
        }
        return fit;
    }

    /** The values fit, or {@code null} when the profile or the occupation has no values. */
    private static Double valuesFit(Person person, Occupation occupation) {
        if (person.values().isEmpty() || occupation.values().isEmpty()) {
            return null;
        }
        double difference = 0;
        for (Map.Entry<WorkValue, Double> entry : person.values().entrySet()) {
            difference += Math.abs(entry.getValue() - offered(occupation, entry.getKey()));
        }
        return 1 - difference / person.values().size();
    }

    /** The competence fit over the required competences the profile has evidence of, or {@code null} for none. */
    private static Double competenceFit(Person person, Occupation occupation) {
        double coverage = 0;
        int assessed = 0;
        for (Occupation.RequiredCompetence required : occupation.competences()) {
            Double level = person.competences().get(required.competence().id());
            if (level != null) {
                coverage += coverage(level, required);
                assessed++;
            }
        }
        return assessed == 0 ? null : coverage / assessed;
    }

    /** An occupation's extent of a value, from O*NET's 1..7 to 0..1. */
    private static double offered(Occupation occupation, WorkValue value) {
        return (occupation.values().get(value) - 1) / 6;
    }

    /** The mastery step an occupation requires. */
    private static Mastery needed(Occupation.RequiredCompetence required) {
        return Mastery.step(required.level());
    }

    /** How far a level goes towards a requirement: 1 at the required step or above, else level over its threshold. */
    static double coverage(double level, Occupation.RequiredCompetence required) {
        Mastery needed = needed(required);
        return needed.metBy(level) ? 1 : level / needed.threshold();
    }

    /** Profile agreement (r × differentiation) and Iachan's index, half each; see the class comment. */
    static double interestFit(Map<RiasecArea, Double> person, HollandCode personCode, Occupation occupation,
            HollandCode occupationCode) {
        double xMean = 0;
        double yMean = 0;
        for (RiasecArea area : RiasecArea.values()) {
            xMean += person.get(area) / 6;
            yMean += occupation.interests().get(area) / 6;
        }
        double covariance = 0;
        double yVariance = 0;
        for (RiasecArea area : RiasecArea.values()) {
            double dy = occupation.interests().get(area) - yMean;
            covariance += (person.get(area) - xMean) * dy / 6;
            yVariance += dy * dy / 6;
        }
        double agreement = yVariance == 0 ? 0 : covariance / (Math.sqrt(yVariance) * MAX_SD);
        double iachan = personCode.iachan(occupationCode) / 28.0;
        return 0.5 * (agreement + 1) / 2 + 0.5 * iachan;
    }

    private static void explainInterests(Person person, HollandCode theirs, List<CareerOption.Factor> favourable,
            List<CareerOption.Factor> unfavourable) {
        RiasecArea first = theirs.areas().get(0);
        if (person.code().areas().get(0) == first) {
            favourable.add(factor("same-first-interest", first.letter(),
                    "Votre domaine d'intérêt principal (" + first.letter() + ") est aussi le premier de ce métier.",
                    "Your main interest area (" + first.letter() + ") is this occupation's first one too."));
        } else if (person.code().areas().contains(first)) {
            favourable.add(factor("shared-interest", first.letter(),
                    "Le domaine " + first.letter() + ", premier de ce métier, fait partie de vos trois domaines principaux.",
                    "Area " + first.letter() + ", this occupation's first, is among your three main areas."));
        }
        if (person.interests().get(first) < LOW) {
            unfavourable.add(factor("low-interest", first.letter(),
                    "Le domaine " + first.letter() + ", au cœur de ce métier, vous attire peu.",
                    "Area " + first.letter() + ", at the heart of this occupation, appeals little to you."));
        }
    }

    private static void explainValues(Person person, Occupation occupation, List<CareerOption.Factor> favourable,
            List<CareerOption.Factor> unfavourable) {
        for (Map.Entry<WorkValue, Double> entry : person.values().entrySet()) {
            WorkValue value = entry.getKey();
            double offered = offered(occupation, value);
            String fr = value.label("fr").toLowerCase(Locale.ROOT);
            String en = value.label("en").toLowerCase(Locale.ROOT);
            if (entry.getValue() >= HIGH && offered >= HIGH) {
                favourable.add(factor("value-offered", value.code(), "Ce métier offre ce qui compte pour vous : " + fr + ".",
                        "This occupation offers what matters to you: " + en + "."));
            } else if (entry.getValue() >= HIGH && offered < LOW) {
                unfavourable.add(factor("value-not-offered", value.code(),
                        "Ce métier offre peu ce qui compte pour vous : " + fr + ".",
                        "This occupation offers little of what matters to you: " + en + "."));
            }
        }
    }

    private static void explainCompetences(Person person, Occupation occupation, List<CareerOption.Factor> favourable,
            List<CareerOption.Factor> unfavourable, List<CareerOption.Gap> gaps) {
        for (Occupation.RequiredCompetence required : occupation.competences()) {
            String id = required.competence().id();
            Mastery needed = needed(required);
            Double level = person.competences().get(id);
            if (level == null) {
                gaps.add(new CareerOption.Gap(id, needed, null, null, GapAdvice.check(id, null),
                        GapAdvice.close(occupation)));
            } else if (!needed.metBy(level)) {
                gaps.add(new CareerOption.Gap(id, needed, Mastery.of(level), level,
                        GapAdvice.check(id, person.assessments().get(id)), GapAdvice.close(occupation)));
                unfavourable.add(factor("competence-gap", id, "À développer pour ce métier : "
                        + required.competence().label("fr") + " (niveau " + Mastery.of(level).step() + "/4, "
                        + Mastery.of(level).label("fr").toLowerCase(Locale.ROOT) + " ; requis " + needed.step() + "/4, "
                        + needed.label("fr").toLowerCase(Locale.ROOT) + ").", "To develop for this occupation: "
                        + required.competence().label("en") + " (level " + Mastery.of(level).step() + "/4, "
                        + Mastery.of(level).label("en").toLowerCase(Locale.ROOT) + "; required " + needed.step() + "/4, "
                        + needed.label("en").toLowerCase(Locale.ROOT) + ")."));
            } else if (required.level() >= 3) {
                Mastery held = Mastery.of(level);
                favourable.add(factor("competence-held", id, "Vous avez déjà une compétence clé de ce métier : "
                        + required.competence().label("fr") + " (niveau " + held.step() + "/4, "
                        + held.label("fr").toLowerCase(Locale.ROOT) + ").",
                        "You already have a key competence of this occupation: " + required.competence().label("en")
                        + " (level " + held.step() + "/4, " + held.label("en").toLowerCase(Locale.ROOT) + ")."));
            }
        }
    }

    private static CareerOption.Factor factor(String code, String subject, String fr, String en) {
        return new CareerOption.Factor(code, subject, LocalizedText.of("fr", fr, "en", en));
    }
}
