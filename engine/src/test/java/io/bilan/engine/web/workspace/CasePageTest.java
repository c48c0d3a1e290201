package io.bilan.engine.web.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.BandResult;
import io.bilan.api.report.Flag;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.report.Severity;
import io.bilan.engine.cases.CaseViews;
import io.bilan.engine.cases.CaseWorkspace;
import io.bilan.engine.cases.Invitations;
import io.bilan.engine.cases.Syntheses;
import io.bilan.engine.catalog.InstrumentSummary;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.profile.ProfileResponse;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.ScaleLine;
import io.bilan.profile.Profile;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The case page's view model, from what the services read to what the page says: the phases and what the next one
 * needs in the page's words, the hours, the invitations by where they stand, the results and the profile's charts,
 * and what can be done with the synthesis.
 */
class CasePageTest {

    private static final OffsetDateTime MORNING = OffsetDateTime.of(2026, 11, 20, 9, 30, 0, 0, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static CaseViews.CaseView caseIn(String phase, CaseViews.Next next, CaseViews.Fit fit, int minutesUsed) {
        return new CaseViews.CaseView("c-1", "centre-a", "B-2026-0142", null, Map.of(), phase, "Changer de métier", fit,
                new CaseViews.Contract(null, null, null, null), List.of("key:counsellor"),
                new CaseViews.Hours(minutesUsed, 1440 - minutesUsed, 1440), null, null, MORNING, null, null, next, null);
    }

    private static CaseWorkspace.Overview overview(CaseViews.CaseView view,
            List<Invitations.InvitationView> invitations, List<CaseViews.AdministrationView> administrations,
            Profile profile, Syntheses.Document synthesis) {
        return new CaseWorkspace.Overview(view,
                List.of(new CaseViews.SessionView(1, "preliminary", LocalDate.of(2026, 11, 20), 90, "Entretien",
                        "key:counsellor")),
                invitations, administrations,
                new ProfileResponse(profile, List.of(), List.of(), null, null, null), synthesis, List.of(),
                List.of(new CaseViews.AuditView(MORNING, "key:counsellor", "case-opened", null),
                        new CaseViews.AuditView(MORNING.plusMinutes(5), "key:counsellor", "case-page-read", "case")));
    }

    @Test
    void transmissionsAreTheOnesTheAuditTrailRecorded() {
        CaseViews.CaseView view = caseIn("follow-up", new CaseViews.Next("closed", List.of()), null, 600);
        CaseWorkspace.Overview overview = new CaseWorkspace.Overview(view, List.of(), List.of(), List.of(), null, null,
                List.of(new CaseViews.ConsentView(3, "Hôpital Édouard-Herriot", List.of("synthesis", "profile"),
                        "Recrutement", "key:beneficiary", MORNING, MORNING.plusDays(2))),
                List.of(new CaseViews.AuditView(MORNING.plusDays(1), "key:counsellor", "transmitted",
                                "Hôpital Édouard-Herriot: synthesis"),
                        new CaseViews.AuditView(MORNING.plusDays(1), "key:counsellor", "case-read", null)));
        CasePage page = page(overview, "fr");
        assertEquals(List.of("Hôpital Édouard-Herriot: synthesis"),
                page.transmissions().stream().map(CasePage.AuditRow::detail).toList());
        CasePage.ConsentRow consent = page.consents().getFirst();
        assertEquals("la synthèse, le profil", consent.parts());
        assertEquals("22 nov. 2026 09:30 UTC", consent.withdrawn());
        assertTrue(page.profile().empty(), "no options read, no profile to show");
    }

    private static Profile emptyProfile() {
        return new Profile(1, List.of(), List.of(), List.of(), List.of(), null, null, List.of(), List.of());
    }

    private static CasePage page(CaseWorkspace.Overview overview, String language) {
        return CasePage.of(overview, PageTexts.of(language), (id, version) -> "Title of " + id,
                subject -> subject.equals("key:counsellor") ? "Camille Roux" : subject,
                List.of(new InstrumentSummary("riasec-interests", "1.0.0", "questionnaire", List.of("investigation"),
                                List.of("fr", "en"), "Intérêts", "", 15, false),
                        new InstrumentSummary("role-play-grid", "1.0.0", "observation-grid", List.of("investigation"),
                                List.of("fr", "en"), "Grille", "", 30, false)),
                TODAY);
    }

    @Test
    void thePhasesAndWhatTheNextOneNeedsAreInThePagesWords() {
        CaseViews.Next next = new CaseViews.Next("investigation", List.of(
                new ProblemDetails.Error("no-fit-decision", null, "no fit decision", null, "error"),
                new ProblemDetails.Error("unsigned-by-beneficiary", null, "unsigned", null, "error")));
        CasePage page = page(overview(caseIn("preliminary", next, null, 90), List.of(), List.of(), emptyProfile(), null),
                "fr");

        assertEquals(List.of("current", "upcoming", "upcoming", "upcoming", "upcoming"),
                page.phases().stream().map(CasePage.PhaseStep::state).toList());
        assertEquals("Préliminaire", page.phaseLabel());
        assertEquals("Investigation", page.next().label());
        assertFalse(page.next().ready());
        assertEquals(List.of("la décision qu’un bilan répond à la demande",
                "la signature de la convention par le bénéficiaire"), page.next().missing());
        assertEquals(new CasePage.Hours("1 h 30", "22 h 30", "24 h", 6, 1350), page.hours());
        assertEquals("20 nov. 2026", page.sessions().getFirst().date());
        assertEquals("1 h 30", page.sessions().getFirst().length());
        assertEquals("Préliminaire", page.sessions().getFirst().phase());
        assertEquals(List.of("riasec-interests"), page.invitable().stream().map(CasePage.Choice::value).toList(),
                "an observation grid is filled by observers, not by the beneficiary");
        assertEquals(List.of("page du dossier lue", "dossier ouvert"),
                page.audit().stream().map(CasePage.AuditRow::action).toList(), "newest first");
        assertEquals("Camille Roux", page.audit().getFirst().actor(), "people by their names");
        assertEquals("Camille Roux", page.sessions().getFirst().by());
        assertEquals("2026-12-06", page.today());
        assertEquals(List.of(), page.transmissions());
    }

    @Test
    void aRuleThePagesDoNotWordKeepsTheEnginesSentence() {
        CaseViews.Next next = new CaseViews.Next("closed", List.of(
                new ProblemDetails.Error("follow-up-early", null, "held on 2027-01-02, due on 2027-06-01", null, "error")));
        CasePage page = page(overview(caseIn("follow-up", next, null, 600), List.of(), List.of(), emptyProfile(), null),
                "en");
        assertEquals(List.of("held on 2027-01-02, due on 2027-06-01"), page.next().missing());
        assertEquals(List.of("done", "done", "done", "current", "upcoming"),
                page.phases().stream().map(CasePage.PhaseStep::state).toList());
        assertTrue(page.followUp().canRecordEarly());
    }

    @Test
    void invitationsSayWhereTheyStandAndOnlyOpenOnesCanBeRevoked() {
        List<Invitations.InvitationView> invitations = List.of(
                invitation("i-1", "submitted", 7L),
                invitation("i-2", "opened", null),
                invitation("i-3", "pending", null),
                invitation("i-4", "revoked", null));
        CasePage page = page(overview(caseIn("investigation", new CaseViews.Next("conclusion", List.of()), null, 0),
                invitations, List.of(), emptyProfile(), null), "en");

        assertEquals(List.of("i-4", "i-3", "i-2", "i-1"), page.invitations().stream().map(CasePage.InvitationRow::id)
                .toList(), "newest first");
        assertEquals(List.of("revoked", "invited", "in progress", "submitted"),
                page.invitations().stream().map(CasePage.InvitationRow::statusLabel).toList());
        assertEquals(List.of(false, true, true, false),
                page.invitations().stream().map(CasePage.InvitationRow::revocable).toList());
        assertEquals("result-7", page.invitations().getLast().resultAnchor());
        assertTrue(page.next().ready());
    }

    private static Invitations.InvitationView invitation(String id, String status, Long administration) {
        return new Invitations.InvitationView(id, "riasec-interests", "1.0.0", status, "key:counsellor", MORNING,
                MORNING.plusDays(14), null, null, administration, null);
    }

    @Test
    void resultsShowEveryScoredScaleAndTheProfileItsCharts() {
        Map<String, ScaleResult> scales = new LinkedHashMap<>();
        scales.put("R", new ScaleResult("Realistic", 5.0, null, 5, 5, 0.0, 10.0, false, null, null,
                new BandResult("mid", "Mid", "Some liking."), "manifest"));
        scales.put("I", new ScaleResult("Investigative", null, null, 0, 5, 0.0, 10.0, false,
                io.bilan.api.report.ScaleStatus.INSUFFICIENT_DATA, null, null, "manifest"));
        ScoreReport report = new ScoreReport("riasec-interests@1.0.0", "sha256:ab", "en", null, scales, List.of(),
                List.of(new Flag("acquiescence", Severity.WARNING, "Many answers agree with everything.")),
                List.of("Mostly realistic."), Map.of(), null);
        CaseViews.AdministrationView administration = new CaseViews.AdministrationView(7, "investigation",
                "riasec-interests", "1.0.0", "sha256:ab", "invited:c-1", MORNING, report);
        Map<String, Double> interests = new LinkedHashMap<>();
        for (String area : List.of("R", "I", "A", "S", "E", "C")) {
            interests.put(area, area.equals("S") ? 0.9 : 0.4);
        }
        Profile profile = new Profile(1, List.of("riasec-interests@1.0.0 sha256:ab"), List.of(), List.of(), List.of(),
                new Profile.ValuesProfile(Map.of("achievement", 0.8, "independence", 0.3),
                        List.of("achievement", "independence")),
                new Profile.InterestsProfile(interests, "SRI", false, "medium", 0.5), List.of(), List.of());
        CasePage page = page(overview(caseIn("investigation", new CaseViews.Next("conclusion", List.of()), null, 0),
                List.of(), List.of(administration), profile, null), "en");

        CasePage.Result result = page.results().getFirst();
        assertEquals("Title of riasec-interests", result.title());
        assertEquals(List.of(new ScaleLine("Realistic", "Mid", "Some liking.", 50, "5 / 10")), result.scales(),
                "a scale without enough answers has no score to draw");
        assertEquals(List.of("Many answers agree with everything."), result.flags());
        assertEquals(List.of("Mostly realistic."), result.interpretation());
        assertFalse(page.profile().empty());
        assertEquals("SRI", page.profile().hollandCode());
        assertTrue(page.profile().hexagon().contains("<svg"), page.profile().hexagon());
        assertEquals(List.of("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"),
                page.profile().interests().stream().map(CasePage.Bar::label).toList());
        assertEquals(90, page.profile().interests().get(3).percent());
        assertEquals(List.of(80, 30), page.profile().values().stream().map(CasePage.Bar::percent).toList());
        assertEquals("80%", page.profile().values().getFirst().value());
    }

    @Test
    void theSynthesisIsDraftedInTheConclusionSubmittedAsADraftAndFrozenOnceApproved() {
        CaseViews.CaseView investigation = caseIn("investigation", new CaseViews.Next("conclusion", List.of()), null, 0);
        CasePage none = page(overview(investigation, List.of(), List.of(), emptyProfile(), null), "en");
        assertEquals("not drafted yet", none.synthesis().statusLabel());
        assertFalse(none.synthesis().canDraft(), "drafted in the conclusion phase only");
        assertFalse(none.synthesis().hasDocument());

        CaseViews.CaseView conclusion = caseIn("conclusion", new CaseViews.Next("follow-up", List.of()), null, 0);
        CasePage draft = page(overview(conclusion, List.of(), List.of(), emptyProfile(),
                new Syntheses.Document("draft", 2, null, null, null)), "en");
        assertTrue(draft.synthesis().canDraft());
        assertTrue(draft.synthesis().canSubmit());
        assertTrue(draft.synthesis().hasDocument());
        assertEquals(2, draft.synthesis().revision());

        CasePage changes = page(overview(conclusion, List.of(), List.of(), emptyProfile(),
                new Syntheses.Document("changes-requested", 3, "Add the care assistant option.", null, null)), "fr");
        assertEquals("modifications demandées par le bénéficiaire", changes.synthesis().statusLabel());
        assertTrue(changes.synthesis().canDraft());
        assertFalse(changes.synthesis().canSubmit(), "an edit or a new draft comes first");
        assertEquals("Add the care assistant option.", changes.synthesis().changeRequest());

        CasePage approved = page(overview(conclusion, List.of(), List.of(), emptyProfile(),
                new Syntheses.Document("approved", 3, null, "sha256:0f", null)), "en");
        assertFalse(approved.synthesis().canDraft());
        assertFalse(approved.synthesis().canSubmit());
        assertEquals("sha256:0f", approved.synthesis().approvedDigest());
    }

    @Test
    void theFitDecisionAndTheClosingRedirect() {
        CaseViews.Fit redirect = new CaseViews.Fit("redirect", "VAE", "counsellor", "key:counsellor", MORNING);
        CasePage page = page(overview(caseIn("preliminary", new CaseViews.Next("investigation", List.of()), redirect, 60),
                List.of(), List.of(), emptyProfile(), null), "en");
        assertEquals("Redirect the person elsewhere", page.preliminary().fitLabel());
        assertEquals("VAE", page.preliminary().route());
        assertEquals("20 Nov 2026 09:30 UTC", page.preliminary().fitAt());
        assertTrue(page.next().canClose());
        assertEquals("Changer de métier", page.preliminary().demand());
    }
}
