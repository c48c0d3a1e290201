package io.bilan.engine.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A counsellor of a case, as the caller they are ({@code key:<id>} or a token's subject). */
@Entity
@Table(name = "case_counsellor")
public class CaseCounsellor extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    /** The case and the counsellor. */
    @Embeddable
    public record Id(@Column(name = "case_id") String caseId, @Column(name = "counsellor") String counsellor)
            implements Serializable {
    }

    static CaseCounsellor of(String caseId, String counsellor) {
        CaseCounsellor row = new CaseCounsellor();
        row.id = new Id(caseId, counsellor);
        return row;
    }
}
