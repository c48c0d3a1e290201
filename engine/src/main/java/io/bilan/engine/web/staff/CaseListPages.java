package io.bilan.engine.web.staff;

import io.bilan.engine.cases.CasePhase;
import io.bilan.engine.cases.CaseSearch;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffAccounts;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The cases list ({@code /staff/cases}): a counsellor's cases, every case of the centre for an admin, filtered by
 * phase, counsellor, "awaiting approval" and "follow-up due", searched by beneficiary, twenty to a page. A plain GET
 * form: the address of a filtered page can be kept and shared with a colleague of the centre.
 */
@Path(StaffGate.ROOT + "/cases")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CaseListPages {

    private final CaseSearch search;
    private final StaffAccounts accounts;
    private final ApiKeys keys;
    private final StaffGate gate;
    private final Pages pages;
    private final Caller caller;
    private final Template list;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    CaseListPages(CaseSearch search, StaffAccounts accounts, ApiKeys keys, StaffGate gate, Pages pages, Caller caller,
            @Location("staff/cases.html") Template list) {
        this.search = search;
        this.accounts = accounts;
        this.keys = keys;
        this.gate = gate;
        this.pages = pages;
        this.caller = caller;
        this.list = list;
    }

    /** A choice of a filter's list. */
    @TemplateData
    public record Choice(String value, String label, boolean selected) {
    }

    /** A case as a row of the table, in the person's words. */
    @TemplateData
    public record Line(String id, String beneficiary, String name, String phase, String counsellors, String synthesis,
            boolean awaiting, String followUpOn, boolean followUpDue, String openedOn) {
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("phase") String phase, @QueryParam("counsellor") String counsellor,
            @QueryParam("awaiting") String awaiting, @QueryParam("due") String due, @QueryParam("q") String query,
            @QueryParam("page") String page) {
        Optional<Response> refused = gate.refusal(headers, uri, Roles.COUNSELLOR, Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        String centre = gate.staff().centre();
        PageTexts t = pages.texts(headers);
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        CaseSearch.Filter filter = new CaseSearch.Filter(blankToNull(phase), blankToNull(counsellor),
                awaiting != null, due != null, q);
        CaseSearch.Found found = search.search(caller, filter, page != null && page.matches("\\d{1,6}")
                ? Integer.parseInt(page) : 1);

        Map<String, String> names = new LinkedHashMap<>();
        accounts.ofCentre(centre).forEach(account -> names.put(account.subject(), account.name()));
        Map<String, String> counsellorChoices = new LinkedHashMap<>();
        accounts.ofCentre(centre).stream().filter(account -> account.is(Roles.COUNSELLOR))
                .forEach(account -> counsellorChoices.put(account.subject(), account.name()));
        // Counsellors who work through an API key are named by their key's name.
        search.counsellorsOfCentre(centre).stream().filter(subject -> subject.startsWith("key:"))
                .forEach(subject -> keys.find(subject.substring(4)).ifPresent(key -> names.put(subject, key.name())));
        search.counsellorsOfCentre(centre).forEach(subject -> counsellorChoices.putIfAbsent(subject,
                names.getOrDefault(subject, subject)));

        DateTimeFormatter day = DateTimeFormatter.ofPattern(t.get("staff.cases.dateFormat"), java.util.Locale.forLanguageTag(t.language()));
        List<Line> lines = found.rows().stream().map(row -> new Line(row.id(), row.beneficiary(),
                row.name() == null ? "" : row.name(), t.get("staff.phase." + row.phase()),
                String.join(", ", row.counsellors().stream().map(subject -> names.getOrDefault(subject, subject)).toList()),
                row.synthesis() == null ? t.get("staff.synthesis.none") : t.get("staff.synthesis." + row.synthesis()),
                "submitted".equals(row.synthesis()),
                row.followUpOn() == null ? "" : row.followUpOn().format(day), row.followUpDue(),
                row.createdAt().toLocalDate().format(day))).toList();

        String base = "/staff/cases?" + query(phase, counsellor, awaiting != null, due != null, q);
        return pages.page(list, "staff.cases.title", headers, uri, caller)
                .data("lines", lines)
                .data("total", found.total())
                .data("page", found.page())
                .data("pages", found.pages())
                .data("previous", found.page() > 1 ? base + "page=" + (found.page() - 1) : "")
                .data("next", found.page() < found.pages() ? base + "page=" + (found.page() + 1) : "")
                .data("phases", Arrays.stream(CasePhase.values()).map(value -> new Choice(value.code(),
                        t.get("staff.phase." + value.code()), value.code().equals(phase))).toList())
                .data("counsellors", counsellorChoices.entrySet().stream().map(entry -> new Choice(entry.getKey(),
                        entry.getValue(), entry.getKey().equals(counsellor))).toList())
                .data("awaiting", awaiting != null)
                .data("due", due != null)
                .data("q", q)
                .data("filtered", filter.phase() != null || filter.counsellor() != null || filter.awaitingApproval()
                        || filter.followUpDue() || !q.isEmpty())
                .data("allOfCentre", caller.is(Roles.ADMIN))
                .ok();
    }

    private static String query(String phase, String counsellor, boolean awaiting, boolean due, String q) {
        StringBuilder query = new StringBuilder();
        append(query, "phase", phase);
        append(query, "counsellor", counsellor);
        append(query, "awaiting", awaiting ? "on" : null);
        append(query, "due", due ? "on" : null);
        append(query, "q", q);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
