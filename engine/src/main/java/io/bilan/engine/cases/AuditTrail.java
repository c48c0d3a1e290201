package io.bilan.engine.cases;

import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.Page;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Who read or changed what in a case: every step records itself here, in its own transaction. */
@ApplicationScoped
public class AuditTrail {

    private static final int MAX_DETAIL = 2000;

    private final CaseAccess access;
    private final Clock clock;

    AuditTrail(CaseAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /**
     * A page of the trail of a case, oldest first; reading it is recorded too. The first page fixes where the
     * trail ends for every page that follows it (the cursor carries the last entry then), so that paging through
     * the trail ends even though each page read adds an entry: those appear in the next reading.
     */
    @Transactional
    public Page<CaseViews.AuditView> trail(String id, Caller caller, PageRequest page) {
        access.open(id, caller, Access.COUNSELLOR);
        record(id, caller, "audit-read", null);
        long after = page.after() == null ? 0 : page.after().number(0);
        long upTo = page.after() == null ? CaseAudit.lastOf(id) : page.after().number(1);
        return page.page(CaseAudit.pageOf(id, after, upTo, page.fetch()), entry -> Cursor.of(entry.id, upTo),
                entry -> new CaseViews.AuditView(entry.at, entry.actor, entry.action, entry.detail));
    }

    /**
     * A page of the trail, newest first, as the case page shows it: the entries {@code before} the one its cursor
     * names (the latest without one), a page of the API's kind ({@link PageRequest}, {@link Cursor}) read the other
     * way. {@code older} is the cursor of the page that follows, {@code newer} that of the page before it ("" for the
     * latest entries); each null when there is none.
     */
    public record Latest(List<CaseViews.AuditView> entries, String older, String newer) {
    }

    /** The page of the trail of a case already opened, newest first; a 400 for a cursor it did not give. */
    static Latest latest(String id, String before, int limit) {
        PageRequest request = PageRequest.of(String.valueOf(limit), before, 1);
        long upTo = request.after() == null ? Long.MAX_VALUE : request.after().number(0);
        List<CaseAudit> rows = CaseAudit.olderThan(id, upTo, request.fetch());
        Page<CaseViews.AuditView> page = request.page(rows, entry -> Cursor.of(entry.id), AuditTrail::view);
        String newer = null;
        if (request.after() != null) {
            List<CaseAudit> above = CaseAudit.newerThan(id, upTo - 1, limit + 1);
            newer = above.size() > limit ? Cursor.of(above.get(limit).id).encode() : "";
        }
        return new Latest(page.items(), page.next() == null ? null : page.next().encode(), newer);
    }

    private static CaseViews.AuditView view(CaseAudit entry) {
        return new CaseViews.AuditView(entry.at, entry.actor, entry.action, entry.detail);
    }

    /** The trail of a case already opened, oldest first. */
    static List<CaseViews.AuditView> entries(String id) {
        return CaseAudit.ofCase(id).stream()
                .map(entry -> new CaseViews.AuditView(entry.at, entry.actor, entry.action, entry.detail)).toList();
    }

    /** Records that the caller did {@code action} to the case; the detail is cut to what the column holds. */
    void record(String caseId, Caller caller, String action, String detail) {
        record(caseId, caller.name(), action, detail);
    }

    /** Records an action of someone who is not yet a caller (a person opening their invitation link). */
    void record(String caseId, String actor, String action, String detail) {
        CaseAudit entry = new CaseAudit();
        entry.caseId = caseId;
        entry.at = OffsetDateTime.now(clock);
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        entry.persist();
    }
}
