package io.bilan.engine.cases;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Sha256;
import io.bilan.synthesis.Synthesis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseJson json;
    private final Administrations administrations;
    private final SynthesisDrafts drafts;
    private final ApiKeys keys;
    private final Clock clock;

    Syntheses(CaseAccess access, AuditTrail audit, CaseJson json, Administrations administrations,
            SynthesisDrafts drafts, ApiKeys keys, Clock clock) {
        this.access = access;
        this.audit = audit;
        this.json = json;
        this.administrations = administrations;
        this.drafts = drafts;
        this.keys = keys;
        this.clock = clock;
    }

    /** A synthesis and where it stands. */
    public record Document(String status, int revision, String changeRequest, String digest, Synthesis synthesis) {
    }

    /**
     * Drafts the document from the case, in the conclusion phase; a draft already edited keeps the counsellor's
     * circumstances and conclusion. {@code target} is the occupation of the project, if there is one.
     */
    @Transactional
    public Document generate(String id, Caller caller, String language, String target) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        CaseChecks.requirePhase(record, CasePhase.CONCLUSION, "the synthesis is drafted in the conclusion phase");
        if (!Synthesis.LANGUAGES.contains(language)) {
            throw InvalidRequestException.at("lang", "unsupported-language", "a synthesis is written in fr or en");
        }
        CaseSynthesis stored = CaseSynthesis.findById(id);
        requireEditable(stored);
        LocalDate firstSession = CaseSession.firstDay(id);
        LocalDate started = firstSession == null ? record.createdAt.toLocalDate() : firstSession;
        LocalDate concluded = record.concludedAt == null ? null : record.concludedAt.toLocalDate();
        if (concluded != null && concluded.isBefore(started)) {
            concluded = started;
        }
        Synthesis draft = drafts.draft(new SynthesisDrafts.Facts(language, record.beneficiary, record.centre,
                        CaseCounsellor.namesOf(id).stream().map(this::displayName).toList(), started, concluded,
                        CaseSession.minutesUsed(id), record.demand, target),
                administrations.reports(id));
        if (stored == null) {
            stored = new CaseSynthesis();
            stored.caseId = id;
            stored.revision = 0;
        } else {
            Synthesis previous = content(stored);
            draft = withTexts(draft, previous.circumstances() == null ? draft.circumstances() : previous.circumstances(),
                    previous.conclusion(), draft.roadmap());
        }
        stored.status = DRAFT;
        stored.language = language;
        stored.content = json.write(draft);
        stored.revision++;
        stored.persist();
        audit.record(id, caller, "synthesis-drafted", "revision " + stored.revision);
        return document(stored);
    }

    /** The counsellor rewrites the free-text parts and the roadmap of a draft. */
    @Transactional
    public Document edit(String id, Caller caller, CaseViews.SynthesisEdit edit) {
        access.openLocked(id, caller, Access.COUNSELLOR);
        CaseSynthesis stored = existing(id);
        requireEditable(stored);
        if (edit == null) {
            throw InvalidRequestException.at("", "missing-body", "send the circumstances, conclusion or roadmap to change");
        }
        Synthesis current = content(stored);
        List<Synthesis.Step> roadmap = edit.roadmap() == null ? current.roadmap()
                : edit.roadmap().stream().map(step -> new Synthesis.Step(step.title(), step.detail())).toList();
        try {
            stored.content = json.write(withTexts(current,
                    edit.circumstances() == null ? current.circumstances() : bounded("/circumstances", edit.circumstances()),
                    edit.conclusion() == null ? current.conclusion() : bounded("/conclusion", edit.conclusion()),
                    roadmap));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidRequestException.at("/roadmap", "invalid-roadmap", "each step of the roadmap has a title");
        }
        stored.status = DRAFT;
        stored.revision++;
        audit.record(id, caller, "synthesis-edited", "revision " + stored.revision);
        return document(stored);
    }

    @Transactional
    public Document submit(String id, Caller caller) {
        access.openLocked(id, caller, Access.COUNSELLOR);
        CaseSynthesis stored = existing(id);
        if (!stored.status.equals(DRAFT)) {
            throw CaseRuleException.of("not-a-draft", "only a draft is submitted; this synthesis is " + stored.status
                    + (stored.status.equals(CHANGES_REQUESTED) ? ": edit it first" : ""));
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
        Synthesis submitted = content(stored);
        String digest = "sha256:" + Sha256.hex(stored.content);
        Synthesis approved = new Synthesis(submitted.language(), submitted.beneficiary(), submitted.counsellors(),
                submitted.startedOn(), submitted.concludedOn(), submitted.hours(), submitted.circumstances(),
                submitted.project(), submitted.competences(), submitted.aptitudes(), submitted.interests(),
                submitted.hollandCode(), submitted.values(), submitted.favourable(), submitted.unfavourable(),
                submitted.roadmap(), submitted.options(), submitted.conclusion(),
                new Synthesis.Approval(now().atZoneSameInstant(ZoneOffset.UTC).toLocalDate(), record.beneficiary,
                        digest));
        stored.content = json.write(approved);
        stored.status = APPROVED;
        stored.digest = digest;
        stored.approvedBy = caller.name();
        stored.approvedAt = now();
        audit.record(id, caller, "synthesis-approved", digest);
        return document(stored);
    }

    @Transactional
    public Document requestChanges(String id, Caller caller, String comment) {
        access.openLocked(id, caller, Access.BENEFICIARY);
        CaseSynthesis stored = existing(id);
        requireSubmitted(stored);
        stored.status = CHANGES_REQUESTED;
        stored.changeRequest = comment == null || comment.isBlank() ? null : bounded("/comment", comment);
        audit.record(id, caller, "synthesis-changes-requested", null);
        return document(stored);
    }

    /** The approved synthesis, for a transmission; refused while it is not approved. */
    Synthesis approved(String id) {
        CaseSynthesis stored = CaseSynthesis.findById(id);
        if (stored == null || !stored.status.equals(APPROVED)) {
            throw CaseRuleException.of("synthesis-not-approved", "only the synthesis the beneficiary approved is transmitted");
        }
        return content(stored);
    }

    @Transactional
    public Document read(String id, Caller caller) {
        access.open(id, caller, Access.MEMBER);
        CaseSynthesis stored = existing(id);
        audit.record(id, caller, "synthesis-read", "revision " + stored.revision);
        return document(stored);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private Document document(CaseSynthesis stored) {
        return new Document(stored.status, stored.revision, stored.changeRequest, stored.digest, content(stored));
    }

    private Synthesis content(CaseSynthesis stored) {
        return json.read(stored.content, Synthesis.class);
    }

    private static CaseSynthesis existing(String id) {
        CaseSynthesis stored = CaseSynthesis.findById(id);
        if (stored == null) {
            throw CaseRuleException.of("no-synthesis", "no synthesis yet: a counsellor drafts it in the conclusion phase");
        }
        return stored;
    }

    private static void requireEditable(CaseSynthesis stored) {
        if (stored != null && stored.status.equals(APPROVED)) {
            throw CaseRuleException.of("synthesis-approved", "the approved synthesis never changes");
        }
        if (stored != null && stored.status.equals(SUBMITTED)) {
            throw CaseRuleException.of("synthesis-submitted",
                    "the synthesis is with the beneficiary: they approve it or ask for changes first");
        }
    }

    private static void requireSubmitted(CaseSynthesis stored) {
        if (!stored.status.equals(SUBMITTED)) {
            throw CaseRuleException.of("not-submitted", "there is no submitted synthesis to answer; it is " + stored.status);
        }
    }

    private static Synthesis withTexts(Synthesis s, String circumstances, String conclusion, List<Synthesis.Step> roadmap) {
        return new Synthesis(s.language(), s.beneficiary(), s.counsellors(), s.startedOn(), s.concludedOn(), s.hours(),
                circumstances, s.project(), s.competences(), s.aptitudes(), s.interests(), s.hollandCode(), s.values(),
                s.favourable(), s.unfavourable(), roadmap, s.options(), conclusion, s.approval());
    }

    private static String bounded(String pointer, String text) {
        if (text.length() > 20_000) {
            throw InvalidRequestException.at(pointer, "text-too-long", "at most 20,000 characters");
        }
        return text.strip();
    }

    /** A counsellor as the document names them: their key's name, or their token's subject. */
    private String displayName(String caller) {
        return caller.startsWith("key:") ? keys.find(caller.substring(4)).map(ApiKeys.ApiKey::name).orElse(caller) : caller;
    }
}
