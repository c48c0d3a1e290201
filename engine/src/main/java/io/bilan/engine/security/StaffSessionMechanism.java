package io.bilan.engine.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads the staff session cookie on the staff pages ({@code /staff...}) and nowhere else: the API takes keys and
 * tokens, never a cookie, and the beneficiary's pages know only their own session.
 */
@ApplicationScoped
public class StaffSessionMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        if (!path.equals(StaffSessions.PATH) && !path.startsWith(StaffSessions.PATH + "/")) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(StaffSessions.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // A stale cookie is no identity: the page sends the person to the sign-in form instead of refusing.
        return identities.authenticate(new StaffSessionRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(StaffSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, StaffSessions.COOKIE));
    }

    @Override
    public int getPriority() {
        // After API keys and tokens, before the beneficiary's session: on a staff page, the staff cookie decides.
        return DEFAULT_PRIORITY - 50;
    }
}
