package io.bilan.engine.cases;

import io.bilan.engine.centres.Centres;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Sha256;
import io.bilan.engine.security.StaffAccounts;
import io.bilan.synthesis.Synthesis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The synthesis document of a case, from draft to approval: generated in the conclusion phase, edited by the
 * counsellors, submitted to the beneficiary, who approves it or asks for changes. The approved version is frozen
 * and the SHA-256 of its content recorded. Every change holds the case's row locked, so that changes sent together
 * (an approval and a change request) run one after the other: the first wins, the second finds the synthesis
 * changed and is refused.
 */
@ApplicationScoped
public class Syntheses {

    /** Where a synthesis stands. */
    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String CHANGES_REQUESTED = "changes-requested";
    public static final String APPROVED = "approved";
    /** Every status a synthesis can have. */
    public static final List<String> STATUSES = List.of(DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED);

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseJson json;
    private final Administrations administrations;
    private final SynthesisDrafts drafts;
    private final SynthesisEdits edits;
    private final ApiKeys keys;
    private final StaffAccounts accounts;
    private final Centres centres;
    private final Situations situations;
    private final Clock clock;

    Syntheses(CaseAccess access, AuditTrail audit, CaseJson json, Administrations administrations,
            SynthesisDrafts drafts, SynthesisEdits edits, ApiKeys keys, StaffAccounts accounts, Centres centres,
            Situations situations, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.situations = situations;
        this.audit = audit;
        this.json = json;
        this.administrations = administrations;
        this.drafts = drafts;
        this.edits = edits;
        this.keys = keys;
        this.centres = centres;
        this.clock = clock;
    }

    /** A synthesis and where it stands. */
    public record Document(String status, int revision, String changeRequest, String digest, Synthesis synthesis) {
    }

