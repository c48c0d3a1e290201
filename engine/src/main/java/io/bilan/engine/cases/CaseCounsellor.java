package io.bilan.engine.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Whether {@code counsellor} works on the case. */
    static boolean isCounsellor(String caseId, String counsellor) {
        return findByIdOptional(new Id(caseId, counsellor)).isPresent();
    }

    /** Adds {@code counsellor} to the case unless they work on it already. */
    static void add(String caseId, String counsellor) {
        if (!isCounsellor(caseId, counsellor)) {
            of(caseId, counsellor).persist();
        }
    }

    /** The counsellors of one case, sorted. */
    static List<String> namesOf(String caseId) {
        return namesOf(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The counsellors of each of the cases, sorted, in one query. */
    static Map<String, List<String>> namesOf(Collection<String> caseIds) {
        Map<String, List<String>> names = new TreeMap<>();
        CaseCounsellor.<CaseCounsellor>find("id.caseId in ?1 order by id.caseId, id.counsellor", caseIds).stream()
                .forEach(row -> names.computeIfAbsent(row.id.caseId(), id -> new ArrayList<>()).add(row.id.counsellor()));
        return names;
    }

    static long deleteOfCase(String caseId) {
        return delete("id.caseId", caseId);
    }
}
