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
        if (FreeText.present(synthesis.beneficiary().centre())) {
            facts.put(centre(), synthesis.beneficiary().centre());
        }
        if (!synthesis.counsellors().isEmpty()) {
            facts.put(counsellors(synthesis.counsellors().size()), String.join(", ", synthesis.counsellors()));
        }
        facts.put(period(), dates(synthesis.startedOn(), synthesis.concludedOn()));
        facts.put(duration(), hours(synthesis.hours()));
        return facts;
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

    String hours(double hours) {
        String number = decimal(hours);
        // French keeps the singular below 2 (1,5 heure); English only for exactly one.
        return french
                ? number + (hours < 2 ? " heure" : " heures")
                : number + (hours == 1 ? " hour" : " hours");
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

    // Written by hand rather than with NumberFormat so the output does not depend on the JDK's locale data.
    private String decimal(double value) {
        long tenths = Math.round(value * 10);
        String text = tenths % 10 == 0 ? String.valueOf(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
        return french ? text.replace('.', ',') : text;
    }
}
