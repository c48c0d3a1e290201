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
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Responses given to an instrument in a case, and the report they were scored into. Never changed. */
@Entity
@Table(name = "case_administration")
public class CaseAdministration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String phase;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    @Column(nullable = false)
    public String version;

    /** The digest of the package scored with: a later score pins this very package. */
    @Column(nullable = false)
    public String digest;

    @Column(nullable = false)
    public String language;

    /** The response set as JSON. */
    @Column(nullable = false)
    public String responses;

    /** The score report as JSON. */
    @Column(nullable = false)
    public String report;

    @Column(name = "administered_by", nullable = false)
    public String administeredBy;

    @Column(name = "administered_at", nullable = false)
    public OffsetDateTime administeredAt;

    /** Sealed with the case's key: see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public String getResponses() {
        return personal.open(caseId, "responses", responses);
    }

    public void setResponses(String value) {
        responses = personal.seal(caseId, "responses", value);
    }

    public String getReport() {
        return personal.open(caseId, "report", report);
    }

    public void setReport(String value) {
        report = personal.seal(caseId, "report", value);
    }

    public String getAdministeredBy() {
        return personal.open(caseId, "administeredBy", administeredBy);
    }

    public void setAdministeredBy(String value) {
        administeredBy = personal.seal(caseId, "administeredBy", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        administeredBy = personal.sealPending(caseId, "administeredBy", administeredBy);
        responses = personal.sealPending(caseId, "responses", responses);
        report = personal.sealPending(caseId, "report", report);
    }

    /** The administrations of a case, oldest first. */
    static List<CaseAdministration> ofCase(String caseId) {
        return find("caseId = ?1 order by id", caseId).list();
    }

    /** The administration {@code id} if it belongs to the case. */
    static Optional<CaseAdministration> inCase(String caseId, long id) {
        return CaseAdministration.<CaseAdministration>findByIdOptional(id).filter(a -> a.caseId.equals(caseId));
    }

    /** In which phases each of the cases had administrations, as (case, phase) pairs, in one query. */
    static List<InPhase> phasesOf(Collection<String> caseIds) {
        return getEntityManager().createQuery("select new " + InPhase.class.getName()
                + "(a.caseId, a.phase, max(a.administeredAt)) from CaseAdministration a where a.caseId in ?1 "
                + "group by a.caseId, a.phase", InPhase.class)
                .setParameter(1, caseIds).getResultList();
    }

    /** A case, a phase it had an administration in, and when the last one of that phase was. */
    record InPhase(String caseId, String phase, OffsetDateTime last) {
    }

    /**
     * The administrations of an instrument in the cases of a centre, answered from {@code from} (inclusive) to
     * {@code to} (exclusive), oldest first.
     */
    static List<CaseAdministration> ofInstrumentInCentre(String instrumentId, String centre, OffsetDateTime from,
            OffsetDateTime to) {
        return find("instrumentId = ?1 and administeredAt >= ?3 and administeredAt < ?4 and caseId in "
                + "(select c.id from CaseRecord c where c.centre = ?2) order by administeredAt, id", instrumentId, centre,
                from, to).list();
    }

    static long deleteOfCase(String caseId) {
        return delete("caseId", caseId);
    }
}
