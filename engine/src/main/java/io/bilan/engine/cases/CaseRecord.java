package io.bilan.engine.cases;

import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.persistence.Keyring;
import io.bilan.engine.persistence.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bilan: one beneficiary in one centre, its phase and the facts each transition rests on. What is personal (the
 * beneficiary, their subject, contact, demand, situation, routes,
 * signature) is stored sealed with the case's key: its accessors
 * open and seal it, and erasure destroys the key.
 */
@Entity
@Table(name = "bilan_case")
public class CaseRecord extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String centre;

    /** The pseudonymous id the centre gives the beneficiary. */
    @Column(nullable = false)
    public String beneficiary;

    /** The beneficiary's name, printed on their own copy of the synthesis only; null when the centre gave none. */
    @Column(name = "beneficiary_name")
    public String beneficiaryName;

    /** The caller the beneficiary is ({@code key:<id>} or a token's subject), once they have access. */
    @Column(name = "beneficiary_subject")
    public String beneficiarySubject;

    /**
     * The id of the key this case issued to its beneficiary, if it did: the only key the case ever revokes. A case
     * never takes an existing key as its beneficiary.
     */
    @Column(name = "beneficiary_key")
    public String beneficiaryKey;

    /** A keyed hash of the beneficiary's subject, to find their cases without storing it in clear. */
    @Column(name = "beneficiary_subject_hash")
    public String beneficiarySubjectHash;

    /** The contact data the centre chooses to keep, as a JSON object. */
    public String contact;

    @Column(nullable = false)
    public String phase;

    public String demand;

    /** The person's situation as the counsellor recorded it, a JSON object (see SituationRequest); null until then. */
    public String situation;

    @Column(name = "fit_decision")
    public String fitDecision;

    @Column(name = "fit_route")
    public String fitRoute;

    /** {@code counsellor}, or the administration of the preliminary interview the decision comes from. */
    @Column(name = "fit_source")
    public String fitSource;

    @Column(name = "fit_decided_by")
    public String fitDecidedBy;

    @Column(name = "fit_decided_at")
    public OffsetDateTime fitDecidedAt;

    @Column(name = "beneficiary_signed_by")
    public String beneficiarySignedBy;

    @Column(name = "beneficiary_signed_at")
    public OffsetDateTime beneficiarySignedAt;

    @Column(name = "counsellor_signed_by")
    public String counsellorSignedBy;

    @Column(name = "counsellor_signed_at")
    public OffsetDateTime counsellorSignedAt;

    @Column(name = "follow_up_on")
    public LocalDate followUpOn;

    @Column(name = "closing_route")
    public String closingRoute;

    /** Why the follow-up was held before the day it was due, as a counsellor recorded it; null when it was not. */
    @Column(name = "early_follow_up_reason")
    public String earlyFollowUpReason;

    @Column(name = "early_follow_up_by")
    public String earlyFollowUpBy;

    @Column(name = "early_follow_up_at")
    public OffsetDateTime earlyFollowUpAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "concluded_at")
    public OffsetDateTime concludedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** Two requests changing one case at once: the second fails instead of overwriting the first. */
    @Version
    public long revision;

    /**
     * Locks the case's row until the transaction ends, so that steps which check the case and then change it run one
     * after the other: a second one waits, then sees what the first did. A native query, so that the lock is taken
     * before the case is read and what is read afterwards is what the first step committed.
     */
    static void lockRow(String id) {
        getEntityManager().createNativeQuery("select id from bilan_case where id = ?1 for update")
                .setParameter(1, id).getResultList();
    }

    /** Whether another case of the centre, not closed, has {@code subject} as its beneficiary. */
    static boolean openCaseOf(String centre, String subject) {
        return count("centre = ?1 and beneficiarySubjectHash = ?2 and closedAt is null", centre,
                Keyring.get().lookupHash(subject)) > 0;
    }

    /** Sealed with the case's key: see {@link PersonalData}. */
    @Transient
    private final PersonalData personal = new PersonalData();

    public String getBeneficiary() {
        return personal.open(id, "beneficiary", beneficiary);
    }

    public void setBeneficiary(String value) {
        beneficiary = personal.seal(id, "beneficiary", value);
    }

    public String getBeneficiaryName() {
        return personal.open(id, "beneficiaryName", beneficiaryName);
    }

    public void setBeneficiaryName(String value) {
        beneficiaryName = personal.seal(id, "beneficiaryName", value);
    }

    public String getBeneficiarySubject() {
        return personal.open(id, "beneficiarySubject", beneficiarySubject);
    }

    public void setBeneficiarySubject(String value) {
        beneficiarySubject = personal.seal(id, "beneficiarySubject", value);
        beneficiarySubjectHash = value == null ? null : Keyring.get().lookupHash(value);
    }

    public String getContact() {
        return personal.open(id, "contact", contact);
    }

    public void setContact(String value) {
        contact = personal.seal(id, "contact", value);
    }

    public String getDemand() {
        return personal.open(id, "demand", demand);
    }

    public void setDemand(String value) {
        demand = personal.seal(id, "demand", value);
    }

    public String getSituation() {
        return personal.open(id, "situation", situation);
    }

    public void setSituation(String value) {
        situation = personal.seal(id, "situation", value);
    }

    public String getFitRoute() {
        return personal.open(id, "fitRoute", fitRoute);
    }

    public void setFitRoute(String value) {
        fitRoute = personal.seal(id, "fitRoute", value);
    }

    public String getClosingRoute() {
        return personal.open(id, "closingRoute", closingRoute);
    }

    public void setClosingRoute(String value) {
        closingRoute = personal.seal(id, "closingRoute", value);
    }

    public String getEarlyFollowUpReason() {
        return personal.open(id, "earlyFollowUpReason", earlyFollowUpReason);
    }

    public void setEarlyFollowUpReason(String value) {
        earlyFollowUpReason = personal.seal(id, "earlyFollowUpReason", value);
    }

    public String getBeneficiarySignedBy() {
        return personal.open(id, "beneficiarySignedBy", beneficiarySignedBy);
    }

    public void setBeneficiarySignedBy(String value) {
        beneficiarySignedBy = personal.seal(id, "beneficiarySignedBy", value);
    }

    /** Seals the fields set before the row knew its case. */
    @PrePersist
    void sealPending() {
        beneficiary = personal.sealPending(id, "beneficiary", beneficiary);
        beneficiarySubject = personal.sealPending(id, "beneficiarySubject", beneficiarySubject);
        beneficiaryName = personal.sealPending(id, "beneficiaryName", beneficiaryName);
        contact = personal.sealPending(id, "contact", contact);
        demand = personal.sealPending(id, "demand", demand);
        situation = personal.sealPending(id, "situation", situation);
        fitRoute = personal.sealPending(id, "fitRoute", fitRoute);
        closingRoute = personal.sealPending(id, "closingRoute", closingRoute);
        beneficiarySignedBy = personal.sealPending(id, "beneficiarySignedBy", beneficiarySignedBy);
        earlyFollowUpReason = personal.sealPending(id, "earlyFollowUpReason", earlyFollowUpReason);
    }

    /** The cases of a centre a counsellor works on, newest first. */
    static List<CaseRecord> ofCounsellor(String centre, String counsellor) {
        return find("centre = ?1 and id in (select c.id.caseId from CaseCounsellor c where c.id.counsellor = ?2) "
                + "order by createdAt desc", centre, counsellor).list();
    }

    /** The cases of a centre whose beneficiary is {@code subject}, newest first. */
    static List<CaseRecord> ofBeneficiary(String centre, String subject) {
        return find("centre = ?1 and beneficiarySubjectHash = ?2 order by createdAt desc", centre,
                Keyring.get().lookupHash(subject)).list();
    }

    /**
     * One page of the cases of a centre a counsellor works on ({@code counsellor}) or whose beneficiary is
     * {@code subject}, newest first: the rows after the page's cursor (opened at, id), one more than its limit.
     */
    static List<CaseRecord> page(String centre, String counsellor, String subject, PageRequest page) {
        String whose = counsellor != null
                ? "id in (select c.id.caseId from CaseCounsellor c where c.id.counsellor = :whose)"
                : "beneficiarySubjectHash = :whose";
        Parameters parameters = Parameters.with("centre", centre)
                .and("whose", counsellor != null ? counsellor : Keyring.get().lookupHash(subject));
        String after = "";
        if (page.after() != null) {
            after = " and (createdAt < :at or (createdAt = :at and id < :id))";
            parameters.and("at", page.after().instant(0)).and("id", page.after().text(1));
        }
        return find("centre = :centre and " + whose + after + " order by createdAt desc, id desc", parameters)
                .range(0, page.limit()).list();
    }

    /** Where a page of cases that ends with this one stops. */
    Cursor cursor() {
        return Cursor.of(createdAt, id);
    }

    /** The ids of the cases closed before {@code instant}. */
    static List<String> closedBefore(OffsetDateTime instant) {
        return getEntityManager().createQuery("select c.id from CaseRecord c where c.closedAt < ?1", String.class)
                .setParameter(1, instant).getResultList();
    }
}
