package io.bilan.engine.web.staff;

import io.bilan.engine.centres.Centres;
import io.bilan.engine.http.Page;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.ApiKeys.ApiKey;
import io.bilan.engine.security.ApiKeys;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffAccounts;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The administration of a centre, for its admins: its users ({@code /staff/admin/users}: create with a one-time
 * password, roles, disable, new one-time password), its API keys ({@code /staff/admin/keys}: list, create shown once,
 * revoke) and its settings ({@code /staff/admin/centre}: legal identity and signature blocks printed on syntheses).
 * Everything is scoped to the admin's own centre: an account or a key of another centre is not found.
 */
@Path(StaffGate.ROOT + "/admin")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    /** The roles a key made in the pages may have: the centre's programs, never a global role. */
    static final List<String> KEY_ROLES = List.of(Roles.COUNSELLOR, Roles.RESEARCHER);
    private static final int BLANK_ROWS = 2;

    private final StaffAccounts accounts;
    private final ApiKeys keys;
    private final Centres centres;
    private final Validator validator;
    private final StaffGate gate;
    private final Pages pages;
    private final Caller caller;
    private final Template users;
    private final Template user;
    private final Template shownOnce;
    private final Template keysPage;
    private final Template centrePage;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    AdminPages(StaffAccounts accounts, ApiKeys keys, Centres centres, Validator validator, StaffGate gate, Pages pages,
            Caller caller, @Location("staff/users.html") Template users, @Location("staff/user.html") Template user,
            @Location("staff/shown-once.html") Template shownOnce, @Location("staff/keys.html") Template keysPage,
            @Location("staff/centre.html") Template centrePage) {
        this.accounts = accounts;
        this.keys = keys;
        this.centres = centres;
        this.validator = validator;
        this.gate = gate;
        this.pages = pages;
        this.caller = caller;
        this.users = users;
        this.user = user;
        this.shownOnce = shownOnce;
        this.keysPage = keysPage;
        this.centrePage = centrePage;
    }

    /** An account as a row of the users' table. */
    @TemplateData
    public record UserLine(String id, String name, String email, String roles, boolean disabled, boolean mustChange,
            boolean self) {
    }

    /** A key as a row of the keys' table. */
    @TemplateData
    public record KeyLine(String id, String name, String roles, String createdOn, boolean revoked, String revokedOn) {
    }

    /** A role to tick. */
    @TemplateData
    public record RoleChoice(String value, String label, boolean checked) {
    }

    /** A signature block of the centre's settings form. */
    @TemplateData
    public record CounsellorRow(int index, String subject, String name, String function) {

        /** The row's number as the page shows it, from 1. */
        public int number() {
            return index + 1;
        }
    }

    // --- users ---

    @GET
    @Path("users")
    @Operation(hidden = true)
    public Response users() {
        Optional<Response> refused = gate.refusal(headers, uri, Roles.ADMIN);
        return refused.orElseGet(() -> usersPage("", "", List.of(Roles.COUNSELLOR), List.of(), 200));
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createUser(MultivaluedMap<String, String> form) {
        Optional<Response> refused = gate.csrfRefusal(headers, uri, form.getFirst(Csrf.FIELD), Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> roles = roles(form, StaffAccounts.ROLES);
        try {
            StaffAccounts.WithPassword created = accounts.create(myCentre(), form.getFirst("email"), form.getFirst("name"),
                    roles, caller.name());
            return oneTimePassword(created, "staff.users.created");
        } catch (InvalidRequestException refusedForm) {
            return usersPage(value(form, "email"), value(form, "name"), roles,
                    StaffGate.problems(refusedForm.errors(), headers), 422);
        }
    }

    @GET
    @Path("users/{id}")
    @Operation(hidden = true)
    public Response user(@PathParam("id") String id) {
        Optional<Response> refused = gate.refusal(headers, uri, Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        return accounts.find(myCentre(), id).map(account -> userPage(account, account.name(), account.roles(), null,
                List.of(), 200)).orElseGet(() -> gate.notFound(headers, uri));
    }

    /** {@code action} is {@code save} (name and roles), {@code disable}, {@code enable} or {@code reset}. */
    @POST
    @Path("users/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeUser(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Optional<Response> refused = gate.csrfRefusal(headers, uri, form.getFirst(Csrf.FIELD), Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<StaffAccounts.Account> account = accounts.find(myCentre(), id);
        if (account.isEmpty()) {
            return gate.notFound(headers, uri);
        }
        String action = value(form, "action");
        List<String> roles = roles(form, StaffAccounts.ROLES);
        try {
            return switch (action) {
                case "reset" -> oneTimePassword(accounts.resetPassword(myCentre(), id, caller.name()).orElseThrow(),
                        "staff.users.reset");
                case "disable", "enable" -> userPage(accounts.setDisabled(myCentre(), id, action.equals("disable"),
                        caller.name()).orElseThrow(), account.get().name(), account.get().roles(),
                        "staff.users." + action + "dNotice", List.of(), 200);
                case "save" -> userPage(accounts.update(myCentre(), id, form.getFirst("name"), roles, caller.name())
                        .orElseThrow(), value(form, "name"), roles, "staff.users.saved", List.of(), 200);
                default -> userPage(account.get(), account.get().name(), account.get().roles(), null, List.of(), 400);
            };
        } catch (InvalidRequestException refusedForm) {
            return userPage(account.get(), value(form, "name"), roles, null,
                    StaffGate.problems(refusedForm.errors(), headers), 422);
        }
    }

    private Response usersPage(String email, String name, List<String> roles, List<StaffGate.FieldProblem> problems,
            int status) {
        PageTexts t = pages.texts(headers);
        String me = caller.name();
        List<UserLine> lines = accounts.ofCentre(myCentre()).stream().map(account -> new UserLine(account.id(),
                account.name(), account.email(), roleLabels(account.roles(), t), account.disabled(),
                account.mustChangePassword(), account.subject().equals(me))).toList();
        return pages.page(users, "staff.users.title", headers, uri, caller)
                .data("section", "users")
                .data("lines", lines)
                .data("email", email)
                .data("name", name)
                .data("roles", roleChoices(StaffAccounts.ROLES, roles, t))
                .data("problems", problems)
                .status(status);
    }

    private Response userPage(StaffAccounts.Account account, String name, List<String> roles, String notice,
            List<StaffGate.FieldProblem> problems, int status) {
        PageTexts t = pages.texts(headers);
        return pages.page(user, "staff.user.title", headers, uri, caller)
                .data("section", "users")
                .data("account", new UserLine(account.id(), account.name(), account.email(),
                        roleLabels(account.roles(), t), account.disabled(), account.mustChangePassword(),
                        account.subject().equals(caller.name())))
                .data("name", name)
                .data("roles", roleChoices(StaffAccounts.ROLES, roles, t))
                .data("notice", notice == null ? "" : notice)
                .data("problems", problems)
                .status(status);
    }

    private Response oneTimePassword(StaffAccounts.WithPassword done, String headingKey) {
        return pages.page(shownOnce, "staff.shownOnce.title", headers, uri, caller)
                .data("section", "users")
                .data("heading", pages.texts(headers).format(headingKey, done.account().name()))
                .data("explain", pages.texts(headers).format("staff.users.oneTimeExplain", done.account().email()))
                .data("secret", done.oneTimePassword())
                .data("back", "/staff/admin/users")
                .ok();
    }

    // --- API keys ---

    @GET
    @Path("keys")
    @Operation(hidden = true)
    public Response keys() {
        Optional<Response> refused = gate.refusal(headers, uri, Roles.ADMIN);
        return refused.orElseGet(() -> keysPage("", List.of(Roles.COUNSELLOR), null, List.of(), 200));
    }

    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createKey(MultivaluedMap<String, String> form) {
        Optional<Response> refused = gate.csrfRefusal(headers, uri, form.getFirst(Csrf.FIELD), Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> roles = roles(form, KEY_ROLES);
        if (roles.isEmpty() || !KEY_ROLES.containsAll(roles)) {
            // Keys made here work for the centre only: never an admin's or an author's key, which reach every centre.
            return keysPage(value(form, "name"), roles, null, StaffGate.problems(List.of(new ProblemDetails.Error(
                    "invalid-roles", "/roles", "choose among " + KEY_ROLES, null, "error")), headers), 422);
        }
        try {
            ApiKeys.CreatedKey created = keys.create(value(form, "name"), roles, myCentre(), caller.name());
            PageTexts t = pages.texts(headers);
            return pages.page(shownOnce, "staff.shownOnce.title", headers, uri, caller)
                    .data("section", "keys")
                    .data("heading", t.format("staff.keys.created", created.key().name()))
                    .data("explain", t.get("staff.keys.createdExplain"))
                    .data("secret", created.secret())
                    .data("back", "/staff/admin/keys")
                    .ok();
        } catch (InvalidRequestException refusedForm) {
            List<ProblemDetails.Error> errors = refusedForm.errors().stream().map(error -> error.pointer() != null
                    && error.pointer().startsWith("/roles") ? new ProblemDetails.Error("invalid-roles", "/roles",
                    error.message(), null, "error") : error).toList();
            return keysPage(value(form, "name"), roles, null, StaffGate.problems(errors, headers), 422);
        }
    }

    @POST
    @Path("keys/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revokeKey(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Optional<Response> refused = gate.csrfRefusal(headers, uri, form.getFirst(Csrf.FIELD), Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (keys.find(id).filter(key -> myCentre().equals(key.centre())).isEmpty()) {
            return gate.notFound(headers, uri);
        }
        keys.revoke(id, caller.name());
        return keysPage("", List.of(Roles.COUNSELLOR), "staff.keys.revoked", List.of(), 200);
    }

    /** Every key, page after page: the admins' page shows them all, newest first. */
    private List<ApiKey> allKeys() {
        List<ApiKey> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (request != null) {
            Page<ApiKey> page = keys.list(request);
            all.addAll(page.items());
            request = page.next() == null ? null : new PageRequest(PageRequest.MAX_LIMIT, page.next());
        }
        return all;
    }

    private Response keysPage(String name, List<String> roles, String notice, List<StaffGate.FieldProblem> problems,
            int status) {
        PageTexts t = pages.texts(headers);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(t.get("staff.cases.dateFormat"),
                Locale.forLanguageTag(t.language()));
        List<KeyLine> lines = allKeys().stream().filter(key -> myCentre().equals(key.centre()))
                .map(key -> new KeyLine(key.id(), key.name(), roleLabels(key.roles(), t),
                        key.createdAt().toLocalDate().format(day), key.revokedAt() != null,
                        key.revokedAt() == null ? "" : key.revokedAt().toLocalDate().format(day))).toList();
        return pages.page(keysPage, "staff.keys.title", headers, uri, caller)
                .data("section", "keys")
                .data("lines", lines)
                .data("name", name)
                .data("roles", roleChoices(KEY_ROLES, roles, t))
                .data("notice", notice == null ? "" : notice)
                .data("problems", problems)
                .status(status);
    }

    // --- the centre's settings ---

    @GET
    @Path("centre")
    @Operation(hidden = true)
    public Response centre() {
        Optional<Response> refused = gate.refusal(headers, uri, Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        Centres.Identity identity = centres.find(myCentre()).orElse(new Centres.Identity("", null, null, null, List.of(),
                null, null));
        return centrePage(identity, null, List.of(), 200);
    }

    @POST
    @Path("centre")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response setCentre(MultivaluedMap<String, String> form) {
        Optional<Response> refused = gate.csrfRefusal(headers, uri, form.getFirst(Csrf.FIELD), Roles.ADMIN);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<Centres.Counsellor> counsellors = new ArrayList<>();
        List<StaffGate.FieldProblem> problems = new ArrayList<>();
        PageTexts t = pages.texts(headers);
        for (int i = 0; i < 200 && form.containsKey("counsellor." + i + ".subject"); i++) {
            String subject = value(form, "counsellor." + i + ".subject").strip();
            String name = value(form, "counsellor." + i + ".name").strip();
            String function = value(form, "counsellor." + i + ".function").strip();
            if (subject.isEmpty() && name.isEmpty() && function.isEmpty()) {
                continue;
            }
            // Rows are numbered as the page shown again will number them: the blank ones dropped.
            int row = counsellors.size();
            if (subject.isEmpty() || name.isEmpty()) {
                problems.add(new StaffGate.FieldProblem(subject.isEmpty() ? "counsellor-" + row + "-subject"
                        : "counsellor-" + row + "-name", t.format("staff.centre.incompleteRow", row + 1)));
            }
            counsellors.add(new Centres.Counsellor(subject, name, function.isEmpty() ? null : function));
        }
        Centres.Identity identity = new Centres.Identity(value(form, "name").strip(), blankToNull(value(form, "address")),
                blankToNull(value(form, "declarationNumber")), blankToNull(value(form, "certification")), counsellors,
                null, null);
        if (identity.name().isEmpty()) {
            problems.add(new StaffGate.FieldProblem("name", t.get("staff.centre.missingName")));
        }
        for (ConstraintViolation<Centres.Identity> violation : validator.validate(identity)) {
            String path = violation.getPropertyPath().toString();
            problems.add(new StaffGate.FieldProblem(fieldOf(path), t.format("staff.centre.tooLong",
                    t.get("staff.centre.field." + path.replaceAll("\\[\\d+]", "")))));
        }
        if (!problems.isEmpty()) {
            return centrePage(identity, null, problems.stream().distinct().toList(), 422);
        }
        return centrePage(centres.set(myCentre(), caller, identity), "staff.centre.saved", List.of(), 200);
    }

    private Response centrePage(Centres.Identity identity, String notice, List<StaffGate.FieldProblem> problems,
            int status) {
        List<CounsellorRow> rows = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        List<Centres.Counsellor> counsellors = identity.counsellors() == null ? List.of() : identity.counsellors();
        for (Centres.Counsellor counsellor : counsellors) {
            rows.add(new CounsellorRow(rows.size(), counsellor.counsellor(), counsellor.name(),
                    counsellor.function() == null ? "" : counsellor.function()));
            listed.add(counsellor.counsellor());
        }
        // The centre's counsellors without a signature block yet are offered one with their name.
        for (StaffAccounts.Account account : accounts.ofCentre(myCentre())) {
            if (account.is(Roles.COUNSELLOR) && !account.disabled() && !listed.contains(account.subject())) {
                rows.add(new CounsellorRow(rows.size(), account.subject(), account.name(), ""));
            }
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new CounsellorRow(rows.size(), "", "", ""));
        }
        return pages.page(centrePage, "staff.centre.title", headers, uri, caller)
                .data("section", "centre")
                .data("centre", myCentre())
                .data("name", identity.name() == null ? "" : identity.name())
                .data("address", identity.address() == null ? "" : identity.address())
                .data("declarationNumber", identity.declarationNumber() == null ? "" : identity.declarationNumber())
                .data("certification", identity.certification() == null ? "" : identity.certification())
                .data("rows", rows)
                .data("notice", notice == null ? "" : notice)
                .data("problems", problems)
                .status(status);
    }

    // --- shared ---

    private String myCentre() {
        return gate.staff().centre();
    }

    /** The form field of a property of the centre's identity: {@code counsellors[2].name} is {@code counsellor-2-name}. */
    private static String fieldOf(String path) {
        var row = java.util.regex.Pattern.compile("counsellors\\[(\\d+)]\\.(counsellor|name|function)").matcher(path);
        if (row.matches()) {
            return "counsellor-" + row.group(1) + "-" + (row.group(2).equals("counsellor") ? "subject" : row.group(2));
        }
        return path.matches("name|address|declarationNumber|certification") ? path : null;
    }

    private static List<String> roles(MultivaluedMap<String, String> form, List<String> allowed) {
        List<String> given = form.get("role") == null ? List.of() : form.get("role");
        // A role the form does not offer is passed on, so that the service refuses it rather than it being dropped.
        return given.stream().distinct().limit(allowed.size() + 1L).toList();
    }

    private static List<RoleChoice> roleChoices(List<String> offered, List<String> checked, PageTexts t) {
        return offered.stream().map(role -> new RoleChoice(role, t.get("staff.role." + role), checked.contains(role)))
                .toList();
    }

    private static String roleLabels(List<String> roles, PageTexts t) {
        return String.join(", ", roles.stream().map(role -> t.getOr("staff.role." + role, role)).toList());
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
