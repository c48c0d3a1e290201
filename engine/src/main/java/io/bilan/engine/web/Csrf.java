package io.bilan.engine.web;

import io.bilan.engine.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cross-site request forgery: every write of the pages carries the session's token, in the form ({@code _csrf}) or
 * in the {@code X-CSRF-Token} header of a script's request, and the cookie is {@code SameSite=Strict} besides.
 */
public final class Csrf {

    /** The form field of the token. */
    public static final String FIELD = "_csrf";
    /** The header a script sends it in. */
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** Whether the caller has a session in the pages (a beneficiary's or a staff member's) and {@code presented} is its token. */
    public static boolean valid(Caller caller, String presented) {
        return presented != null && caller.csrfToken()
                .map(token -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
