package io.bilan.engine.cases;

import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cases list of the staff pages: a counsellor's cases, or for an admin every case of their centre, filtered by
 * phase, counsellor, a synthesis awaiting the beneficiary's approval and a follow-up due, searched by beneficiary, a
 * page at a time. Nothing of another centre is ever read. The beneficiary's id and name are sealed, so a search by
 * beneficiary opens the centre's matching cases in memory; the other filters are queries.
 */
@ApplicationScoped
public class CaseSearch {

    /** Rows on a page of the list. */
    public static final int PAGE_SIZE = 20;

    private final Clock clock;

    CaseSearch(Clock clock) {
        this.clock = clock;
    }

    /**
     * What to look for; every part may be left out. {@code phase} is a phase's code, {@code counsellor} a caller
     * ({@code user:<id>}, {@code key:<id>}), {@code beneficiary} a part of the beneficiary's id or name.
     */
    public record Filter(String phase, String counsellor, boolean awaitingApproval, boolean followUpDue,
            String beneficiary) {
    }

    /**
     * A case as the list shows it. {@code name} (the beneficiary's name) is given to the case's counsellors only;
     * {@code synthesis} is the synthesis's status, null before a draft.
     */
    public record Row(String id, String beneficiary, String name, String phase, List<String> counsellors,
            String synthesis, LocalDate followUpOn, boolean followUpDue, OffsetDateTime createdAt) {
    }

    /** One page of the cases found: {@code page} counts from 1, {@code total} is over every page. */
    public record Found(List<Row> rows, long total, int page, int pages) {
    }

    /** The caller's cases that pass {@code filter}, page {@code page} (from 1; past the last, the last). */
    @Transactional
    public Found search(Caller caller, Filter filter, int page) {
        String centre = caller.centre().orElse(null);
        boolean admin = caller.is(Roles.ADMIN);
        if (centre == null || !admin && !caller.is(Roles.COUNSELLOR)) {
            return new Found(List.of(), 0, 1, 1);
        }
        LocalDate today = LocalDate.now(clock);
        StringBuilder where = new StringBuilder("c.centre = :centre");
        List<Consumer<TypedQuery<?>>> parameters = new ArrayList<>();
        parameters.add(query -> query.setParameter("centre", centre));
        if (!admin) {
            where.append(" and c.id in (select m.id.caseId from CaseCounsellor m where m.id.counsellor = :me)");
            parameters.add(query -> query.setParameter("me", caller.name()));
        }
        if (filter.counsellor() != null && !filter.counsellor().isBlank()) {
            where.append(" and c.id in (select f.id.caseId from CaseCounsellor f where f.id.counsellor = :counsellor)");
            parameters.add(query -> query.setParameter("counsellor", filter.counsellor()));
        }
        if (filter.phase() != null && !filter.phase().isBlank()) {
            String phase = Arrays.stream(CasePhase.values()).map(CasePhase::code).filter(filter.phase()::equals)
                    .findFirst().orElse("none");
            where.append(" and c.phase = :phase");
            parameters.add(query -> query.setParameter("phase", phase));
        }
        if (filter.awaitingApproval()) {
            where.append(" and c.id in (select s.caseId from CaseSynthesis s where s.status = 'submitted')");
        }
        if (filter.followUpDue()) {
            where.append(" and c.phase = 'follow-up' and c.followUpOn <= :today");
            parameters.add(query -> query.setParameter("today", today));
        }
        var entities = CaseRecord.getEntityManager();
        String search = filter.beneficiary() == null ? "" : filter.beneficiary().strip().toLowerCase(Locale.ROOT);
        List<CaseRecord> records;
        long total;
        int pages;
        int shown;
        TypedQuery<CaseRecord> select = entities.createQuery("select c from CaseRecord c where " + where
                + " order by c.createdAt desc, c.id", CaseRecord.class);
        parameters.forEach(parameter -> parameter.accept(select));
        if (search.isEmpty()) {
            TypedQuery<Long> count = entities.createQuery("select count(c) from CaseRecord c where " + where, Long.class);
            parameters.forEach(parameter -> parameter.accept(count));
            total = count.getSingleResult();
            pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            shown = Math.min(Math.max(1, page), pages);
            records = select.setFirstResult((shown - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        } else {
            Set<String> mine = admin ? Set.copyOf(counsellorOf(caller.name(), centre)) : null;
            List<CaseRecord> matching = select.getResultList().stream().filter(record -> matches(record, search,
                    mine == null || mine.contains(record.id))).toList();
            total = matching.size();
            pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            shown = Math.min(Math.max(1, page), pages);
            records = matching.subList((shown - 1) * PAGE_SIZE, (int) Math.min(total, (long) shown * PAGE_SIZE));
        }
        List<String> ids = records.stream().map(record -> record.id).toList();
        Map<String, List<String>> counsellors = ids.isEmpty() ? Map.of() : CaseCounsellor.namesOf(ids);
        Map<String, String> syntheses = new HashMap<>();
        if (!ids.isEmpty()) {
            entities.createQuery("select s.caseId, s.status from CaseSynthesis s where s.caseId in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> syntheses.put((String) row[0], (String) row[1]));
        }
        List<Row> rows = records.stream().map(record -> {
            List<String> of = counsellors.getOrDefault(record.id, List.of());
            boolean counsellor = caller.is(Roles.COUNSELLOR) && of.contains(caller.name());
            return new Row(record.id, record.beneficiary, counsellor ? record.beneficiaryName : null, record.phase, of,
                    syntheses.get(record.id), record.followUpOn,
                    CasePhase.FOLLOW_UP.code().equals(record.phase) && record.followUpOn != null
                            && !record.followUpOn.isAfter(today),
                    record.createdAt);
        }).toList();
        return new Found(rows, total, shown, pages);
    }

    /** The counsellors named on the centre's cases, to choose from in the filter. */
    @Transactional
    public List<String> counsellorsOfCentre(String centre) {
        return CaseRecord.getEntityManager().createQuery("select distinct m.id.counsellor from CaseCounsellor m, "
                + "CaseRecord c where c.id = m.id.caseId and c.centre = :centre order by m.id.counsellor", String.class)
                .setParameter("centre", centre).getResultList();
    }

    private static List<String> counsellorOf(String counsellor, String centre) {
        return CaseRecord.getEntityManager().createQuery("select m.id.caseId from CaseCounsellor m, CaseRecord c "
                + "where c.id = m.id.caseId and c.centre = :centre and m.id.counsellor = :counsellor", String.class)
                .setParameter("centre", centre).setParameter("counsellor", counsellor).getResultList();
    }

    /** Whether the beneficiary's id, or their name for one of the case's counsellors, contains {@code search}. */
    private static boolean matches(CaseRecord record, String search, boolean nameToo) {
        String beneficiary = record.beneficiary;
        String name = nameToo ? record.beneficiaryName : null;
        return beneficiary != null && beneficiary.toLowerCase(Locale.ROOT).contains(search)
                || name != null && name.toLowerCase(Locale.ROOT).contains(search);
    }
}
