package io.bilan.engine.cases;

import io.bilan.engine.profile.ProfileAssembler;
import io.bilan.engine.profile.ProfileResponse;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Everything a counsellor's case page shows, read in one transaction: the case as the API gives it
 * ({@link CaseViewAssembler}), its sessions, invitations, administrations, profile and career options, synthesis,
 * consents and audit trail, each made by the same code as the endpoint that serves it. Only the case's counsellors
 * open it, as {@link CaseAccess} decides for the API; the read is one entry of the audit trail, naming what it read.
 */
@ApplicationScoped
public class CaseWorkspace {

    /** How many career options the page shows. */
    static final int OPTIONS_SHOWN = 8;
    /** How many entries of the audit trail a page of it shows. */
    public static final int AUDIT_SHOWN = 25;

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseViewAssembler views;
    private final Invitations invitations;
    private final Administrations administrations;
    private final Syntheses syntheses;
    private final Situations situations;
    private final ProfileAssembler profiles;

    CaseWorkspace(CaseAccess access, AuditTrail audit, CaseViewAssembler views, Invitations invitations,
            Administrations administrations, Syntheses syntheses, Situations situations, ProfileAssembler profiles) {
        this.access = access;
        this.audit = audit;
        this.views = views;
        this.invitations = invitations;
        this.administrations = administrations;
        this.syntheses = syntheses;
        this.situations = situations;
        this.profiles = profiles;
    }

    /**
     * A case as its counsellor works on it.
     *
     * @param view            the case as {@code GET /api/v1/cases/{id}} gives it: phase, decisions, hours, what the
     *                        next phase still needs
     * @param sessions        the sessions, oldest first
     * @param invitations     the invitations, oldest first, with where each stands (never their link)
     * @param administrations the stored administrations with their reports, oldest first
     * @param options         the profile the reports add up to and the career options it opens, in {@code language}
     * @param synthesis       the synthesis document and where it stands, or null before it is drafted
     * @param consents        the beneficiary's consents
     * @param audit           the audit trail, oldest first, this read included
     * @param auditPage       the page of the trail asked for, newest first; null to show its latest entries
     */
    public record Overview(CaseViews.CaseView view, List<CaseViews.SessionView> sessions,
            List<Invitations.InvitationView> invitations, List<CaseViews.AdministrationView> administrations,
            ProfileResponse options, Syntheses.Document synthesis, List<CaseViews.ConsentView> consents,
            List<CaseViews.AuditView> audit, AuditTrail.Latest auditPage) {

        public Overview(CaseViews.CaseView view, List<CaseViews.SessionView> sessions,
                List<Invitations.InvitationView> invitations, List<CaseViews.AdministrationView> administrations,
                ProfileResponse options, Syntheses.Document synthesis, List<CaseViews.ConsentView> consents,
                List<CaseViews.AuditView> audit) {
            this(view, sessions, invitations, administrations, options, synthesis, consents, audit, null);
        }
    }

    /**
     * What the page asks for besides the case: the career options of a sector and of a preparation level, the
     * validation of a target (an occupation's id, or words to choose an occupation from), each as
     * {@code GET /api/v1/cases/{id}/career-options} takes them; and the page of the audit trail, before the entry
     * a cursor names ({@code null} for the latest entries).
     */
    public record Lens(String sector, String level, String target, String auditBefore) {

        public static final Lens NONE = new Lens(null, null, null, null);
    }

    /** The case for one of its counsellors; anyone else is told it does not exist. */
    @Transactional
    public Overview overview(String id, Caller caller, String language) {
        return overview(id, caller, language, Lens.NONE);
    }

    /** The same, with the options, the target and the audit trail's page the page asks for. */
    @Transactional
    public Overview overview(String id, Caller caller, String language, Lens lens) {
        CaseRecord record = access.open(id, caller, Access.COUNSELLOR);
        audit.record(id, caller, "case-page-read", "case, sessions, invitations, results, profile, synthesis, "
                + "consents, audit");
        List<CaseAdministration> stored = CaseAdministration.ofCase(id);
        ProfileResponse options = profiles.assemble(stored.stream().map(administration ->
                        administrations.view(administration).report()).toList(),
                new ProfileAssembler.Options(blank(lens.target()), blank(lens.sector()), blank(lens.level()),
                        String.valueOf(OPTIONS_SHOWN), language, situations.of(record, null)));
        AuditTrail.Latest auditPage = AuditTrail.latest(id, blank(lens.auditBefore()), AUDIT_SHOWN);
        CaseSynthesis synthesis = CaseSynthesis.findById(id);
        return new Overview(views.view(record),
                CaseSession.ofCase(id).stream().map(SessionLog::view).toList(),
                CaseInvitation.ofCase(id).stream().map(invitation -> invitations.view(invitation, null)).toList(),
                stored.stream().map(administrations::view).toList(),
                options,
                synthesis == null ? null : syntheses.document(synthesis),
                CaseConsent.ofCase(id).stream().map(Consents::view).toList(),
                AuditTrail.entries(id), auditPage);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
