package io.bilan.synthesis;

import io.bilan.synthesis.Synthesis.Approval;
import io.bilan.synthesis.Synthesis.Beneficiary;
import io.bilan.synthesis.Synthesis.Level;
import io.bilan.synthesis.Synthesis.Option;
import io.bilan.synthesis.Synthesis.Project;
import io.bilan.synthesis.Synthesis.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Two syntheses of the same bilan, in French and in English: a sales assistant whose project of becoming a
 * nursing assistant (aide-soignante) was validated. The long texts are in the files beside this class.
 */
final class Examples {

    static final String DIGEST = "sha256:9f2c1e7a4b3d5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7";
    static final LocalDate STARTED = LocalDate.of(2026, 9, 1);
    static final LocalDate CONCLUDED = LocalDate.of(2026, 11, 26);

    private Examples() {
    }

    static Synthesis french() {
        return new Synthesis("fr", new Beneficiary("Amandine Roux", "Centre de bilan Horizons, Lyon"),
                List.of("Claire Martin"), STARTED, CONCLUDED, 24,
                text("fr/circumstances.txt"),
                new Project("Aide-soignante", "Santé et action sociale", "bonne"),
                List.of(new Level("Écoute active et empathie", 0.8, "observée en mise en situation"),
                        new Level("Communication orale", 0.75, null),
                        new Level("Travail en équipe", 0.7, null),
                        new Level("Organisation et gestion des priorités", 0.6, null),
                        new Level("Gestion du stress", 0.55, "à consolider")),
                List.of(new Level("Raisonnement verbal", 0.68, "moyen +"),
                        new Level("Raisonnement numérique", 0.52, "moyen"),
                        new Level("Attention et concentration", 0.74, "bon")),
                List.of(new Level("Réaliste", 0.35, null), new Level("Investigateur", 0.3, null),
                        new Level("Artistique", 0.25, null), new Level("Social", 0.9, null),
                        new Level("Entreprenant", 0.6, null), new Level("Conventionnel", 0.45, null)),
                "SEC",
                List.of(new Level("Accomplissement", 0.7, null), new Level("Conditions de travail", 0.45, null),
                        new Level("Reconnaissance", 0.5, null), new Level("Relations", 0.85, null),
                        new Level("Soutien", 0.6, null), new Level("Indépendance", 0.35, null)),
                List.of("Onze années de relation client, avec un sens du service reconnu par sa hiérarchie.",
                        "Une motivation confirmée par l'enquête métier menée en EHPAD.",
                        "Des besoins de recrutement élevés dans le bassin lyonnais."),
                List.of("Des horaires décalés et des week-ends à concilier avec la garde de ses deux enfants.",
                        "Une baisse de revenu pendant les dix mois de formation, d'environ 300 € par mois.",
                        "Aucune expérience du soin à ce jour."),
                List.of(new Step("Réaliser un stage d'observation de deux semaines en EHPAD",
                                "Période de mise en situation en milieu professionnel (PMSMP), à organiser avec France Travail avant fin janvier 2027."),
                        new Step("Déposer un dossier d'admission en institut de formation d'aides-soignants (IFAS)",
                                "Sélection sur dossier et entretien ; rentrée de septembre 2027."),
                        new Step("Monter le financement de la formation",
                                "Projet de transition professionnelle auprès de Transitions Pro, ou à défaut le CPF."),
                        new Step("Suivre la formation au diplôme d'État d'aide-soignant",
                                "Dix mois, dont 22 semaines de stage."),
                        new Step("Faire le point six mois après le bilan avec la conseillère", null)),
                List.of(new Option("home-care-worker", "Auxiliaire de vie sociale", "Santé et action sociale",
                                "Une piste d'attente si l'entrée en IFAS est repoussée : le même public, un emploi accessible "
                                        + "sans diplôme, et une expérience que l'IFAS valorise.", null),
                        new Option(null, "Agente de service hospitalier", "Santé et action sociale",
                                "Pour connaître l'hôpital de l'intérieur avant de s'engager dans la formation.", null)),
                text("fr/conclusion.txt"),
                null);
    }

