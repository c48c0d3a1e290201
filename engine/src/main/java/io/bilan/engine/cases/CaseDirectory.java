package io.bilan.engine.cases;

import static io.bilan.engine.cases.CaseChecks.error;

import io.bilan.engine.http.Page;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The cases of a centre: opening one, finding one's own, its counsellors and the beneficiary's key. */
@ApplicationScoped
public class CaseDirectory {

    /** How a key caller is named: {@code key:<id>}. */
    private static final String KEY_SUBJECT = "key:";
    private static final Pattern BENEFICIARY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");

    private final CaseAccess access;
    private final AuditTrail audit;
    private final CaseViewAssembler views;
    private final CaseJson json;
    private final ApiKeys keys;
    private final Clock clock;

    CaseDirectory(CaseAccess access, AuditTrail audit, CaseViewAssembler views, CaseJson json, ApiKeys keys,
            Clock clock) {
        this.access = access;
        this.audit = audit;
        this.views = views;
        this.json = json;
        this.keys = keys;
        this.clock = clock;
    }

    /** Opens a case in the caller's centre, in the preliminary phase, with the caller as its first counsellor. */
    @Transactional
    public CaseViews.CaseView create(Caller caller, CaseViews.NewCase request) {
        String centre = caller.centre().orElseThrow(() -> CaseRuleException.of("no-centre",
                Texts.of("rule.no-centre")));
        List<ProblemDetails.Error> errors = new ArrayList<>();
        if (request == null || request.beneficiary() == null || !BENEFICIARY.matcher(request.beneficiary()).matches()) {
            errors.add(error("/beneficiary", "invalid-beneficiary", Texts.of("rule.invalid-beneficiary")));
        }
        if (request != null && request.contact() != null && (request.contact().size() > 20
                || request.contact().entrySet().stream().anyMatch(e -> e.getKey().length() > 50
                        || e.getValue() == null || e.getValue().length() > 500))) {
            errors.add(error("/contact", "invalid-contact", Texts.of("rule.invalid-contact")));
        }
        String subject = request == null ? null : request.beneficiarySubject();
        if (subject != null && (subject.isBlank() || subject.startsWith(KEY_SUBJECT) || subject.equals(caller.name()))) {
            errors.add(error("/beneficiarySubject", "invalid-beneficiary-subject",
                    Texts.of("rule.invalid-beneficiary-subject")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (subject != null && CaseRecord.openCaseOf(centre, subject)) {
            throw CaseRuleException.of("beneficiary-has-open-case", Texts.of("rule.beneficiary-has-open-case"));
        }
        CaseRecord record = new CaseRecord();
        record.id = UUID.randomUUID().toString();
        record.centre = centre;
        record.beneficiary = request.beneficiary();
        record.beneficiarySubject = request.beneficiarySubject();
        record.beneficiaryName = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        record.contact = request.contact() == null ? null : json.write(request.contact());
        record.phase = CasePhase.PRELIMINARY.code();
        record.createdBy = caller.name();
        record.createdAt = OffsetDateTime.now(clock);
        record.persist();
        CaseCounsellor.add(record.id, caller.name());
        audit.record(record.id, caller, "case-opened", null);
        return views.view(record);
    }

    /** The cases the caller works on, or their own as a beneficiary; newest first. */
    @Transactional
    public List<CaseViews.CaseView> list(Caller caller) {
        String centre = caller.centre().orElse("");
        return views.views(caller.is(Roles.COUNSELLOR) ? CaseRecord.ofCounsellor(centre, caller.name())
                : CaseRecord.ofBeneficiary(centre, caller.name()));
    }

    /** A page of the cases the caller works on, or of their own as a beneficiary; newest first. */
    @Transactional
    public Page<CaseViews.CaseView> list(Caller caller, PageRequest page) {
        String centre = caller.centre().orElse("");
        boolean counsellor = caller.is(Roles.COUNSELLOR);
        List<CaseRecord> rows = CaseRecord.page(centre, counsellor ? caller.name() : null,
                counsellor ? null : caller.name(), page);
        Page<CaseRecord> records = page.page(rows, CaseRecord::cursor, record -> record);
        // The views of a page's cases are assembled together: a few statements whatever the page's size.
        return new Page<>(views.views(records.items()), records.next());
    }

    /** The case, if the caller may see it; the read is audited. */
    @Transactional
    public CaseViews.CaseView read(String id, Caller caller) {
        CaseRecord record = access.open(id, caller, Access.MEMBER);
        audit.record(id, caller, "case-read", null);
        return views.view(record);
    }

    @Transactional
    public CaseViews.CaseView addCounsellor(String id, Caller caller, String counsellor) {
        CaseRecord record = access.open(id, caller, Access.COUNSELLOR);
        if (counsellor == null || counsellor.isBlank() || counsellor.length() > 200) {
            throw InvalidRequestException.at("/counsellor", "invalid-counsellor", Texts.of("rule.invalid-counsellor"));
        }
        CaseCounsellor.add(id, counsellor);
        audit.record(id, caller, "counsellor-added", counsellor);
        return views.view(record);
    }

    /**
     * Creates the beneficiary's key and gives it access to the case, in one transaction. The key this case issued
     * before, if any, is revoked (kept for the record, with who and why); no other key is ever touched.
     */
    @Transactional
    public ApiKeys.CreatedKey issueBeneficiaryKey(String id, Caller caller) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        // Named without the beneficiary's id: the key list is read by admins, who do not see cases.
        ApiKeys.CreatedKey created = keys.create("beneficiary of a case", List.of(Roles.BENEFICIARY), record.centre,
                caller.name());
        if (record.beneficiaryKey != null) {
            keys.revoke(record.beneficiaryKey, caller.name(), "replaced by a new key for its case");
        }
        record.beneficiaryKey = created.key().id();
        record.beneficiarySubject = KEY_SUBJECT + created.key().id();
        audit.record(id, caller, "beneficiary-key-issued", created.key().id());
        return created;
    }
}
