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
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one session cookie on the paths it belongs to. A missing cookie, a path outside them or a stale session is
 * no identity rather than a refusal: the page then sends the person to its own sign-in or says the session ended.
 */
abstract class CookieSessionMechanism implements HttpAuthenticationMechanism {

    private final String cookie;
    private final Class<? extends AuthenticationRequest> requestType;
    private final Function<String, AuthenticationRequest> request;

    <R extends AuthenticationRequest> CookieSessionMechanism(String cookie, Class<R> requestType,
            Function<String, R> request) {
        this.cookie = cookie;
        this.requestType = requestType;
        this.request = request::apply;
    }

    /** Whether the cookie is read on this path (normalized). */
    abstract boolean reads(String path);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!reads(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        Cookie presented = context.request().getCookie(cookie);
        if (presented == null || presented.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(request.apply(presented.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(requestType);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, cookie));
    }
}