    static Synthesis english() {
        return new Synthesis("en", new Beneficiary("Samantha Taylor", "Horizons Career Centre, Lyon"),
                List.of("Claire Martin", "Paul Dubois"), STARTED, CONCLUDED, 24,
                text("en/circumstances.txt"),
                new Project("Healthcare assistant", "Health and social care", "good"),
                List.of(new Level("Active listening and empathy", 0.8, "observed in role play"),
                        new Level("Oral communication", 0.75, null),
                        new Level("Teamwork", 0.7, null),
                        new Level("Organising and setting priorities", 0.6, null),
                        new Level("Handling stress", 0.55, "to strengthen")),
                List.of(new Level("Verbal reasoning", 0.68, "above average"),
                        new Level("Numerical reasoning", 0.52, "average"),
                        new Level("Attention and concentration", 0.74, "good")),
                List.of(new Level("Realistic", 0.35, null), new Level("Investigative", 0.3, null),
                        new Level("Artistic", 0.25, null), new Level("Social", 0.9, null),
                        new Level("Enterprising", 0.6, null), new Level("Conventional", 0.45, null)),
                "SEC",
                List.of(new Level("Achievement", 0.7, null), new Level("Working conditions", 0.45, null),
                        new Level("Recognition", 0.5, null), new Level("Relationships", 0.85, null),
                        new Level("Support", 0.6, null), new Level("Independence", 0.35, null)),
                List.of("Eleven years of customer service, with a sense of service her managers recognise.",
                        "A motivation confirmed by the field enquiry in a nursing home.",
                        "Strong demand for healthcare assistants around Lyon."),
                List.of("Shift work and weekends to reconcile with looking after her two children.",
                        "A loss of income during the ten months of training, about €300 a month.",
                        "No experience of care work so far."),
                List.of(new Step("Complete a two-week observation placement in a nursing home",
                                "A work-experience placement to arrange with France Travail before the end of January 2027."),
                        new Step("Apply to a healthcare assistant training institute (IFAS)",
                                "Selection on application and interview; the course starts in September 2027."),
                        new Step("Secure funding for the training",
                                "A career-transition project with Transitions Pro, or else the personal training account."),
                        new Step("Train for the state diploma of healthcare assistant",
                                "Ten months, including 22 weeks of placements."),
                        new Step("Review progress with the counsellor six months after the assessment", null)),
                List.of(new Option("home-care-worker", "Home care worker", "Health and social care",
                                "A way to wait if entry to a healthcare assistant school is postponed: the same people, a job "
                                        + "open without a diploma, and experience the school values.", null),
                        new Option(null, "Hospital services agent", "Health and social care",
                                "To know the hospital from the inside before committing to the training.", null)),
                text("en/conclusion.txt"),
                null);
    }

    /**
     * The synthesis as a centre hands it over: its legal identity, a counsellor who signs, the sessions and instruments
     * with their dates, and what was not assessed; names and punctuation the fonts must print as written.
     */
    static Synthesis handedOver(Synthesis s) {
        boolean fr = s.language().equals("fr");
        Synthesis.Handover handover = new Synthesis.Handover(
                new Synthesis.Centre("Cœur d’Azur – « Bilans » SARL", "12 rue de l’Œuvre\n69002 Lyon",
                        "84 69 12345 69", fr ? "Qualiopi — actions de bilan de compétences, certificat n° QA‑2026‑017"
                                : "Qualiopi — skills assessment actions, certificate QA‑2026‑017"),
                List.of(new Synthesis.Signatory("Ștefan Łukasiewicz", fr ? "Conseiller en bilan de compétences"
                        : "Skills assessment counsellor"), new Synthesis.Signatory("Ελένη Алёна Nguyễn", null)),
                List.of(new Synthesis.Method(fr ? "Intérêts professionnels (RIASEC)" : "Occupational interests (RIASEC)",
                                "riasec-interests@1.2.0", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 15)),
                        new Synthesis.Method(fr ? "Compétences transversales" : "Transversal competences",
                                "transversal-competences@1.0.0", LocalDate.of(2026, 9, 15), LocalDate.of(2026, 10, 1))),
                List.of(new Synthesis.Session(STARTED, 90, fr ? "phase préliminaire" : "preliminary phase"),
                        new Synthesis.Session(LocalDate.of(2026, 9, 15), 180, fr ? "investigation" : "investigation"),
                        new Synthesis.Session(CONCLUDED, 45, fr ? "conclusion" : "conclusion")),
                List.of(fr ? "Les aptitudes (aucun test de raisonnement passé) ; santé ≥ 2027‑2028 → non abordée."
                        : "Aptitudes (no reasoning test taken); health ≥ 2027‑2028 → not discussed."));
        return new Synthesis(s.language(), s.beneficiary(), s.counsellors(), s.startedOn(), s.concludedOn(), s.hours(),
                s.circumstances(), s.project(), s.competences(), s.aptitudes(), s.interests(), s.hollandCode(),
                s.values(), s.favourable(), s.unfavourable(), s.roadmap(), s.options(), s.conclusion(), s.approval(),
                handover);
    }

    /** The same synthesis, approved by the beneficiary on the day of the conclusion. */
    static Synthesis approved(Synthesis draft) {
        return with(draft, draft.conclusion(), new Approval(CONCLUDED, draft.beneficiary().name(), DIGEST));
    }

    /** The same synthesis with another conclusion. */
    static Synthesis withConclusion(Synthesis synthesis, String conclusion) {
        return with(synthesis, conclusion, synthesis.approval());
    }

    /** A synthesis with nothing but what the model requires. */
    static Synthesis bare(String language) {
        return new Synthesis(language, new Beneficiary("Lou Bernard", null), null, STARTED, null, 2,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Synthesis with(Synthesis s, String conclusion, Approval approval) {
        return new Synthesis(s.language(), s.beneficiary(), s.counsellors(), s.startedOn(), s.concludedOn(), s.hours(),
                s.circumstances(), s.project(), s.competences(), s.aptitudes(), s.interests(), s.hollandCode(),
                s.values(), s.favourable(), s.unfavourable(), s.roadmap(), s.options(), conclusion, approval);
    }

    static String text(String resource) {
        try (InputStream in = Examples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
