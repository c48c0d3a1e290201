package io.bilan.engine.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a session cookie into the identity of the case's beneficiary, exactly as the API knows them (the same
 * subject, role and centre), so the pages are authorised by the API's own rules. An unknown, ended or expired
 * session is no identity at all: the page says so and points to the invitation link.
 */
@ApplicationScoped
public class BrowserSessionIdentityProvider implements IdentityProvider<BrowserSessionRequest> {

    private final BrowserSessions sessions;

    BrowserSessionIdentityProvider(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<BrowserSessionRequest> getRequestType() {
        return BrowserSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BrowserSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.secret())
                .map(holder -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.subject()))
                        .addRole(Roles.BENEFICIARY)
                        .addAttribute(Caller.CENTRE, holder.centre())
                        .addAttribute(Caller.BROWSER_SESSION, holder)
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("unknown, ended or expired browser session")));
    }
}
