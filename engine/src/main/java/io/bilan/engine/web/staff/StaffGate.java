package io.bilan.engine.web.staff;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.StaffSessions;
import io.bilan.engine.web.Csrf;
import io.bilan.engine.web.PageLanguage;
import io.bilan.engine.web.PageTexts;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The door of every staff page ({@code /staff/...}): a page asks {@link #refusal} first and renders only when it is
 * empty. Without a staff session the person is sent to the sign-in form (and back afterwards); with a one-time
 * password still to replace, to the form that replaces it; without the role the page needs, they are told it is not
 * for them. Writes check the session's CSRF token with {@link #csrfRefusal}.
 */
@ApplicationScoped
public class StaffGate {

    /** Where the staff pages start. */
    public static final String ROOT = StaffSessions.PATH;
    /** The sign-in form. */
    public static final String SIGN_IN = ROOT + "/sign-in";
    /** The form that replaces a one-time password. */
    public static final String PASSWORD = ROOT + "/password";

    private final Pages pages;
    private final Caller caller;
    private final Template message;

    StaffGate(Pages pages, Caller caller, @Location("message.html") Template message) {
        this.pages = pages;
        this.caller = caller;
        this.message = message;
    }

    /**
     * Why this request may not see the page, as the response to send instead; empty when a signed-in staff member
     * holding one of {@code roles} (any role when none is named) asks.
     */
    public Optional<Response> refusal(HttpHeaders headers, UriInfo uri, String... roles) {
        Optional<StaffSessions.Holder> staff = caller.staffSession();
        if (staff.isEmpty()) {
            return Optional.of(signInFirst(uri));
        }
        if (staff.get().mustChangePassword()) {
            return Optional.of(Response.seeOther(URI.create(PASSWORD)).build());
        }
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(caller::is)) {
            return Optional.of(pages.page(message, "staff.forbidden.title", headers, uri, caller)
                    .data("text", "staff.forbidden.text").status(403));
        }
        return Optional.empty();
    }

    /** The refusal of a write: {@link #refusal}, then a missing or wrong CSRF token (403). */
    public Optional<Response> csrfRefusal(HttpHeaders headers, UriInfo uri, String token, String... roles) {
        Optional<Response> refused = refusal(headers, uri, roles);
        if (refused.isPresent()) {
            return refused;
        }
        if (!Csrf.valid(caller, token)) {
            return Optional.of(pages.page(message, "csrf.title", headers, uri, caller).data("text", "csrf.text")
                    .status(403));
        }
        return Optional.empty();
    }

    /** The page saying there is nothing here for this person: another centre's account, key or case. */
    public Response notFound(HttpHeaders headers, UriInfo uri) {
        return pages.page(message, "notFound.title", headers, uri, caller).data("text", "notFound.text").status(404);
    }

    /** The signed-in staff member; call after {@link #refusal} said nothing. */
    public StaffSessions.Holder staff() {
        return caller.staffSession().orElseThrow();
    }

    /** To the sign-in form, which comes back to the page asked for (a GET) once signed in. */
    public Response signInFirst(UriInfo uri) {
        String back = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create(SIGN_IN + "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                .build();
    }

    /** {@code back} if it is a staff page of this engine, else the staff home. */
    public static String safeBack(String back) {
        return back != null && (back.equals(ROOT) || back.startsWith(ROOT + "/") || back.startsWith(ROOT + "?"))
                && !back.contains("\\")
                && back.length() < 500 && !back.startsWith(SIGN_IN) ? back : ROOT;
    }

    /** A problem of a form, in the person's language, linked to its field. */
    @TemplateData
    public record FieldProblem(String field, String text) {
    }

    /** The problems of a form by field, for the message next to each field. */
    public static java.util.Map<String, String> byField(List<FieldProblem> problems) {
        java.util.Map<String, String> byField = new java.util.LinkedHashMap<>();
        problems.stream().filter(problem -> problem.field() != null)
                .forEach(problem -> byField.merge(problem.field(), problem.text(), (a, b) -> a + " " + b));
        return byField;
    }

    /**
     * The problems of a refused form in the person's language: the text of {@code staff.problem.<code>} (the
     * service's own message when there is none), linked to the field the pointer names ({@code /email} to
     * {@code email}).
     */
    public static List<FieldProblem> problems(List<ProblemDetails.Error> errors, HttpHeaders headers) {
        PageTexts t = PageTexts.of(PageLanguage.of(headers));
        return errors.stream().map(error -> new FieldProblem(error.pointer() == null || error.pointer().length() < 2
                ? null : error.pointer().substring(1), t.getOr("staff.problem." + error.code(), error.message())))
                .toList();
    }
}
