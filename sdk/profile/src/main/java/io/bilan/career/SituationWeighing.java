package io.bilan.career;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.OccupationCatalogue;
import io.bilan.occupation.WorkingCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the person's situation does to an option: which occupations are left out of a ranking, how much the ranking
 * score moves, the factors that say why, and the training the person would need. The weights are Bilan's, stated in
 * docs/occupations.md; they order options, they do not measure anything.
 */
final class SituationWeighing {

    /** Each working condition the person wants to leave that the occupation involves; at most three count. */
    static final double CONDITION_TO_LEAVE = -0.07;
    /** Each working condition the person looks for that the occupation offers; at most two count. */
    static final double CONDITION_SOUGHT = 0.03;
    /** Training beyond the person's limit, when they ask to see such options all the same. */
    static final double LONG_TRAINING = -0.05;
    /** A qualification two levels or more above the person's. */
    static final double QUALIFICATION_GAP = -0.03;
    /** An occupation three levels or more below the person's qualification. */
    static final double BELOW_QUALIFICATION = -0.05;
    /** An occupation close to the person's current one (ROME mobility or shared code). */
    static final double CLOSE_TO_CURRENT = 0.03;
    /** An occupation whose prerequisite the person holds: their job opens it. */
    static final double OPENED_BY_THEIR_JOB = 0.03;
    static final int LONG_MONTHS = 48;
    /** The prerequisites an explanation names; beyond, it names this many and counts the others. */
    static final int PREREQUISITES_NAMED = 6;
    static final int SHORT_MONTHS = 12;

    private final OccupationCatalogue catalogue;

