package io.bilan.engine.security;

import io.bilan.engine.config.EngineConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the name to record, their roles and the centre whose data they may read and write. An API key
 * carries its centre; an identity provider's token carries it in the claim {@code bilan.auth.centre-claim}.
 */
@RequestScoped
public class Caller {

    static final String CENTRE = "bilan.centre";
    static final String KEY_NAME = "bilan.key-name";
    static final String BROWSER_SESSION = "bilan.browser-session";
    static final String STAFF_SESSION = "bilan.staff-session";

    private final SecurityIdentity identity;
    private final String centreClaim;

    Caller(SecurityIdentity identity, EngineConfig config) {
        this.identity = identity;
        this.centreClaim = config.auth().centreClaim();
    }

    /** The caller as recorded in the data: {@code key:<id>} for an API key, the token's subject otherwise. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The caller's centre, if their key or token names one. */
    public Optional<String> centre() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(centreClaim);
            return Optional.ofNullable(claim instanceof jakarta.json.JsonString text ? text.getString()
                    : claim instanceof String text ? text : null);
        }
        return Optional.ofNullable(identity.getAttribute(CENTRE));
    }

    /** The browser session the caller came with (the pages), if they came with one rather than a key or token. */
    public Optional<BrowserSessions.Holder> browserSession() {
        return Optional.ofNullable(identity.getAttribute(BROWSER_SESSION));
    }

    /** The staff session the caller came with (the staff pages), if they signed in with an account. */
    public Optional<StaffSessions.Holder> staffSession() {
        return Optional.ofNullable(identity.getAttribute(STAFF_SESSION));
    }

    /** The CSRF token of the caller's session in the pages, a beneficiary's or a staff member's. */
    public Optional<String> csrfToken() {
        return browserSession().map(BrowserSessions.Holder::csrfToken)
                .or(() -> staffSession().map(StaffSessions.Holder::csrfToken));
    }
}
