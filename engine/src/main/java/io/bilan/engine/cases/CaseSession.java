package io.bilan.engine.cases;

import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** A session held with the beneficiary: when, how long, what was done. */
@Entity
@Table(name = "case_session")
public class CaseSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String phase;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public int minutes;

    @Column(nullable = false)
    public String activities;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** Sealed with the case's key: see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public String getActivities() {
        return personal.open(caseId, "activities", activities);
    }

    public void setActivities(String value) {
        activities = personal.seal(caseId, "activities", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        activities = personal.sealPending(caseId, "activities", activities);
    }

    /** The sessions of a case, in the order they were held. */
    static List<CaseSession> ofCase(String caseId) {
        return find("caseId = ?1 order by heldOn, id", caseId).list();
    }

    /** The minutes the sessions of a case add up to. */
    static int minutesUsed(String caseId) {
        return tallies(List.of(caseId)).stream().mapToInt(Tally::minutes).sum();
    }

    /** The day of the first session of a case, or null before any. */
    static java.time.LocalDate firstDay(String caseId) {
        return getEntityManager().createQuery("select min(s.heldOn) from CaseSession s where s.caseId = ?1",
                java.time.LocalDate.class).setParameter(1, caseId).getSingleResult();
    }

    /** How many sessions, and how many minutes, each of the cases had in each phase, in one query. */
    static List<Tally> tallies(Collection<String> caseIds) {
        return getEntityManager().createQuery("select new " + Tally.class.getName()
                + "(s.caseId, s.phase, count(s), sum(s.minutes), max(s.heldOn)) from CaseSession s where s.caseId in ?1 "
                + "group by s.caseId, s.phase", Tally.class).setParameter(1, caseIds).getResultList();
    }

    /** The sessions of one case in one phase, and the day of the last. */
    record Tally(String caseId, String phase, long sessions, int minutes, LocalDate lastDay) {

        Tally(String caseId, String phase, Long sessions, Long minutes, LocalDate lastDay) {
            this(caseId, phase, sessions, minutes == null ? 0 : minutes.intValue(), lastDay);
        }
    }

    /** The sessions of a case in a phase. */
    static long countIn(String caseId, CasePhase phase) {
        return count("caseId = ?1 and phase = ?2", caseId, phase.code());
    }

    static long deleteOfCase(String caseId) {
        return delete("caseId", caseId);
    }
}
