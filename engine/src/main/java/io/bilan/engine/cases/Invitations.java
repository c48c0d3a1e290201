package io.bilan.engine.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.engine.config.PagesConfig;
import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.Page;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.BrowserSessions;
import io.bilan.engine.security.Caller;
import io.bilan.runtime.Instrument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Invitations of a beneficiary to answer an instrument in a browser: created and revoked by the case's counsellors,
 * opened once by the link's token (which starts a browser session as the case's beneficiary), then answered as a
 * draft kept on the server until it is submitted, once, as an administration of the case.
 */
@ApplicationScoped
public class Invitations {

    /** The path of an invitation link, followed by its token. */
    public static final String LINK_PATH = "/i/";
    private static final String INVITED_SUBJECT = "invited:";

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseJson json;
    private final ScoringService scoring;
    private final Administrations administrations;
    private final BrowserSessions sessions;
    private final OneTimeLinks links;
    private final PagesConfig config;
    private final Clock clock;

    Invitations(CaseAccess access, AuditTrail audit, CaseJson json, ScoringService scoring,
            Administrations administrations, BrowserSessions sessions, OneTimeLinks links, PagesConfig config,
            Clock clock) {
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.scoring = scoring;
        this.administrations = administrations;
        this.sessions = sessions;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** What the counsellor asks for. */
    public record NewInvitation(String instrument, String version, Integer expiresInDays) {
    }

    /** Where an invitation can stand (see {@code CaseInvitation.status}). */
    public static final List<String> STATUSES = List.of("pending", "opened", "submitted", "revoked", "expired");

    /** An invitation as its counsellors see it; {@code link} only once, when it is created. */
    public record InvitationView(String id, String instrument, String version, String status, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime openedAt, OffsetDateTime submittedAt,
            Long administration, String link) {
    }

    /** An invitation opened by its link: the session to set in the browser and where to go. */
    public record Opened(String invitation, BrowserSessions.Opened session) {
    }

    /** Why a link opens nothing: {@code unknown}, {@code used}, {@code revoked} or {@code expired}. */
    public static final class ClosedLinkException extends RuntimeException {
        private final String reason;

        ClosedLinkException(String reason) {
            super("invitation link " + reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The invitation a beneficiary answers: the instrument, their draft, the clock of a timed test. */
    public record Answering(String id, String caseId, Instrument instrument, JsonNode draft,
            OffsetDateTime draftSavedAt, OffsetDateTime startedAt, Integer secondsLeft, boolean submitted,
            Long administration, boolean revoked) {
    }

    /**
     * Invites the case's beneficiary to answer an instrument of the case's phase. Tests are welcome (the counsellor
     * administers them by inviting); observation grids are filled by observers, never by the person observed. An open
     * invitation to the same instrument is replaced, and its draft carried over.
     */
    @Transactional
    public InvitationView create(String caseId, Caller caller, NewInvitation request) {
        CaseRecord record = access.openLocked(caseId, caller, Access.COUNSELLOR);
        if (request == null || request.instrument() == null || request.instrument().isBlank()) {
            throw InvalidRequestException.at("/instrument", "missing-field", "name the instrument to answer");
        }
        if (request.expiresInDays() != null && (request.expiresInDays() < 1 || request.expiresInDays() > 90)) {
            throw InvalidRequestException.at("/expiresInDays", "out-of-range", "an invitation lasts 1 to 90 days");
        }
        Instrument instrument = scoring.instrument(request.instrument(),
                request.version() == null ? "latest" : request.version());
        InstrumentManifest manifest = instrument.manifest();
        if (manifest.kind().code().equals("observation-grid")) {
            throw CaseRuleException.of("observation-grid-not-invited",
                    "an observation grid is filled by its observers, not by the person observed");
        }
        if (manifest.phases().stream().noneMatch(phase -> phase.code().equals(record.phase))) {
            throw CaseRuleException.of("instrument-not-in-phase", manifest.id() + " belongs to "
                    + manifest.phases().stream().map(p -> p.code()).toList() + ", and the case is in " + record.phase);
        }
        if (record.closedAt != null) {
            throw CaseRuleException.of("case-closed", "the case is closed");
        }
        OneTimeLinks.Issued issued = links.issue(LINK_PATH);
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseInvitation invitation = new CaseInvitation();
        invitation.id = UUID.randomUUID().toString();
        invitation.caseId = caseId;
        invitation.tokenHash = issued.hash();
        invitation.instrumentId = manifest.id();
        invitation.version = manifest.version();
        invitation.createdBy = caller.name();
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(request.expiresInDays() == null ? config.invitationLifetime()
                : Duration.ofDays(request.expiresInDays()));
        for (CaseInvitation older : CaseInvitation.openOf(caseId, manifest.id())) {
            if (older.draft != null && older.version.equals(invitation.version)) {
                invitation.setDraft(older.getDraft());
                invitation.draftSavedAt = older.draftSavedAt;
                invitation.startedAt = older.startedAt;
            }
            older.revokedAt = now;
            older.revokedBy = caller.name();
        }
        invitation.persist();
        audit.record(caseId, caller, "invitation-created", invitation.id + " " + manifest.coordinates());
        return view(invitation, issued.link());
    }

    /** A page of the invitations of a case, oldest first. */
    @Transactional
    public Page<InvitationView> list(String caseId, Caller caller, PageRequest page) {
        access.open(caseId, caller, Access.COUNSELLOR);
        return page.page(CaseInvitation.pageOf(caseId, page), invitation -> Cursor.of(invitation.createdAt,
                invitation.id), invitation -> view(invitation, null));
    }

    /** Revokes an invitation: its link opens nothing and its player is closed; a submitted one stays as it is. */
    @Transactional
    public InvitationView revoke(String caseId, Caller caller, String invitationId) {
        access.open(caseId, caller, Access.COUNSELLOR);
        CaseInvitation invitation = CaseInvitation.locked(invitationId).filter(found -> found.caseId.equals(caseId))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
        if (invitation.revokedAt == null && invitation.submittedAt == null) {
            invitation.revokedAt = OffsetDateTime.now(clock);
            invitation.revokedBy = caller.name();
            audit.record(caseId, caller, "invitation-revoked", invitation.id);
        }
        return view(invitation, null);
    }

    /** Whether a link's token can still be opened, without opening it ({@code pending}), or why not. */
    @Transactional
    public String linkStatus(String token) {
        return CaseInvitation.byTokenHash(OneTimeLinks.hashOf(token))
                .map(invitation -> invitation.status(OffsetDateTime.now(clock)))
                .map(status -> status.equals("pending") ? status : status.equals("expired") || status.equals("revoked")
                        ? status : "used")
                .orElse("unknown");
    }

    /** The invitation a link opened, if this browser session belongs to its case. */
    @Transactional
    public java.util.Optional<String> openedInvitation(String token, Caller caller) {
        return caller.browserSession().flatMap(session -> CaseInvitation.byTokenHash(OneTimeLinks.hashOf(token))
                .filter(invitation -> invitation.caseId.equals(session.caseId()) && invitation.openedAt != null
                        && invitation.revokedAt == null)
                .map(invitation -> invitation.id));
    }

    /**
     * Opens an invitation by its link's token, once: a browser session starts as the case's beneficiary. A case whose
     * beneficiary has no access yet gets them as {@code invited:<case id>}; one who has a key or an account at the
     * centre's identity provider stays who they are, so the API and the pages see the same person.
     */
    @Transactional
    public Opened open(String token) {
        CaseInvitation found = CaseInvitation.byTokenHash(OneTimeLinks.hashOf(token))
                .orElseThrow(() -> new ClosedLinkException("unknown"));
        CaseRecord.lockRow(found.caseId);
        CaseInvitation invitation = CaseInvitation.locked(found.id).orElseThrow(() -> new ClosedLinkException("unknown"));
        String status = invitation.status(OffsetDateTime.now(clock));
        if (!status.equals("pending")) {
            throw new ClosedLinkException(status.equals("expired") || status.equals("revoked") ? status : "used");
        }
        CaseRecord record = CaseRecord.findById(invitation.caseId);
        if (record.beneficiarySubject == null) {
            record.beneficiarySubject = INVITED_SUBJECT + record.id;
        }
        invitation.openedAt = OffsetDateTime.now(clock);
        BrowserSessions.Opened session = sessions.open(record.id, record.centre, record.beneficiarySubject);
        audit.record(record.id, record.beneficiarySubject, "invitation-opened", invitation.id);
        return new Opened(invitation.id, session);
    }

    /** The invitations of the caller's own case, oldest first. */
    @Transactional
    public List<InvitationView> mine(String caseId, Caller caller) {
        access.open(caseId, caller, Access.BENEFICIARY);
        return CaseInvitation.ofCase(caseId).stream()
                .filter(invitation -> !invitation.status(OffsetDateTime.now(clock)).equals("expired"))
                .map(invitation -> view(invitation, null)).toList();
    }

    /** The invitation the caller answers, its clock started at its first display. */
    @Transactional
    public Answering answering(String invitationId, Caller caller) {
        CaseInvitation invitation = own(invitationId, caller);
        if (invitation.startedAt == null && invitation.submittedAt == null && invitation.revokedAt == null) {
            invitation.startedAt = OffsetDateTime.now(clock);
        }
        return answering(invitation);
    }

    /** Keeps the answers given so far as the draft; never a result. A submitted invitation keeps what it stored. */
    @Transactional
    public Answering saveDraft(String invitationId, Caller caller, JsonNode answers) {
        CaseInvitation invitation = own(invitationId, caller);
        if (invitation.submittedAt == null && invitation.revokedAt == null) {
            invitation.setDraft(json.write(answers));
            invitation.draftSavedAt = OffsetDateTime.now(clock);
            if (invitation.startedAt == null) {
                invitation.startedAt = invitation.draftSavedAt;
            }
        }
        return answering(invitation);
    }

    /**
     * Submits the answers: scored and stored as an administration of the case, once. A second submission (a double
     * click, a retry, another engine) finds the first one stored and stores nothing. A timed test gets the time taken
     * on the server's clock from its first display; a late one is stored with the flag the format raises.
     */
    @Transactional
    public Answering submit(String invitationId, Caller caller, JsonNode answers, String language) {
        CaseInvitation invitation = own(invitationId, caller);
        CaseInvitation locked = CaseInvitation.locked(invitation.id).orElseThrow();
        if (locked.submittedAt != null || locked.revokedAt != null) {
            return answering(locked);
        }
        Instrument instrument = scoring.instrument(locked.instrumentId, locked.version);
        ObjectNode responses = JsonNodeFactory.instance.objectNode();
        responses.set("answers", answers);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (instrument.manifest().timeLimitSeconds() != null && locked.startedAt != null) {
            responses.put("durationSeconds", Math.max(0, Duration.between(locked.startedAt, now).toSeconds()));
        }
        locked.setDraft(json.write(answers));
        locked.draftSavedAt = now;
        CaseViews.AdministrationView stored = administrations.administerInvited(locked.caseId, caller,
                new CaseViews.NewAdministration(locked.instrumentId, locked.version, responses, language));
        locked.submittedAt = now;
        locked.administration = stored.id();
        return answering(locked);
    }

    /** The administration a submitted invitation was stored as. */
    @Transactional
    public CaseViews.AdministrationView result(String invitationId, Caller caller) {
        CaseInvitation invitation = own(invitationId, caller);
        if (invitation.administration == null) {
            throw new CaseNotFoundException(invitation.caseId);
        }
        return administrations.administration(invitation.caseId, caller, invitation.administration);
    }

    /** The instrument of an invitation, for its title. */
    public Instrument instrument(String id, String version) {
        return scoring.instrument(id, version);
    }

    /** Ends the caller's browser session. */
    public void endSession(String sessionId) {
        sessions.end(sessionId);
    }

    /** An invitation of the caller's own case; to anyone else it does not exist. */
    private CaseInvitation own(String invitationId, Caller caller) {
        CaseInvitation invitation = invitationId == null || invitationId.length() > 36 ? null
                : CaseInvitation.findById(invitationId);
        if (invitation == null) {
            throw new CaseNotFoundException(invitationId);
        }
        access.open(invitation.caseId, caller, Access.BENEFICIARY);
        if (invitation.openedAt == null && invitation.revokedAt == null) {
            // Answered from the session of another link of the case: this link has done its work too.
            invitation.openedAt = OffsetDateTime.now(clock);
        }
        return invitation;
    }

    private Answering answering(CaseInvitation invitation) {
        Instrument instrument = scoring.instrument(invitation.instrumentId, invitation.version);
        Integer limit = instrument.manifest().timeLimitSeconds();
        Integer left = null;
        if (limit != null && invitation.startedAt != null) {
            long used = Duration.between(invitation.startedAt, OffsetDateTime.now(clock)).toSeconds();
            left = (int) Math.max(0, limit - used);
        }
        JsonNode draft = invitation.draft == null ? JsonNodeFactory.instance.objectNode()
                : json.read(invitation.getDraft(), JsonNode.class);
        return new Answering(invitation.id, invitation.caseId, instrument, draft, invitation.draftSavedAt,
                invitation.startedAt, left, invitation.submittedAt != null, invitation.administration,
                invitation.revokedAt != null);
    }

    InvitationView view(CaseInvitation invitation, String link) {
        return new InvitationView(invitation.id, invitation.instrumentId, invitation.version,
                invitation.status(OffsetDateTime.now(clock)), invitation.createdBy, invitation.createdAt,
                invitation.expiresAt, invitation.openedAt, invitation.submittedAt, invitation.administration, link);
    }
}
