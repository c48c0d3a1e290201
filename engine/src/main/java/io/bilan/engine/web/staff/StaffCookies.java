package io.bilan.engine.web.staff;

import io.bilan.engine.security.StaffSessions;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * The cookies of the staff pages: {@code HttpOnly}, {@code SameSite=Strict}, sent on {@code /staff} only, and
 * {@code Secure} except over plain HTTP to the machine itself (a quick start on {@code http://localhost}, which some
 * browsers refuse secure cookies on). Behind a TLS proxy, let Quarkus read its forwarded headers
 * ({@code quarkus.http.proxy.proxy-address-forwarding=true}) or the cookie is secure anyway, the host not being local.
 */
final class StaffCookies {

    /** The cookie of the sign-in form's token, before any session exists. */
    static final String SIGN_IN = "bilan_sign_in";

    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private StaffCookies() {
    }

    static NewCookie session(UriInfo uri, String secret, long maxAgeSeconds) {
        return cookie(uri, StaffSessions.COOKIE, secret, (int) maxAgeSeconds);
    }

    static NewCookie ended(UriInfo uri) {
        return cookie(uri, StaffSessions.COOKIE, "", 0);
    }

    static NewCookie signInToken(UriInfo uri, String token) {
        return cookie(uri, SIGN_IN, token, 3600);
    }

    static NewCookie cookie(UriInfo uri, String name, String value, int maxAge) {
        boolean plainLocal = "http".equalsIgnoreCase(uri.getRequestUri().getScheme())
                && LOCAL.contains(String.valueOf(uri.getRequestUri().getHost()).toLowerCase(java.util.Locale.ROOT));
        return new NewCookie.Builder(name).value(value).path(StaffSessions.PATH).maxAge(maxAge).httpOnly(true)
                .secure(!plainLocal).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
