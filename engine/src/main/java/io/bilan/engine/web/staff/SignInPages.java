package io.bilan.engine.web.staff;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.engine.security.StaffAccounts;
import io.bilan.engine.security.StaffSessions;
import io.bilan.engine.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * How staff sign in and out, and choose their password: the sign-in form ({@code /staff/sign-in}), the staff home
 * ({@code /staff}), the password form ({@code /staff/password}) and signing out. The sign-in form has no session to
 * take a CSRF token from: it carries a token of its own, also set in a {@code SameSite=Strict} cookie, so that
 * another site cannot sign a browser in to an account of its choosing.
 */
@Path(StaffGate.ROOT)
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    private final SecureRandom random = new SecureRandom();
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final StaffGate gate;
    private final Pages pages;
    private final Caller caller;
    private final Template signIn;
    private final Template home;
    private final Template password;

    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;
    @Context
    HttpServerRequest request;

    SignInPages(StaffAccounts accounts, StaffSessions sessions, StaffGate gate, Pages pages, Caller caller,
            @Location("staff/sign-in.html") Template signIn, @Location("staff/home.html") Template home,
            @Location("staff/password.html") Template password) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.gate = gate;
        this.pages = pages;
        this.caller = caller;
        this.signIn = signIn;
        this.home = home;
        this.password = password;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        Optional<Response> refused = gate.refusal(headers, uri);
        if (refused.isPresent()) {
            return refused.get();
        }
        StaffSessions.Holder staff = gate.staff();
        return pages.page(home, "staff.home.title", headers, uri, caller)
                .data("name", staff.name())
                .data("email", staff.email())
                .data("centre", staff.centre())
                .data("counsellor", staff.is(Roles.COUNSELLOR))
                .data("admin", staff.is(Roles.ADMIN))
                .data("changed", "password".equals(uri.getQueryParameters().getFirst("changed")))
                .ok();
    }

    @GET
    @Path("sign-in")
    @Operation(hidden = true)
    public Response signInForm(@QueryParam("back") String back, @QueryParam("signed-out") String out) {
        if (caller.staffSession().filter(staff -> !staff.mustChangePassword()).isPresent()) {
            return Response.seeOther(URI.create(StaffGate.safeBack(back))).build();
        }
        return form(back, "", out != null ? "staff.signIn.signedOut" : null, null, List.of(), 200);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(MultivaluedMap<String, String> form, @CookieParam(StaffCookies.SIGN_IN) String expected) {
        String back = form.getFirst("back");
        String email = form.getFirst("email") == null ? "" : form.getFirst("email").strip();
        String token = form.getFirst("_csrf");
        if (expected == null || token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return form(back, email, null, "csrf.text", List.of(), 403);
        }
        if (email.isEmpty() || form.getFirst("password") == null || form.getFirst("password").isEmpty()) {
            return form(back, email, null, null, List.of(
                    email.isEmpty() ? new StaffGate.FieldProblem("email", text("staff.signIn.missingEmail")) : null,
                    form.getFirst("password") == null || form.getFirst("password").isEmpty()
                            ? new StaffGate.FieldProblem("password", text("staff.signIn.missingPassword")) : null)
                    .stream().filter(java.util.Objects::nonNull).toList(), 400);
        }
        StaffAccounts.SignIn outcome = accounts.signIn(email, form.getFirst("password"),
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        return switch (outcome) {
            case StaffAccounts.SignedIn signedIn -> Response.seeOther(URI.create(signedIn.account().mustChangePassword()
                    ? StaffGate.PASSWORD + "?back=" + java.net.URLEncoder.encode(StaffGate.safeBack(back), StandardCharsets.UTF_8)
                    : StaffGate.safeBack(back)))
                    .cookie(StaffCookies.session(uri, signedIn.session().secret(), signedIn.session().maxAgeSeconds()),
                            StaffCookies.cookie(uri, StaffCookies.SIGN_IN, "", 0))
                    .build();
            case StaffAccounts.Refused refused -> form(back, email, null,
                    refused.disabled() ? "staff.signIn.disabled" : "staff.signIn.wrong", List.of(), 401);
            case StaffAccounts.Limited limited -> form(back, email, null, null, List.of(new StaffGate.FieldProblem(null,
                    pages.texts(headers).format("staff.signIn.limited",
                            Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60)))), 429);
        };
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(MultivaluedMap<String, String> form) {
        Optional<StaffSessions.Holder> staff = caller.staffSession();
        if (staff.isEmpty()) {
            return Response.seeOther(URI.create(StaffGate.SIGN_IN)).cookie(StaffCookies.ended(uri)).build();
        }
        if (!io.bilan.engine.web.Csrf.valid(caller, form.getFirst("_csrf"))) {
            return gate.csrfRefusal(headers, uri, form.getFirst("_csrf")).orElseThrow();
        }
        sessions.end(staff.get().id());
        return Response.seeOther(URI.create(StaffGate.SIGN_IN + "?signed-out=true")).cookie(StaffCookies.ended(uri)).build();
    }

    @GET
    @Path("password")
    @Operation(hidden = true)
    public Response passwordForm(@QueryParam("back") String back) {
        if (caller.staffSession().isEmpty()) {
            return gate.signInFirst(uri);
        }
        return passwordPage(back, List.of(), 200);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changePassword(MultivaluedMap<String, String> form) {
        Optional<StaffSessions.Holder> staff = caller.staffSession();
        if (staff.isEmpty()) {
            return gate.signInFirst(uri);
        }
        if (!io.bilan.engine.web.Csrf.valid(caller, form.getFirst("_csrf"))) {
            return gate.csrfRefusal(headers, uri, form.getFirst("_csrf")).orElseThrow();
        }
        try {
            accounts.changePassword(staff.get().accountId(), staff.get().id(), form.getFirst("current"),
                    form.getFirst("password"), form.getFirst("confirm"));
        } catch (InvalidRequestException refused) {
            return passwordPage(form.getFirst("back"), StaffGate.problems(refused.errors(), headers), 422);
        }
        String back = StaffGate.safeBack(form.getFirst("back"));
        return Response.seeOther(URI.create(back.equals(StaffGate.ROOT) ? StaffGate.ROOT + "?changed=password" : back))
                .build();
    }

    private Response passwordPage(String back, List<StaffGate.FieldProblem> problems, int status) {
        return pages.page(password, "staff.password.title", headers, uri, caller)
                .data("back", StaffGate.safeBack(back))
                .data("oneTime", caller.staffSession().map(StaffSessions.Holder::mustChangePassword).orElse(false))
                .data("minLength", accounts.minPasswordLength())
                .data("problems", problems)
                .status(status);
    }

    private Response form(String back, String email, String notice, String problemKey,
            List<StaffGate.FieldProblem> problems, int status) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        List<StaffGate.FieldProblem> all = problemKey == null ? problems
                : List.of(new StaffGate.FieldProblem(null, text(problemKey)));
        return Response.fromResponse(pages.page(signIn, "staff.signIn.title", headers, uri, caller)
                        .data("signInToken", token)
                        .data("back", StaffGate.safeBack(back))
                        .data("email", email)
                        .data("notice", notice == null ? "" : notice)
                        .data("problems", all)
                        .status(status))
                .cookie(StaffCookies.signInToken(uri, token)).build();
    }

    private String text(String key) {
        return pages.texts(headers).get(key);
    }
}
