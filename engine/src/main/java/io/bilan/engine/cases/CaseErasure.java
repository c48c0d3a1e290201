package io.bilan.engine.cases;

import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.idempotency.IdempotentRequest;
import io.bilan.engine.persistence.Keyring;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Erasure of a case and everything of it: results, sessions, synthesis, consents, the audit trail, the beneficiary's
 * key and the responses kept for retried requests. On request, or when a closed case's retention period is over.
 *
 * <p>The rows are deleted, and once the deletion commits the case's key is destroyed in the {@link Keyring}: the
 * copies of the rows the database keeps (free pages, dead tuples, WAL, backups) are sealed with that key and can no
 * longer be read. An erasure interrupted between the commit and the key's destruction is completed at the next start.
 */
@ApplicationScoped
public class CaseErasure {

    private final CaseAccess access;
    private final ApiKeys keys;
    private final EngineConfig config;
    private final Clock clock;
    private final Keyring keyring;
    private final TransactionSynchronizationRegistry transactions;

    CaseErasure(CaseAccess access, ApiKeys keys, EngineConfig config, Clock clock, Keyring keyring,
            TransactionSynchronizationRegistry transactions) {
        this.access = access;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.keyring = keyring;
        this.transactions = transactions;
    }

    @Transactional
    public void erase(String id, Caller caller) {
        access.open(id, caller, Access.COUNSELLOR);
        delete(id, caller.name());
    }

    /** Erases the closed cases whose retention period is over at the clock's time; returns how many. */
    @Transactional
    public int purgeExpired() {
        OffsetDateTime closedBefore = OffsetDateTime.now(clock).minus(config.cases().retention());
        List<String> expired = CaseRecord.closedBefore(closedBefore);
        expired.forEach(id -> delete(id, "retention"));
        return expired.size();
    }

    private void delete(String id, String erasedBy) {
        CaseRecord record = CaseRecord.findById(id);
        // Only the key the case issued, revoked and kept: its row says nothing of the case or of the person.
        if (record.beneficiaryKey != null) {
            keys.revoke(record.beneficiaryKey, erasedBy, "its case was erased");
        }
        // A retried request's response may hold the case's data (its creation, an administration).
        IdempotentRequest.deleteScope(id);
        // Children first: the database cascades too, but this does not rely on it.
        CaseAudit.deleteOfCase(id);
        CaseConsent.deleteOfCase(id);
        CaseSynthesis.deleteOfCase(id);
        CaseAdministration.deleteOfCase(id);
        CaseSession.deleteOfCase(id);
        CaseCounsellor.deleteOfCase(id);
        CaseRecord.deleteById(id);
        destroyKeyOnCommit(id);
    }

    /** The key goes once the rows are gone for good: destroyed before a rollback, it would leave the case unreadable. */
    private void destroyKeyOnCommit(String id) {
        keyring.markErasing(id);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    keyring.destroy(id);
                } else {
                    keyring.unmarkErasing(id);
                }
            }
        });
    }
}
