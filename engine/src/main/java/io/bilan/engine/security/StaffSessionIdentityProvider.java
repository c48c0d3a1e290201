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
 * Turns a staff session cookie into the identity of the account's holder: the subject {@code user:<id>}, the
 * account's roles and centre, so that the pages are authorised by the API's own rules ({@code CaseAccess} and the
 * rest). While a one-time password waits to be replaced, the identity holds no role at all: nothing but choosing a
 * password is allowed.
 */
@ApplicationScoped
public class StaffSessionIdentityProvider implements IdentityProvider<StaffSessionRequest> {

    private final StaffSessions sessions;

    StaffSessionIdentityProvider(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<StaffSessionRequest> getRequestType() {
        return StaffSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(StaffSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.secret())
                .map(holder -> {
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(holder.subject()))
                            .addAttribute(Caller.CENTRE, holder.centre())
                            .addAttribute(Caller.STAFF_SESSION, holder);
                    if (!holder.mustChangePassword()) {
                        identity.addRoles(holder.roles());
                    }
                    return (SecurityIdentity) identity.build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("unknown, ended or expired staff session")));
    }
}
