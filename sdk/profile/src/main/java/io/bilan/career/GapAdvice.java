package io.bilan.career;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.occupation.Occupation;
import io.bilan.profile.Profile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a counsellor does about a competence gap: how to check it with the instruments Bilan ships (which give which
 * evidence), and how to close it with the routes the catalogue knows for the occupation, their level and length.
 */
final class GapAdvice {

    /** The competences the shipped role play observes. */
    private static final Set<String> ROLE_PLAY = Set.of("active-listening", "analytical-thinking", "customer-orientation",
            "empathy", "negotiation", "problem-solving", "reliability", "stress-management");
    /** The competences the shipped reasoning test measures. */
    private static final Set<String> REASONING = Set.of("analytical-thinking", "critical-thinking", "numeracy",
            "problem-solving");

    private GapAdvice() {
    }

    /** How to check a gap, given what the profile holds of the competence ({@code null} for nothing). */
    static LocalizedText check(String competence, Profile.CompetenceAssessment assessed) {
        String observeFr = "un exemple vécu documenté en entretien (career-interview-grid)";
        String observeEn = "a documented example in the interview grid (career-interview-grid)";
        if (ROLE_PLAY.contains(competence)) {
            observeFr += " ou la mise en situation observée (roleplay-client-conflict)";
            observeEn += " or the observed role play (roleplay-client-conflict)";
        }
        if (REASONING.contains(competence)) {
            observeFr += " ou le test de raisonnement (reasoning-aptitude)";
            observeEn += " or the reasoning test (reasoning-aptitude)";
        }
        if (assessed == null) {
            return LocalizedText.of("fr", "Pas encore évaluée : auto-évaluation (transversal-competences), puis "
                    + observeFr + ".", "en", "Not assessed yet: self-assessment (transversal-competences), then "
                    + observeEn + ".");
        }
        Set<String> instruments = new LinkedHashSet<>();
        boolean selfOnly = true;
        for (Profile.Evidence evidence : assessed.evidence()) {
            instruments.add(evidence.instrument().split("@")[0]);
            selfOnly &= evidence.source() == EvidenceSource.SELF_ASSESSMENT;
        }
        String from = String.join(", ", instruments);
        if (instruments.isEmpty()) {
            return LocalizedText.of("fr", "Niveau à confirmer par " + observeFr + ".",
                    "en", "Level to confirm with " + observeEn + ".");
        }
        if (selfOnly) {
            return LocalizedText.of("fr", "Niveau auto-évalué (" + from + ") : à confirmer par " + observeFr + ".",
                    "en", "Self-assessed level (" + from + "): to confirm with " + observeEn + ".");
        }
        return LocalizedText.of("fr", "Niveau établi par " + from + " : à reprendre en entretien sur les situations"
                + " où elle a été exercée.", "en", "Level established by " + from + ": to go over in an interview,"
                + " on situations where it was used.");
    }

    /** How to close a gap towards this occupation: its routes with level and length, and supervised practice. */
    static LocalizedText close(Occupation occupation) {
        List<LocalizedText> routes = occupation.routes();
        String training = training(occupation, "fr");
        String trainingEn = training(occupation, "en");
        String practiceFr = "la mise en pratique encadrée (stage, période de mise en situation en milieu professionnel)";
        String practiceEn = "supervised practice (work placement, PMSMP immersion)";
        if (routes.isEmpty()) {
            return LocalizedText.of("fr", "Se former ou la développer par " + practiceFr + training + ".",
                    "en", "Training, or " + practiceEn + trainingEn + ".");
        }
        return LocalizedText.of("fr", "La formation du métier la travaille : " + routes.get(0).resolve("fr", "en")
                + training + " ; ou " + practiceFr + ".", "en", "The occupation's training develops it: "
                + routes.get(0).resolve("en", "fr") + trainingEn + "; or " + practiceEn + ".");
    }

    /** " (niveau 6 : bac+3, environ 3 ans)" or nothing when the catalogue does not know. */
    static String training(Occupation occupation, String language) {
        boolean fr = "fr".equals(language);
        String level = occupation.qualification() == null ? null : (fr ? "niveau " : "level ")
                + occupation.qualification() + " : " + SituationWeighing.qualification(occupation.qualification(), language);
        if (!fr && level != null) {
            level = level.replace(" : ", ", ");
        }
        String length = occupation.trainingMonths() == null || occupation.trainingMonths() == 0 ? null
                : (fr ? "environ " : "about ") + SituationWeighing.months(occupation.trainingMonths(), language);
        if (level == null && length == null) {
            return "";
        }
        return " (" + (level == null ? length : length == null ? level : level + ", " + length) + ")";
    }
}
