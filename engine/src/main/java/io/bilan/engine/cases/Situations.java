package io.bilan.engine.cases;

import io.bilan.career.Situation;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.profile.ProfileAssembler;
import io.bilan.engine.profile.SituationRequest;
import io.bilan.engine.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The person's situation as the counsellor records it with them: the case's career options and the project
 * validation of its synthesis draft respect it (docs/cases.md). Stored sealed, like the demand.
 */
@ApplicationScoped
public class Situations {

    private final CaseAccess access;
    private final AuditTrail audit;
    private final ProfileAssembler assembler;
    private final CaseJson json;

    Situations(CaseAccess access, AuditTrail audit, ProfileAssembler assembler, CaseJson json) {
        this.access = access;
        this.audit = audit;
        this.assembler = assembler;
        this.json = json;
    }

    /** Replaces the recorded situation, each occupation id checked against the catalogue (a 400 with its pointer). */
    @Transactional
    public SituationRequest record(String id, Caller caller, SituationRequest request) {
        CaseRecord record = access.openLocked(id, caller, Access.COUNSELLOR);
        CaseChecks.requireOpen(record);
        if (request == null) {
            throw InvalidRequestException.at("", "missing-body", Texts.of("rule.situation-missing-body"));
        }
        assembler.situation(request, "/");
        record.situation = json.write(request);
        audit.record(id, caller, "situation-recorded", null);
        return request;
    }

    /** The recorded situation; an empty one when none was recorded. */
    @Transactional
    public SituationRequest read(String id, Caller caller) {
        SituationRequest recorded = recorded(access.open(id, caller, Access.MEMBER));
        return recorded == null ? new SituationRequest(null, null, null, null, null, null, null, null) : recorded;
    }

    /** The situation recorded on a case already opened, or null. */
    SituationRequest recorded(CaseRecord record) {
        String stored = record.situation;
        return stored == null ? null : json.read(stored, SituationRequest.class);
    }

    /**
     * The situation a member's request for the case's options runs with: the recorded one, the parts the request
     * gives in their place, checked against the catalogue.
     */
    @Transactional
    public Situation of(String id, Caller caller, SituationRequest given) {
        return of(access.open(id, caller, Access.MEMBER), given);
    }

    /** The recorded situation with the parts a request gives in its place (null for none). */
    Situation of(CaseRecord record, SituationRequest given) {
        SituationRequest recorded = recorded(record);
        return assembler.situation(given == null ? recorded : given.over(recorded), "");
    }
}
