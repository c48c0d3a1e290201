package io.bilan.engine.cases;

import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may open which case. A case exists only for its counsellors and its beneficiary: to anyone else, in the
 * centre or not, it is not found, so that a refusal tells nothing. A member asking for what another member does
 * is forbidden.
 */
@ApplicationScoped
public class CaseAccess {

    /** Opens a case for the caller, or says it does not exist (also when it is someone else's). */
    CaseRecord open(String id, Caller caller, Access access) {
        return open(id, caller, access, false);
    }

    /**
     * Opens a case to change it with its row locked until the transaction ends: a step that checks the case and then
     * writes (the synthesis approved, a session within the legal hours) runs alone, and a step arriving meanwhile
     * waits and then sees the case as that step left it.
     */
    CaseRecord openLocked(String id, Caller caller, Access access) {
        return open(id, caller, access, true);
    }

    private CaseRecord open(String id, Caller caller, Access access, boolean lock) {
        boolean plausible = id != null && id.length() <= 36;
        if (plausible && lock) {
            CaseRecord.lockRow(id);
        }
        CaseRecord record = plausible ? CaseRecord.findById(id) : null;
        if (record == null || caller.centre().filter(record.centre::equals).isEmpty()) {
            throw new CaseNotFoundException(id);
        }
        boolean counsellor = caller.is(Roles.COUNSELLOR) && CaseCounsellor.isCounsellor(id, caller.name());
        boolean beneficiary = isBeneficiary(record, caller);
        boolean allowed = switch (access) {
            case COUNSELLOR -> counsellor;
            case MEMBER -> counsellor || beneficiary;
            case BENEFICIARY -> beneficiary;
        };
        if (!allowed) {
            if (counsellor || beneficiary) {
                throw new ForbiddenException();
            }
            throw new CaseNotFoundException(id);
        }
        return record;
    }

    /** Whether the caller is the case's beneficiary. */
    static boolean isBeneficiary(CaseRecord record, Caller caller) {
        return caller.is(Roles.BENEFICIARY) && caller.name().equals(record.beneficiarySubject);
    }
}
