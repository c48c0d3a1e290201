package io.bilan.synthesis;

import io.bilan.api.vocabulary.Mastery;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The words the renderers add around the synthesis's own texts, and the way numbers and dates are written, in
 * French and in English. Both languages sit side by side so a translation is reviewed in one place.
 */
final class Labels {

    // French puts a no-break space before ":" and "%"; the PDF writer prints it as a plain space.
    private static final String NBSP = "\u00a0";
    private static final DateTimeFormatter FRENCH_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final boolean french;

    private Labels(boolean french) {
        this.french = french;
    }

    static Labels of(String language) {
        return new Labels("fr".equals(language));
    }

    private String say(String fr, String en) {
        return french ? fr : en;
    }

    String title() {
        return say("Document de synthèse du bilan de compétences", "Skills assessment synthesis document");
    }

    String beneficiary() {
        return say("Bénéficiaire", "Beneficiary");
    }

    String centre() {
        return say("Centre de bilan", "Assessment centre");
    }

    String counsellors(int count) {
        return say("Accompagnement", count == 1 ? "Counsellor" : "Counsellors");
    }

    String period() {
        return say("Période", "Dates");
    }

    String duration() {
        return say("Durée", "Duration");
    }

    /** The facts at the head of the document, label to value, in the order both renderers show them. */
    Map<String, String> facts(Synthesis synthesis) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(beneficiary(), synthesis.beneficiary().name());
        Synthesis.Centre identity = synthesis.handover() == null ? null : synthesis.handover().centre();
        if (identity != null) {
            facts.put(centre(), identity.name());
            if (FreeText.present(identity.address())) {
                facts.put(address(), identity.address().strip().replaceAll("\\s*\\R\\s*", ", "));
            }
            if (FreeText.present(identity.declarationNumber())) {
                facts.put(declarationNumber(), identity.declarationNumber());
            }
            if (FreeText.present(identity.certification())) {
                facts.put(certification(), identity.certification());
            }
        } else if (FreeText.present(synthesis.beneficiary().centre())) {
            facts.put(centre(), synthesis.beneficiary().centre());
        }
        if (!synthesis.counsellors().isEmpty()) {
            facts.put(counsellors(synthesis.counsellors().size()), String.join(", ", synthesis.counsellors()));
        }
        facts.put(period(), dates(synthesis.startedOn(), synthesis.concludedOn()));
        facts.put(duration(), hours(synthesis.hours()));
        return facts;
    }

    String address() {
        return say("Adresse", "Address");
    }

    String declarationNumber() {
        return say("Déclaration d'activité", "Declaration of activity");
    }

    String certification() {
        return say("Certification qualité", "Quality certification");
    }

    String process() {
        return say("Déroulement du bilan", "How the assessment was run");
    }

    String sessions() {
        return say("Entretiens", "Sessions");
    }

    /** One session: its day, its phase and how long it lasted. */
    String session(Synthesis.Session session) {
        return date(session.on()) + (FreeText.present(session.phase()) ? " — " + session.phase() : "") + " — "
                + minutes(session.minutes());
    }

    String methods() {
        return say("Méthodes et outils utilisés", "Methods and instruments used");
    }

    /** When a method was used: one day, or from the first to the last. */
    String used(Synthesis.Method method) {
        if (method.firstOn().equals(method.lastOn())) {
            return say("le " + date(method.firstOn()), "on " + date(method.firstOn()));
        }
        return say("du " + date(method.firstOn()) + " au " + date(method.lastOn()),
                "from " + date(method.firstOn()) + " to " + date(method.lastOn()));
    }

    String notAssessed() {
        return say("Ce que le bilan n'a pas évalué", "What the assessment did not cover");
    }

    String confidentiality() {
        return say("Confidentialité et propriété des résultats", "Confidentiality and ownership of the results");
    }

    /**
     * What the Code du travail provides for the results and the working documents of a bilan (articles L6313-4 and
     * R6313-4 to R6313-8), said in the project's own words.
     */
    java.util.List<String> confidentialityText() {
        return french ? java.util.List.of(
                "Les résultats de ce bilan et le présent document vous appartiennent. Le centre ne les communique à "
                        + "personne d'autre — employeur, financeur, organisme de formation ou autre — sans votre accord "
                        + "exprès, donné pour un destinataire et un usage précis ; vous pouvez le retirer.",
                "Les personnes qui ont conduit ce bilan ou y ont pris part sont tenues au secret professionnel sur "
                        + "ce que vous leur avez confié.",
                "Les documents de travail réunis pendant le bilan (réponses aux questionnaires, notes d'entretien, "
                        + "résultats détaillés) sont détruits quand il s'achève, sauf si vous avez accepté qu'ils soient "
                        + "gardés plus longtemps, par exemple pour préparer l'entretien de suivi. Vous pouvez à tout "
                        + "moment demander l'effacement de votre dossier.",
                "C'est le cadre que le Code du travail donne au bilan de compétences (articles L6313-4 et R6313-4 à "
                        + "R6313-8).")
                : java.util.List.of(
                "The results of this assessment and this document are yours. The centre passes them on to nobody "
                        + "else — employer, funder, training body or anyone — without your express consent, given for a "
                        + "named recipient and purpose; you may withdraw it.",
                "Those who ran this assessment or took part in it are bound by professional secrecy on what you "
                        + "confided to them.",
                "The working documents gathered during the assessment (questionnaire answers, interview notes, "
                        + "detailed results) are destroyed when it ends, unless you agreed to their being kept longer, "
                        + "for instance to prepare the follow-up meeting. You may ask at any time for your file to be "
                        + "erased.",
                "This is the framework the French Labour Code (Code du travail) gives the bilan de compétences "
                        + "(articles L6313-4 and R6313-4 to R6313-8).");
    }

    String signatures() {
        return say("Signatures", "Signatures");
    }

    String dateAndSignature() {
        return say("Date et signature", "Date and signature");
    }

    /** A duration in minutes: 2 h, 1 h 30, 45 min in French; 2 h, 1 h 30 min, 45 min in English. */
    String minutes(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        if (rest == 0) {
            return hours + " h";
        }
        return french ? hours + " h " + (rest < 10 ? "0" : "") + rest : hours + " h " + rest + " min";
    }

    String circumstances() {
        return say("Circonstances du bilan", "Circumstances of the assessment");
    }

    String noCircumstances() {
        return say("Les circonstances du bilan n'ont pas encore été rédigées.",
                "The circumstances of the assessment have not been written yet.");
    }

    String project() {
        return say("Projet professionnel", "Career project");
    }

    String sector() {
        return say("Secteur", "Sector");
    }

    String fit() {
        return say("Adéquation au profil", "Fit with the profile");
    }

    String competences() {
        return say("Compétences mobilisables pour le projet", "Competences relevant to the project");
    }

    String competencesLegend() {
        StringBuilder fr = new StringBuilder("Niveau de maîtrise en quatre degrés, un par quart de la barre" + NBSP + ": ");
        StringBuilder en = new StringBuilder("Level of mastery in four steps, one per quarter of the bar: ");
        for (Mastery step : Mastery.values()) {
            String separator = step.step() == 1 ? "" : ", ";
            fr.append(separator).append(step.step()).append(' ').append(step.label("fr"));
            en.append(separator).append(step.step()).append(' ').append(step.label("en"));
        }
        return say(fr.append('.').toString(), en.append('.').toString());
    }

    String aptitudes() {
        return say("Aptitudes", "Aptitudes");
    }

    String aptitudesLegend() {
        return say("Résultats aux tests, en pourcentage du score maximal.",
                "Test results, as a percentage of the maximum score.");
    }

    String interests() {
        return say("Intérêts professionnels (RIASEC)", "Occupational interests (RIASEC)");
    }

    String interestsLegend() {
        return say("Intensité de chaque domaine, du centre (0" + NBSP + "%) au bord de l'hexagone (100" + NBSP + "%).",
                "Strength of each area, from the centre (0%) to the edge of the hexagon (100%).");
    }

    String hollandCode() {
        return say("Code Holland", "Holland code");
    }

    String values() {
        return say("Valeurs professionnelles", "Work values");
    }

    String valuesLegend() {
        return say("Importance accordée à chaque valeur, en pourcentage.",
                "Importance given to each value, as a percentage.");
    }

    String factors() {
        return say("Facteurs favorisant ou freinant la réalisation du projet", "Factors favouring or hindering the project");
    }

    String favourable() {
        return say("Points d'appui", "Favourable factors");
    }

    String unfavourable() {
        return say("Freins à lever", "Hindering factors");
    }

    String roadmap() {
        return say("Étapes de mise en œuvre du projet", "Stages to carry out the project");
    }

    String noRoadmap() {
        return say("Aucune étape n'a encore été définie.", "No stage has been set out yet.");
    }

    String options() {
        return say("Pistes retenues", "Options retained");
    }

    String conclusion() {
        return say("Conclusion", "Conclusion");
    }

    String draft() {
        return say("Projet — non approuvé", "Draft — not approved");
    }

    String approved(LocalDate on, String by) {
        return say("Approuvé le " + date(on) + " par " + by, "Approved on " + date(on) + " by " + by);
    }

    String approvedShort(LocalDate on) {
        return say("Approuvé le " + date(on), "Approved on " + date(on));
    }

    String digest() {
        return say("Empreinte du document approuvé", "Digest of the approved document");
    }

    String ownership() {
        return say("Ce document appartient au bénéficiaire : il n'est communiqué à personne d'autre sans son accord.",
                "This document belongs to the beneficiary and is shared with nobody else without their consent.");
    }

    String page(int page, int pages) {
        return "page " + page + " / " + pages;
    }

    /** {@code "Label : "} in French, {@code "Label: "} in English. */
    String field(String label) {
        return label + (french ? NBSP + ": " : ": ");
    }

    /** 26 novembre 2026 (1er for the first of the month), 26 November 2026. */
    String date(LocalDate date) {
        if (!french) {
            return ENGLISH_DATE.format(date);
        }
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " "
                + FRENCH_MONTH_YEAR.format(date);
    }

    String dates(LocalDate from, LocalDate to) {
        if (to == null) {
            return say("Depuis le " + date(from), "Since " + date(from));
        }
        return say("Du " + date(from) + " au " + date(to), date(from) + " to " + date(to));
    }

    /**
     * The bilan's hours: whole hours in words (24 heures, 1 hour), a part hour as the case page and the sessions
     * write it (4 h 30, 4 h 30 min), never a decimal that reads as 4 hours 50.
     */
    String hours(double hours) {
        long minutes = Math.round(hours * 60);
        if (minutes % 60 != 0) {
            return minutes((int) minutes);
        }
        long whole = minutes / 60;
        // French keeps the singular below 2 (1 heure, 0 heure); English only for exactly one.
        return french ? whole + (whole < 2 ? " heure" : " heures") : whole + (whole == 1 ? " hour" : " hours");
    }

    /** A fraction as a whole percentage: 82 % or 82%. */
    String percent(double fraction) {
        return Math.round(fraction * 100) + (french ? NBSP + "%" : "%");
    }

    /** A competence level (0 to 1) as its step on the mastery scale, named: Maîtrise (3/4), Proficiency (3/4). */
    String mastery(double level) {
        Mastery step = Mastery.of(level);
        return step.label(french ? "fr" : "en") + " (" + step.step() + "/4)";
    }

    /** An option's fit band: adéquation bonne, fit good. */
    String fitBand(String band) {
        return say("adéquation ", "fit ") + band;
    }
}
