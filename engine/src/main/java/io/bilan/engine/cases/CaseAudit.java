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
import java.time.OffsetDateTime;
import java.util.List;

/** One read or change of a case: who, when, what. */
@Entity
@Table(name = "case_audit")
public class CaseAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String detail;

    /** Sealed with the case's key: see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public String getDetail() {
        return personal.open(caseId, "detail", detail);
    }

    public void setDetail(String value) {
        detail = personal.seal(caseId, "detail", value);
    }

    public String getActor() {
        return personal.open(caseId, "actor", actor);
    }

    public void setActor(String value) {
        actor = personal.seal(caseId, "actor", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        actor = personal.sealPending(caseId, "actor", actor);
        detail = personal.sealPending(caseId, "detail", detail);
    }

    /** The audit trail of a case, oldest first: the case page shows its latest entries and how many there are. */
    static List<CaseAudit> ofCase(String caseId) {
        return find("caseId = ?1 order by id", caseId).list();
    }

    /** The entries of a case after {@code after} and up to {@code upTo} (ids), oldest first, at most {@code count}. */
    static List<CaseAudit> pageOf(String caseId, long after, long upTo, int count) {
        return find("caseId = ?1 and id > ?2 and id <= ?3 order by id", caseId, after, upTo).range(0, count - 1)
                .list();
    }

    /** The entries of a case before the one numbered {@code before}, newest first. */
    static List<CaseAudit> olderThan(String caseId, long before, int count) {
        return find("caseId = ?1 and id < ?2 order by id desc", caseId, before).range(0, count - 1).list();
    }

    /** The entries of a case after the one numbered {@code after}, oldest first. */
    static List<CaseAudit> newerThan(String caseId, long after, int count) {
        return find("caseId = ?1 and id > ?2 order by id", caseId, after).range(0, count - 1).list();
    }

    /** The id of the latest entry of a case, 0 when it has none. */
    static long lastOf(String caseId) {
        Long last = getEntityManager().createQuery("select max(a.id) from CaseAudit a where a.caseId = ?1", Long.class)
                .setParameter(1, caseId).getSingleResult();
        return last == null ? 0 : last;
    }

    static long deleteOfCase(String caseId) {
        return delete("caseId", caseId);
    }
}