    /**
     * Drafts the document from the case, in the conclusion phase; every section the counsellor has written is kept
     * as they wrote it. {@code target} is the occupation of the project, if there is one. The demand, free text that
     * may say more than the beneficiary wants in the document, becomes the circumstances only when the counsellor
     * asks for it ({@code includeDemand}): it then replaces them, and is kept as if written.
     */
    @Transactional
    public Document generate(String id, Caller caller, String language, String target, boolean includeDemand) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        CaseChecks.requirePhase(record, CasePhase.CONCLUSION, "rule.phase.synthesis");
        if (!Synthesis.LANGUAGES.contains(language)) {
            throw InvalidRequestException.at("lang", "unsupported-language", Texts.of("rule.synthesis-language"));
        }
        CaseSynthesis stored = CaseSynthesis.findById(id);
        requireEditable(stored);
        LocalDate firstSession = CaseSession.firstDay(id);
        LocalDate started = firstSession == null ? record.createdAt.toLocalDate() : firstSession;
        LocalDate concluded = record.concludedAt == null ? null : record.concludedAt.toLocalDate();
        if (concluded != null && concluded.isBefore(started)) {
            concluded = started;
        }
        boolean demand = includeDemand && record.demand != null && !record.demand.isBlank();
        Optional<Centres.Identity> centre = centres.find(record.centre);
        List<Synthesis.Signatory> signatories = CaseCounsellor.namesOf(id).stream()
                .map(counsellor -> signatory(counsellor, record.centre, centre)).toList();
        Synthesis.Handover handover = new Synthesis.Handover(centre.map(identity -> new Synthesis.Centre(
                        identity.name(), identity.address(), identity.declarationNumber(), identity.certification()))
                        .orElse(null),
                signatories, administrations.methods(id, language), sessions(id, language), List.of());
        Synthesis draft = drafts.draft(new SynthesisDrafts.Facts(language, record.beneficiary,
                        centre.map(Centres.Identity::name).orElse(record.centre),
                        signatories.stream().map(Synthesis.Signatory::name).toList(), started, concluded,
                        CaseSession.minutesUsed(id), demand ? record.demand : null, target, handover,
                        situations.of(record, null)),
                administrations.reports(id));
        Set<SynthesisEdits.Section> written = EnumSet.noneOf(SynthesisEdits.Section.class);
        if (stored == null) {
            stored = new CaseSynthesis();
            stored.caseId = id;
            stored.revision = 0;
        } else {
            written = SynthesisEdits.Section.parse(stored.edited);
            if (demand) {
                written.remove(SynthesisEdits.Section.CIRCUMSTANCES);
            }
            draft = SynthesisEdits.keep(draft, content(stored), written);
        }
        if (demand) {
            written.add(SynthesisEdits.Section.CIRCUMSTANCES);
        }
        stored.edited = SynthesisEdits.Section.format(written);
        stored.status = DRAFT;
        stored.language = language;
        stored.content = json.write(draft);
        stored.revision++;
        stored.persist();
        audit.record(id, caller, "synthesis-drafted", "revision " + stored.revision);
        return document(stored);
    }

    /**
     * The counsellor rewrites sections of a draft: each section sent replaces the draft's, and is kept when the
     * document is drafted again.
     */
    @Transactional
    public Document edit(String id, Caller caller, CaseViews.SynthesisEdit edit) {
        return edit(id, caller, edit, null);
    }

    /**
     * The same, made on {@code revision} of the draft: when the draft has changed since (another edit, a redraft),
     * the edit is refused rather than written over what the other change wrote. {@code null} checks nothing.
     */
    @Transactional
    public Document edit(String id, Caller caller, CaseViews.SynthesisEdit edit, Integer revision) {
        access.openLocked(id, caller, Access.COUNSELLOR);
        CaseSynthesis stored = existing(id);
        requireEditable(stored);
        requireRevision(stored, revision);
        if (edit == null) {
            throw InvalidRequestException.at("", "missing-body", Texts.of("rule.synthesis-missing-body"));
        }
        SynthesisEdits.Applied applied = edits.apply(content(stored), edit);
        Set<SynthesisEdits.Section> written = SynthesisEdits.Section.parse(stored.edited);
        written.addAll(applied.sections());
        stored.content = json.write(applied.synthesis());
        stored.edited = SynthesisEdits.Section.format(written);
        stored.status = DRAFT;
        stored.revision++;
        audit.record(id, caller, "synthesis-edited", "revision " + stored.revision + (applied.sections().isEmpty() ? ""
                : ": " + SynthesisEdits.Section.format(applied.sections()).replace(",", ", ")));
        return document(stored);
    }

    /**
     * The draft as it would read with {@code edit} applied, stored nowhere: what the counsellor's editor previews as
     * they type. It is not an entry of the audit trail: it shows its counsellor only the draft they read and what they
     * typed, and a preview follows every pause in their typing.
     */
    @Transactional
    public Synthesis preview(String id, Caller caller, CaseViews.SynthesisEdit edit) {
        access.open(id, caller, Access.COUNSELLOR);
        CaseSynthesis stored = existing(id);
        return edit == null ? content(stored) : edits.apply(content(stored), edit).synthesis();
    }

    @Transactional
    public Document submit(String id, Caller caller) {
        access.openLocked(id, caller, Access.COUNSELLOR);
        CaseSynthesis stored = existing(id);
        if (!stored.status.equals(DRAFT)) {
            throw CaseRuleException.of("not-a-draft", Texts.of(stored.status.equals(CHANGES_REQUESTED)
                    ? "rule.not-a-draft.changes-requested" : "rule.not-a-draft", stored.status));
        }
        stored.status = SUBMITTED;
        stored.submittedAt = now();
        stored.changeRequest = null;
        audit.record(id, caller, "synthesis-submitted", "revision " + stored.revision);
        return document(stored);
    }

    /** The beneficiary approves the submitted revision: it is frozen, and its digest recorded. */
    @Transactional
    public Document approve(String id, Caller caller) {
        CaseRecord record = access.openLocked(id, caller, Access.BENEFICIARY);
        CaseSynthesis stored = existing(id);
        requireSubmitted(stored);
        // The document is approved once it has been gone through together, not on receipt.
        if (CaseSession.countIn(id, CasePhase.CONCLUSION) == 0) {
            throw CaseRuleException.of("no-conclusion-session", Texts.of("rule.approval-needs-conclusion-session"));
        }
        Synthesis submitted = content(stored);
        String digest = "sha256:" + Sha256.hex(stored.content);
        Synthesis approved = submitted.withApproval(new Synthesis.Approval(
                now().atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), record.beneficiary, digest));
        stored.content = json.write(approved);
        stored.status = APPROVED;
        stored.digest = digest;
        stored.approvedBy = caller.name();
        stored.approvedAt = now();
        audit.record(id, caller, "synthesis-approved", digest);
        return named(record, document(stored));
    }

    @Transactional
    public Document requestChanges(String id, Caller caller, String comment) {
        CaseRecord record = access.openLocked(id, caller, Access.BENEFICIARY);
        CaseSynthesis stored = existing(id);
        requireSubmitted(stored);
        stored.status = CHANGES_REQUESTED;
        stored.changeRequest = comment == null || comment.isBlank() ? null : bounded("/comment", comment);
        audit.record(id, caller, "synthesis-changes-requested", null);
        return named(record, document(stored));
    }

    /** The approved synthesis, for a transmission; refused while it is not approved. */
    Synthesis approved(String id) {
        CaseSynthesis stored = CaseSynthesis.findById(id);
        if (stored == null || !stored.status.equals(APPROVED)) {
            throw CaseRuleException.of("synthesis-not-approved", Texts.of("rule.transmit-approved-only"));
        }
        return content(stored);
    }

    /**
     * The synthesis as the caller may read it: the beneficiary reads their own copy, with their name where the
     * centre gave it; counsellors read it with the pseudonymous id.
     */
    @Transactional
    public Document read(String id, Caller caller) {
        CaseRecord record = access.open(id, caller, Access.MEMBER);
        CaseSynthesis stored = existing(id);
        audit.record(id, caller, "synthesis-read", "revision " + stored.revision);
        Document document = document(stored);
        return CaseAccess.isBeneficiary(record, caller) ? named(record, document) : document;
    }

    /** The document with the beneficiary's name instead of their pseudonymous id, when the case has it. */
    static Document named(CaseRecord record, Document document) {
        String name = record.beneficiaryName;
        if (name == null) {
            return document;
        }
        return new Document(document.status(), document.revision(), document.changeRequest(), document.digest(),
                named(name, document.synthesis()));
    }

    static Synthesis named(String name, Synthesis synthesis) {
        Synthesis.Approval approval = synthesis.approval();
        Synthesis named = synthesis.withBeneficiary(new Synthesis.Beneficiary(name, synthesis.beneficiary().centre()));
        return approval == null ? named : named.withApproval(new Synthesis.Approval(approval.on(), name,
                approval.digest()));
    }

    /** The sessions of the case as the document lists them: day, length and phase, never what was said. */
    private static List<Synthesis.Session> sessions(String id, String language) {
        return CaseSession.ofCase(id).stream().map(session -> new Synthesis.Session(session.heldOn, session.minutes,
                phaseLabel(session.phase, language))).toList();
    }

    private static String phaseLabel(String phase, String language) {
        boolean fr = language.equals("fr");
        return switch (CasePhase.of(phase)) {
            case PRELIMINARY -> fr ? "phase préliminaire" : "preliminary phase";
            case INVESTIGATION -> fr ? "phase d'investigation" : "investigation phase";
            case CONCLUSION -> fr ? "phase de conclusion" : "conclusion phase";
            case FOLLOW_UP, CLOSED -> fr ? "suivi" : "follow-up";
        };
    }

    /**
     * A counsellor as the document names them and they sign: the centre's settings, else their account's or their
     * key's name.
     */
    private Synthesis.Signatory signatory(String counsellor, String centreId, Optional<Centres.Identity> centre) {
        return centre.flatMap(identity -> identity.counsellors().stream()
                        .filter(known -> known.counsellor().equals(counsellor)).findFirst())
                .map(known -> new Synthesis.Signatory(known.name(), known.function()))
                .orElseGet(() -> new Synthesis.Signatory(displayName(counsellor, centreId), null));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Document document(CaseSynthesis stored) {
        return new Document(stored.status, stored.revision, stored.changeRequest, stored.digest, content(stored));
    }

    private Synthesis content(CaseSynthesis stored) {
        return json.read(stored.content, Synthesis.class);
    }

    private static CaseSynthesis existing(String id) {
        CaseSynthesis stored = CaseSynthesis.findById(id);
        if (stored == null) {
            throw CaseRuleException.of("no-synthesis", Texts.of("rule.no-synthesis"));
        }
        return stored;
    }

    private static void requireEditable(CaseSynthesis stored) {
        if (stored != null && stored.status.equals(APPROVED)) {
            throw CaseRuleException.of("synthesis-approved", Texts.of("rule.synthesis-approved"));
        }
        if (stored != null && stored.status.equals(SUBMITTED)) {
            throw CaseRuleException.of("synthesis-submitted", Texts.of("rule.synthesis-submitted"));
        }
    }

    private static void requireRevision(CaseSynthesis stored, Integer revision) {
        if (revision != null && revision != stored.revision) {
            String message = Texts.of("rule.synthesis-stale", revision, stored.revision);
            throw new ProblemException(ProblemType.CONCURRENT_CHANGE, message,
                    List.of(ProblemException.error("/revision", "stale-revision", message)));
        }
    }

    private static void requireSubmitted(CaseSynthesis stored) {
        if (!stored.status.equals(SUBMITTED)) {
            throw CaseRuleException.of("not-submitted", Texts.of("rule.not-submitted", stored.status));
        }
    }

    private static String bounded(String pointer, String text) {
        if (text.length() > 20_000) {
            throw InvalidRequestException.at(pointer, "text-too-long", Texts.of("rule.text-too-long", "20000"));
        }
        return text.strip();
    }

    /** A counsellor as the document names them: their key's name, or their token's subject. */
    /** A subject in words: a staff account by its name, an API key by the name it was given; else as it is. */
    private String displayName(String caller, String centreId) {
        if (caller.startsWith(StaffAccounts.SUBJECT_PREFIX)) {
            return accounts.find(centreId, caller.substring(StaffAccounts.SUBJECT_PREFIX.length()))
                    .map(StaffAccounts.Account::name).orElse(caller);
        }
        return caller.startsWith("key:") ? keys.find(caller.substring(4)).map(ApiKeys.ApiKey::name).orElse(caller) : caller;
    }
}
