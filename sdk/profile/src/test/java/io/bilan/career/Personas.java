package io.bilan.career;

import static io.bilan.occupation.WorkingCondition.DAYTIME_HOURS;
import static io.bilan.occupation.WorkingCondition.EMOTIONAL_LOAD;
import static io.bilan.occupation.WorkingCondition.NIGHT_WORK;
import static io.bilan.occupation.WorkingCondition.PHYSICAL_LOAD;
import static io.bilan.occupation.WorkingCondition.REMOTE_WORK;
import static io.bilan.occupation.WorkingCondition.SHIFT_WORK;
import static io.bilan.occupation.WorkingCondition.TRAVEL;
import static io.bilan.occupation.WorkingCondition.WEEKEND_WORK;

import io.bilan.api.vocabulary.HollandCode;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.profile.Profile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People we wrote to guard the matcher against regressions: each a profile as a bilan would give it (RIASEC levels,
 * work values, competences, all 0 to 1) and a situation as the person would tell it. They are not data about anyone.
 */
final class Personas {

    /** One person: name, profile and situation. */
    record Persona(String name, Profile profile, Situation situation) {
    }

    static final Persona NURSE = new Persona("nurse, 45, after a burn-out, wants to train adults",
            profile(riasec(0.30, 0.60, 0.40, 0.90, 0.50, 0.50), values(0.8, 0.8, 0.6, 0.9, 0.7, 0.7),
                    Map.of("instructing-others", 0.94, "empathy", 0.75, "active-listening", 0.9, "public-speaking", 0.6,
                            "organisation", 0.7, "teamwork", 0.8, "stress-management", 0.45)),
            new Situation("registered-nurse", List.of(), List.of(), false, 6, 18,
                    Set.of(NIGHT_WORK, SHIFT_WORK, WEEKEND_WORK), Set.of(DAYTIME_HOURS)));

    static final Persona ORDER_PICKER = new Persona("order picker, 38, back trouble, no more lifting",
            profile(riasec(0.55, 0.30, 0.20, 0.40, 0.45, 0.75), values(0.6, 0.8, 0.4, 0.6, 0.7, 0.4),
                    Map.of("reliability", 0.8, "organisation", 0.6, "teamwork", 0.7, "digital-skills", 0.4)),
            new Situation("order-picker", List.of(), List.of(), false, 3, 12, Set.of(PHYSICAL_LOAD), Set.of()));

    static final Persona TEACHER = new Persona("secondary teacher, 42, leaving the classroom",
            profile(riasec(0.20, 0.70, 0.60, 0.85, 0.50, 0.40), values(0.8, 0.6, 0.6, 0.7, 0.5, 0.8),
                    Map.of("instructing-others", 0.9, "public-speaking", 0.85, "written-communication", 0.8,
                            "creativity", 0.6, "conflict-resolution", 0.55)),
            new Situation("secondary-school-teacher", List.of(), List.of("primary-school-teacher"), false, 7, 24,
                    Set.of(), Set.of()));

    static final Persona DEVELOPER = new Persona("software developer, 35, wants work with people",
            profile(riasec(0.40, 0.80, 0.55, 0.70, 0.35, 0.45), values(0.8, 0.6, 0.4, 0.8, 0.5, 0.8),
                    Map.of("problem-solving", 0.85, "digital-skills", 0.95, "analytical-thinking", 0.8,
                            "instructing-others", 0.6, "autonomy", 0.8)),
            new Situation("software-developer", List.of(), List.of(), false, 6, 12, Set.of(), Set.of(REMOTE_WORK)));

    static final Persona CARE_ASSISTANT = new Persona("nursing assistant, 30, wants to progress in health, no nights",
            profile(riasec(0.45, 0.55, 0.25, 0.90, 0.35, 0.50), values(0.7, 0.7, 0.6, 0.9, 0.7, 0.5),
                    Map.of("empathy", 0.85, "teamwork", 0.8, "attention-to-detail", 0.7, "reliability", 0.8,
                            "stress-management", 0.6)),
            new Situation("nursing-assistant", List.of(), List.of(), false, 4, 36, Set.of(NIGHT_WORK), Set.of()));

    static final Persona CASHIER = new Persona("store cashier, 24, no diploma, a short training at most",
            profile(riasec(0.35, 0.30, 0.45, 0.70, 0.65, 0.55), values(0.6, 0.6, 0.7, 0.8, 0.6, 0.5),
                    Map.of("customer-orientation", 0.8, "reliability", 0.7, "teamwork", 0.7, "numeracy", 0.5)),
            new Situation("store-cashier", List.of(), List.of(), false, 2, 12, Set.of(), Set.of()));