    SituationWeighing(OccupationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Why an occupation is left out of a ranking for this situation, or empty when it is proposed. */
    Optional<String> exclusion(Situation situation, Occupation occupation) {
        if (situation.includeExcluded()) {
            return Optional.empty();
        }
        if (occupation.id().equals(situation.current())) {
            return Optional.of("current-occupation");
        }
        if (situation.ruledOut().contains(occupation.id())) {
            return Optional.of("ruled-out");
        }
        Integer needed = trainingMonths(situation, occupation);
        if (situation.maxTrainingMonths() != null && needed != null && needed > situation.maxTrainingMonths()) {
            return Optional.of("training-too-long");
        }
        return Optional.empty();
    }

    /**
     * The training this person would need, in months: none for an occupation they hold; else the occupation's own, plus
     * the shortest of its prerequisites when they hold none of them, plus the general education between their
     * qualification and the occupation's entry level when they hold a qualification below it; {@code null} when the
     * catalogue does not know.
     */
    Integer trainingMonths(Situation situation, Occupation occupation) {
        return trainingMonths(situation, occupation, 0);
    }

    private Integer trainingMonths(Situation situation, Occupation occupation, int depth) {
        if (situation.holds(occupation.id())) {
            return 0;
        }
        Integer months = occupation.trainingMonths();
        if (months == null) {
            return null;
        }
        if (!occupation.requires().isEmpty() && occupation.requires().stream().noneMatch(situation::holds)) {
            if (depth >= 3) {
                return null;
            }
            Integer first = occupation.requires().stream().map(catalogue::find).flatMap(Optional::stream)
                    .map(prerequisite -> trainingMonths(situation, prerequisite, depth + 1)).filter(Objects::nonNull)
                    .min(Integer::compare).orElse(null);
            return first == null ? null : months + first;
        }
        return months + upgrade(situation.qualification(), entryLevel(occupation));
    }

    /**
     * The qualification one needs to start an occupation's own training, estimated as its qualification less the years
     * its training lasts (a licence-level diploma of three years starts from the baccalauréat); {@code null} when the
     * catalogue does not say.
     */
    static Integer entryLevel(Occupation occupation) {
        if (occupation.qualification() == null || occupation.trainingMonths() == null) {
            return null;
        }
        return Math.max(3, occupation.qualification() - (int) Math.round(occupation.trainingMonths() / 12.0));
    }

    /** Months of general education from one French qualification level to another: 24 to reach 4, 5 or 7, 12 for 6. */
    static int upgrade(Integer from, Integer to) {
        if (from == null || to == null) {
            return 0;
        }
        int months = 0;
        for (int level = Math.max(from, 2) + 1; level <= to; level++) {
            months += switch (level) {
                case 3, 4, 5, 7 -> 24;
                case 6 -> 12;
                default -> 36;
            };
        }
        return months;
    }

    /** The change the situation makes to an option's ranking score. */
    double adjustment(Situation situation, Occupation occupation) {
        double adjustment = 0;
        long leave = occupation.conditions().stream().filter(situation.avoid()::contains).count();
        adjustment += CONDITION_TO_LEAVE * Math.min(3, leave);
        long sought = occupation.conditions().stream().filter(situation.seek()::contains).count();
        adjustment += CONDITION_SOUGHT * Math.min(2, sought);
        Integer needed = trainingMonths(situation, occupation);
        if (needed != null && situation.maxTrainingMonths() != null && needed > situation.maxTrainingMonths()) {
            adjustment += LONG_TRAINING;
        }
        if (qualificationGap(situation, occupation)) {
            adjustment += QUALIFICATION_GAP;
        }
        if (belowQualification(situation, occupation)) {
            adjustment += BELOW_QUALIFICATION;
        }
        if (closeToCurrent(situation, occupation)) {
            adjustment += CLOSE_TO_CURRENT;
        }
        if (openedByTheirJob(situation, occupation)) {
            adjustment += OPENED_BY_THEIR_JOB;
        }
        return adjustment;
    }

    /** Whether the situation weighs enough against the option to put it one fit band lower. */
    boolean lowersTheBand(Situation situation, Occupation occupation) {
        Integer needed = trainingMonths(situation, occupation);
        return occupation.conditions().stream().anyMatch(situation.avoid()::contains)
                || (situation.maxTrainingMonths() != null && needed != null && needed > situation.maxTrainingMonths());
    }

    /** The factors the situation adds, and what it could not consider. */
    void explain(Situation situation, Occupation occupation, List<CareerOption.Factor> favourable,
            List<CareerOption.Factor> unfavourable, List<String> notConsidered) {
        if (occupation.id().equals(situation.current())) {
            unfavourable.add(factor("current-occupation", occupation.id(), "C'est votre métier actuel.",
                    "This is your current occupation."));
        }
        if (situation.ruledOut().contains(occupation.id())) {
            unfavourable.add(factor("ruled-out", occupation.id(), "Vous avez écarté cette piste.",
                    "You have ruled this option out."));
        }
        boolean conditionsKnown = occupation.sources() != null && occupation.sources().conditions() != null;
        if (!conditionsKnown && (!situation.avoid().isEmpty() || !situation.seek().isEmpty())) {
            notConsidered.add("working conditions: the catalogue does not know this occupation's");
        }
        for (WorkingCondition condition : occupation.conditions()) {
            if (situation.avoid().contains(condition)) {
                unfavourable.add(factor("condition-to-leave", condition.id(),
                        "Ce métier comporte souvent : " + condition.label("fr") + ", que vous souhaitez quitter.",
                        "This occupation often involves " + condition.label("en") + ", which you want to leave."));
            }
            if (situation.seek().contains(condition)) {
                favourable.add(factor("condition-sought", condition.id(),
                        "Ce métier offre souvent ce que vous cherchez : " + condition.label("fr") + ".",
                        "This occupation often offers what you look for: " + condition.label("en") + "."));
            }
        }
        if (conditionsKnown) {
            for (WorkingCondition condition : situation.seek()) {
                if (condition == WorkingCondition.DAYTIME_HOURS && occupation.conditions().stream().anyMatch(c ->
                        c == WorkingCondition.NIGHT_WORK || c == WorkingCondition.SHIFT_WORK)) {
                    unfavourable.add(factor("condition-not-offered", condition.id(),
                            "Vous cherchez un " + condition.label("fr") + " ; ce métier a souvent des horaires de nuit"
                                    + " ou décalés.", "You look for " + condition.label("en") + "; this occupation often"
                                    + " has night or shift hours."));
                }
            }
        }
        explainTraining(situation, occupation, favourable, unfavourable);
        Integer theirs = situation.qualification();
        Integer needed = occupation.qualification();
        if (qualificationGap(situation, occupation)) {
            unfavourable.add(factor("qualification-gap", String.valueOf(needed), "Demande en général un niveau "
                    + needed + " (" + qualification(needed, "fr") + ") ; le vôtre est " + theirs + " ("
                    + qualification(theirs, "fr") + ").", "Usually requires level " + needed + " ("
                    + qualification(needed, "en") + "); yours is " + theirs + " (" + qualification(theirs, "en") + ")."));
        }
        if (belowQualification(situation, occupation)) {
            unfavourable.add(factor("below-qualification", String.valueOf(theirs),
                    "Bien en deçà de votre niveau de qualification (" + qualification(theirs, "fr") + ") : à discuter.",
                    "Well below your qualification level (" + qualification(theirs, "en") + "): to discuss."));
        }
        List<String> experience = experienceItBuildsOn(situation, occupation);
        if (!experience.isEmpty()) {
            boolean one = experience.size() == 1;
            favourable.add(factor("opened-by-experience", String.join(",", experience),
                    "S'appuie sur votre expérience (" + titles(experience, "fr", " ; ") + ") : elle remplit la"
                            + " condition d'accès à ce métier, et vos intérêts sont aussi comparés à "
                            + (one ? "ce métier-là." : "ces métiers-là."),
                    "Builds on your experience as " + titles(experience, "en", "; ") + ": it meets this occupation's"
                            + " entry requirement, and your interests are weighed against "
                            + (one ? "that occupation" : "those occupations") + " too."));
        }
        if (closeToCurrent(situation, occupation)) {
            favourable.add(factor("close-to-current", situation.current(),
                    "Métier proche du vôtre selon le ROME : votre expérience y compte.",
                    "An occupation close to yours in the ROME: your experience counts there."));
        }
    }

    private void explainTraining(Situation situation, Occupation occupation, List<CareerOption.Factor> favourable,
            List<CareerOption.Factor> unfavourable) {
        if (situation.holds(occupation.id())) {
            return;
        }
        if (!occupation.requires().isEmpty() && occupation.requires().stream().noneMatch(situation::holds)) {
            List<String> fr = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (String id : occupation.requires()) {
                catalogue.find(id).ifPresent(o -> {
                    fr.add(o.title().resolve("fr", "en"));
                    en.add(o.title().resolve("en", "fr"));
                });
            }
            int count = fr.size();
            if (count > PREREQUISITES_NAMED) {
                unfavourable.add(factor("prerequisite", String.join(",", occupation.requires()),
                        "Demande d'avoir exercé d'abord l'un des " + count + " métiers qu'il prolonge, par exemple : "
                                + String.join(" ; ", fr.subList(0, PREREQUISITES_NAMED)) + ".",
                        "Requires having worked first in one of the " + count + " occupations it builds on, such as: "
                                + String.join("; ", en.subList(0, PREREQUISITES_NAMED)) + "."));
            } else {
                unfavourable.add(factor("prerequisite", String.join(",", occupation.requires()),
                        "Demande d'avoir exercé d'abord comme : " + String.join(" ou ", fr) + ".",
                        "Requires having worked first as: " + String.join(" or ", en) + "."));
            }
        }
        Integer needed = trainingMonths(situation, occupation);
        if (needed == null) {
            return;
        }
        Integer limit = situation.maxTrainingMonths();
        if (limit != null && needed > limit) {
            unfavourable.add(factor("training-too-long", String.valueOf(needed), "Formation d'environ " + months(needed,
                    "fr") + ", plus longue que les " + months(limit, "fr") + " que vous envisagez.", "Training of about "
                    + months(needed, "en") + ", longer than the " + months(limit, "en") + " you consider."));
        } else if (limit == null && needed >= LONG_MONTHS) {
            unfavourable.add(factor("long-training", String.valueOf(needed), "Formation longue : environ "
                    + months(needed, "fr") + ".", "Long training: about " + months(needed, "en") + "."));
        } else if (needed <= SHORT_MONTHS) {
            favourable.add(factor("short-training", String.valueOf(needed), needed == 0
                    ? "Accessible sans formation longue (recrutement et formation sur le poste)."
                    : "Accessible en environ " + months(needed, "fr") + " de formation.", needed == 0
                    ? "Open without long training (hired and trained on the job)."
                    : "Open after about " + months(needed, "en") + " of training."));
        }
    }

    private static boolean qualificationGap(Situation situation, Occupation occupation) {
        return situation.qualification() != null && occupation.qualification() != null
                && occupation.qualification() - situation.qualification() >= 2;
    }

    private static boolean belowQualification(Situation situation, Occupation occupation) {
        if (situation.qualification() == null || situation.qualification() < 5 || occupation.id().equals(situation.current())) {
            return false;
        }
        int theirs = occupation.qualification() == null ? (occupation.level() != null && occupation.level() >= 3 ? 4 : 2)
                : occupation.qualification();
        return theirs <= situation.qualification() - 3;
    }

    private static boolean openedByTheirJob(Situation situation, Occupation occupation) {
        return !experienceItBuildsOn(situation, occupation).isEmpty();
    }

    /**
     * The occupations the person holds or has held that the occupation requires (one of which must be held first): the
     * experience it builds on; empty when they hold the occupation itself or none of its prerequisites.
     */
    static List<String> experienceItBuildsOn(Situation situation, Occupation occupation) {
        if (occupation.requires().isEmpty() || situation.holds(occupation.id())) {
            return List.of();
        }
        return occupation.requires().stream().filter(situation::holds).toList();
    }

    /** The titles of these occupations in a language, joined. */
    private String titles(List<String> ids, String language, String separator) {
        return String.join(separator, ids.stream().map(catalogue::find).flatMap(Optional::stream)
                .map(o -> o.title().resolve(language, "fr".equals(language) ? "en" : "fr")).toList());
    }

    private boolean closeToCurrent(Situation situation, Occupation occupation) {
        if (situation.current() == null || occupation.id().equals(situation.current())) {
            return false;
        }
        return occupation.closeTo().contains(situation.current()) || catalogue.find(situation.current())
                .map(current -> current.closeTo().contains(occupation.id())).orElse(false);
    }

    /** A French qualification level in words. */
    static String qualification(int level, String language) {
        boolean fr = "fr".equals(language);
        return switch (level) {
            case 3 -> fr ? "CAP, BEP" : "vocational certificate (CAP)";
            case 4 -> fr ? "baccalauréat" : "baccalauréat";
            case 5 -> fr ? "bac+2 : BTS, DEUST" : "two years of higher education";
            case 6 -> fr ? "bac+3 : licence, diplôme d'État" : "bachelor's level";
            case 7 -> fr ? "bac+5 : master" : "master's level";
            case 8 -> fr ? "doctorat" : "doctorate";
            default -> fr ? "niveau " + level : "level " + level;
        };
    }

    /** A number of months in words: 18 mois, 3 ans. */
    static String months(int months, String language) {
        boolean fr = "fr".equals(language);
        if (months >= 24 && months % 12 == 0) {
            return months / 12 + (fr ? " ans" : " years");
        }
        return months + (fr ? " mois" : months == 1 ? " month" : " months");
    }

    static CareerOption.Factor factor(String code, String subject, String fr, String en) {
        return new CareerOption.Factor(code, subject, LocalizedText.of("fr", fr, "en", en));
    }
}
