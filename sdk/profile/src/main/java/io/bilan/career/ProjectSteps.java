package io.bilan.career;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.occupation.Occupation;
import io.bilan.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages to carry a project out, in the order a roadmap takes them: complete what the profile lacks to judge the
 * project; check the competences it has no evidence of, with the instruments that would give it; strengthen the
 * competences truly below the step required, each with how; meet the prerequisites; follow a route into the
 * occupation, with its level and length, and fund it; test the project in the field. A competence the profile
 * holds at the step required never appears: it is no gap. The material of the synthesis document's roadmap; the
 * counsellor edits it.
 */
public final class ProjectSteps {

    private ProjectSteps() {
    }

    /** The steps towards {@code occupation} for this profile, given its assessment. */
    public static List<LocalizedText> of(Profile profile, Occupation occupation, CareerOption option) {
        List<LocalizedText> steps = new ArrayList<>();
        for (Profile.MissingPart missing : profile.missing()) {
            String instruments = String.join(", ", missing.instruments());
            switch (missing.part()) {
                case "interests" -> steps.add(LocalizedText.of("fr", "Compléter le profil d'intérêts (" + instruments + ").",
                        "en", "Complete the interest profile (" + instruments + ")."));
                case "values" -> steps.add(LocalizedText.of("fr", "Préciser les valeurs de travail (" + instruments + ").",
                        "en", "Clarify work values (" + instruments + ")."));
                default -> {
                }
            }
        }
        List<String> uncheckedFr = new ArrayList<>();
        List<String> uncheckedEn = new ArrayList<>();
        for (CareerOption.Gap gap : option.gaps()) {
            String fr = Competence.find(gap.competence()).map(c -> c.label("fr")).orElse(gap.competence());
            String en = Competence.find(gap.competence()).map(c -> c.label("en")).orElse(gap.competence());
            if (!gap.real()) {
                uncheckedFr.add("« " + fr + " »");
                uncheckedEn.add("\"" + en + "\"");
                continue;
            }
            steps.add(LocalizedText.of("fr", "Renforcer « " + fr + " » (" + gap.mastery().label("fr") + " "
                    + gap.mastery().step() + "/4, requis " + gap.required().label("fr") + " " + gap.required().step()
                    + "/4). Vérifier : " + lowerFirst(gap.check().resolve("fr", "en")) + " Développer : "
                    + lowerFirst(gap.close().resolve("fr", "en")), "en", "Strengthen \"" + en + "\" ("
                    + gap.mastery().label("en") + " " + gap.mastery().step() + "/4, required " + gap.required().label("en")
                    + " " + gap.required().step() + "/4). Check: " + lowerFirst(gap.check().resolve("en", "fr"))
                    + " Develop: " + lowerFirst(gap.close().resolve("en", "fr"))));
        }
        if (!uncheckedFr.isEmpty()) {
            steps.add(LocalizedText.of("fr", "Évaluer " + String.join(", ", uncheckedFr) + ", que ce métier demande et"
                    + " que le profil ne renseigne pas : auto-évaluation (transversal-competences), puis un exemple vécu"
                    + " documenté en entretien (career-interview-grid).", "en", "Assess " + String.join(", ", uncheckedEn)
                    + ", which this occupation requires and the profile does not show: self-assessment"
                    + " (transversal-competences), then a documented example in the interview grid (career-interview-grid)."));
        }
        for (CareerOption.Factor factor : option.unfavourable()) {
            if (factor.code().equals("prerequisite")) {
                steps.add(LocalizedText.of("fr", "Prérequis : " + factor.text().resolve("fr", "en"),
                        "en", "Prerequisite: " + factor.text().resolve("en", "fr")));
            }
        }
        List<LocalizedText> routes = occupation.routes();
        for (int i = 0; i < routes.size(); i++) {
            String training = i == 0 ? GapAdvice.training(occupation, "fr") : "";
            String trainingEn = i == 0 ? GapAdvice.training(occupation, "en") : "";
            steps.add(LocalizedText.of("fr", (i == 0 ? "Voie d'accès : " : "Autre voie : ") + routes.get(i).resolve("fr", "en")
                    + training + ".", "en", (i == 0 ? "Route in: " : "Other route: ") + routes.get(i).resolve("en", "fr")
                    + trainingEn + "."));
        }
        if (option.trainingMonths() == null || option.trainingMonths() > 0) {
            steps.add(LocalizedText.of("fr", "Financer la formation : compte personnel de formation (CPF) ; pour une"
                    + " reconversion par une formation longue, projet de transition professionnelle (Transitions Pro) ;"
                    + " en recherche d'emploi, avec France Travail.", "en", "Fund the training: personal training account"
                    + " (CPF); for a career change through long training, a professional transition project (Transitions"
                    + " Pro); when job-seeking, with France Travail."));
        }
        steps.add(LocalizedText.of("fr", "Confronter le projet au terrain : enquêtes auprès de professionnels du métier et"
                + " période d'immersion (PMSMP).", "en", "Test the project in the field: talks with people in the"
                + " occupation and an immersion period (PMSMP)."));
        return steps;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