    static final Persona TRUCK_DRIVER = new Persona("truck driver, 50, no more nights or long trips",
            profile(riasec(0.80, 0.35, 0.15, 0.35, 0.40, 0.55), values(0.5, 0.8, 0.4, 0.5, 0.6, 0.8),
                    Map.of("reliability", 0.85, "autonomy", 0.8, "problem-solving", 0.5, "stress-management", 0.6)),
            new Situation("truck-driver", List.of(), List.of(), false, 3, 12, Set.of(NIGHT_WORK, TRAVEL), Set.of()));

    static final Persona ACCOUNTANT = new Persona("accountant, 40, wants more independence, working from home",
            profile(riasec(0.20, 0.60, 0.25, 0.35, 0.65, 0.85), values(0.7, 0.7, 0.5, 0.4, 0.4, 0.9),
                    Map.of("numeracy", 0.9, "attention-to-detail", 0.85, "analytical-thinking", 0.75, "autonomy", 0.8,
                            "digital-skills", 0.7)),
            new Situation("accountant", List.of(), List.of(), false, 5, 24, Set.of(), Set.of(REMOTE_WORK)));

    static final Persona SOCIAL_WORKER = new Persona("social worker, 48, exhausted by distress, wants lighter contact",
            profile(riasec(0.25, 0.50, 0.60, 0.85, 0.45, 0.45), values(0.7, 0.8, 0.5, 0.8, 0.6, 0.6),
                    Map.of("active-listening", 0.9, "empathy", 0.8, "written-communication", 0.75, "networking", 0.7,
                            "instructing-others", 0.55)),
            new Situation("social-worker", List.of(), List.of(), false, 6, 24, Set.of(EMOTIONAL_LOAD), Set.of()));

    static final Persona CARPENTER = new Persona("carpenter, 52, knees worn out, wants to pass the trade on",
            profile(riasec(0.85, 0.40, 0.45, 0.60, 0.45, 0.45), values(0.8, 0.6, 0.6, 0.6, 0.5, 0.7),
                    Map.of("instructing-others", 0.7, "attention-to-detail", 0.85, "problem-solving", 0.7,
                            "reliability", 0.9, "teamwork", 0.75)),
            new Situation("joiner-cabinetmaker", List.of("carpenter"), List.of(), false, 3, 12, Set.of(PHYSICAL_LOAD),
                    Set.of()));

    static final List<Persona> ALL = List.of(NURSE, ORDER_PICKER, TEACHER, DEVELOPER, CARE_ASSISTANT, CASHIER,
            TRUCK_DRIVER, ACCOUNTANT, SOCIAL_WORKER, CARPENTER);

    private Personas() {
    }

    static Map<RiasecArea, Double> riasec(double r, double i, double a, double s, double e, double c) {
        Map<RiasecArea, Double> levels = new EnumMap<>(RiasecArea.class);
        double[] all = {r, i, a, s, e, c};
        for (RiasecArea area : RiasecArea.values()) {
            levels.put(area, all[area.ordinal()]);
        }
        return levels;
    }

    /** Achievement, working conditions, recognition, relationships, support, independence. */
    static Map<WorkValue, Double> values(double... six) {
        Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
        for (WorkValue value : WorkValue.values()) {
            values.put(value, six[value.ordinal()]);
        }
        return values;
    }

    static Profile profile(Map<RiasecArea, Double> interests, Map<WorkValue, Double> values,
            Map<String, Double> competences) {
        Map<String, Double> scores = new LinkedHashMap<>();
        interests.forEach((area, level) -> scores.put(area.letter(), level));
        HollandCode code = HollandCode.of(interests);
        Profile.InterestsProfile riasec = new Profile.InterestsProfile(scores, code.letters(), code.tied(), null, null);
        Map<String, Double> wants = new LinkedHashMap<>();
        values.forEach((value, level) -> wants.put(value.code(), level));
        List<Profile.CompetenceAssessment> portfolio = new ArrayList<>();
        competences.forEach((id, level) -> portfolio.add(new Profile.CompetenceAssessment(id, level, 1, null, List.of())));
        return new Profile(1, List.of(), portfolio, List.of(), List.of(), new Profile.ValuesProfile(wants, List.of()),
                riasec, List.of(), List.of());
    }
}
