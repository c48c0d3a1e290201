package io.bilan.engine.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns cases into what their members see, inside the caller's transaction. Whatever the number of cases, it reads
 * what the views need in four queries: the counsellors, the sessions, the phases of the administrations and the
 * approved syntheses, each for all the cases at once.
 */
@ApplicationScoped
public class CaseViewAssembler {

    private final CaseJson json;

    CaseViewAssembler(CaseJson json) {
        this.json = json;
    }

    /** What the views of some cases are made of, besides the cases themselves. */
    private record Facts(Map<String, List<String>> counsellors, Map<String, Integer> minutes,
            Map<String, Set<CasePhase>> sessionPhases, Map<String, Set<CasePhase>> administrationPhases,
            Set<String> approvedSyntheses, Map<String, LocalDate> followUpHeldOn) {

        static Facts of(List<CaseRecord> records) {
            List<String> ids = records.stream().map(record -> record.id).toList();
            if (ids.isEmpty()) {
                return new Facts(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), Map.of());
            }
            Map<String, Integer> minutes = new HashMap<>();
            Map<String, Set<CasePhase>> sessionPhases = new HashMap<>();
            Map<String, LocalDate> followUpHeldOn = new HashMap<>();
            for (CaseSession.Tally tally : CaseSession.tallies(ids)) {
                minutes.merge(tally.caseId(), tally.minutes(), Integer::sum);
                if (tally.sessions() > 0) {
                    phases(sessionPhases, tally.caseId()).add(CasePhase.of(tally.phase()));
                    if (tally.phase().equals(CasePhase.FOLLOW_UP.code())) {
                        followUpHeldOn.merge(tally.caseId(), tally.lastDay(), Facts::later);
                    }
                }
            }
            Map<String, Set<CasePhase>> administrationPhases = new HashMap<>();
            for (CaseAdministration.InPhase in : CaseAdministration.phasesOf(ids)) {
                phases(administrationPhases, in.caseId()).add(CasePhase.of(in.phase()));
                if (in.phase().equals(CasePhase.FOLLOW_UP.code()) && in.last() != null) {
                    followUpHeldOn.merge(in.caseId(), in.last().atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                            Facts::later);
                }
            }
            return new Facts(CaseCounsellor.namesOf(ids), minutes, sessionPhases, administrationPhases,
                    CaseSynthesis.approvedAmong(ids), followUpHeldOn);
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private static Set<CasePhase> phases(Map<String, Set<CasePhase>> phases, String caseId) {
            return phases.computeIfAbsent(caseId, id -> EnumSet.noneOf(CasePhase.class));
        }

        CaseSnapshot snapshot(CaseRecord record) {
            return new CaseSnapshot(CasePhase.of(record.phase), record.demand != null, record.fitDecision,
                    record.beneficiarySignedAt != null, record.counsellorSignedAt != null,
                    administrationPhases.getOrDefault(record.id, Set.of()), sessionPhases.getOrDefault(record.id, Set.of()),
                    approvedSyntheses.contains(record.id), record.followUpOn, followUpHeldOn.get(record.id),
                    record.earlyFollowUpReason != null);
        }
    }

    /** What the rules of the phases judge the case on. */
    CaseSnapshot snapshot(CaseRecord record) {
        return Facts.of(List.of(record)).snapshot(record);
    }

    CaseViews.CaseView view(CaseRecord record) {
        return views(List.of(record)).getFirst();
    }

    /** The views of the cases, in their order. */
    List<CaseViews.CaseView> views(List<CaseRecord> records) {
        Facts facts = Facts.of(records);
        return records.stream().map(record -> view(record, facts)).toList();
    }

    private CaseViews.CaseView view(CaseRecord record, Facts facts) {
        int used = facts.minutes().getOrDefault(record.id, 0);
        CasePhase phase = CasePhase.of(record.phase);
        CaseViews.Next next = phase == CasePhase.CLOSED ? null
                : new CaseViews.Next(phase.next().code(), PhaseRules.missingFor(facts.snapshot(record), phase.next()));
        return new CaseViews.CaseView(record.id, record.centre, record.beneficiary, record.beneficiaryName,
                json.contact(record), record.phase,
                record.demand,
                record.fitDecision == null ? null : new CaseViews.Fit(record.fitDecision, record.fitRoute,
                        record.fitSource, record.fitDecidedBy, record.fitDecidedAt),
                new CaseViews.Contract(record.beneficiarySignedBy, record.beneficiarySignedAt, record.counsellorSignedBy,
                        record.counsellorSignedAt),
                facts.counsellors().getOrDefault(record.id, List.of()),
                new CaseViews.Hours(used, SessionLog.MAXIMUM_MINUTES - used, SessionLog.MAXIMUM_MINUTES),
                record.followUpOn, record.closingRoute, record.createdAt, record.concludedAt, record.closedAt, next,
                record.earlyFollowUpReason == null ? null : new CaseViews.EarlyFollowUp(record.earlyFollowUpReason,
                        record.earlyFollowUpBy, record.earlyFollowUpAt));
    }
}
