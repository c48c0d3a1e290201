package io.bilan.engine.cases;

import io.bilan.engine.config.PagesConfig;
import io.bilan.engine.security.BrowserSessions;
import io.bilan.engine.security.Sha256;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The links of a case that open once: a beneficiary's invitation ({@link Invitations#LINK_PATH}) and an observer's
 * link ({@link Observations#LINK_PATH}). A link carries a random token that is handed out once, in the link, and only
 * the token's hash is stored, so a copy of the database opens nothing. Both kinds are made and looked up here, the
 * same way; what opening one does (a beneficiary's session, an observer's page) stays with each.
 */
@ApplicationScoped
public class OneTimeLinks {

    private final BrowserSessions sessions;
    private final PagesConfig config;

    OneTimeLinks(BrowserSessions sessions, PagesConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    /** A new link: the address to hand out once, and the hash to store in its place. */
    public record Issued(String link, String hash) {
    }

    /** A new link under {@code path}, absolute when the engine knows its public address. */
    Issued issue(String path) {
        String token = sessions.randomToken();
        String base = config.publicUrl().map(url -> url.replaceAll("/+$", "")).orElse("");
        return new Issued(base + path + token, Sha256.hex(token));
    }

    /** The stored hash a presented token has; no token hashes as an empty one, which no link has. */
    static String hashOf(String token) {
        return Sha256.hex(token == null ? "" : token);
    }
}
