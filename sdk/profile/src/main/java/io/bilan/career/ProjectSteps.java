package io.bilan.career;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.occupation.Occupation;
import io.bilan.profile.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages to carry a project out, in the order a roadmap takes them: first complete what the profile
 * lacks to judge the project, then close the competence gaps, then follow a route into the occupation. The
 * material of the synthesis document's roadmap; the counsellor edits it.
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
        for (CareerOption.Gap gap : option.gaps()) {
            String fr = Competence.find(gap.competence()).map(c -> c.label("fr")).orElse(gap.competence());
            String en = Competence.find(gap.competence()).map(c -> c.label("en")).orElse(gap.competence());
            steps.add(gap.level() == null
                    ? LocalizedText.of("fr", "Vérifier la compétence « " + fr + " » (mise en situation, entretien).",
                            "en", "Check the competence \"" + en + "\" (role play, interview).")
                    : LocalizedText.of("fr", "Développer la compétence « " + fr + " » (formation, mise en pratique).",
                            "en", "Develop the competence \"" + en + "\" (training, practice)."));
        }
        for (LocalizedText route : occupation.routes()) {
            steps.add(LocalizedText.of("fr", "Voie d'accès : " + route.resolve("fr", "en"),
                    "en", "Route in: " + route.resolve("en", "fr")));
        }
        return steps;
    }
}
