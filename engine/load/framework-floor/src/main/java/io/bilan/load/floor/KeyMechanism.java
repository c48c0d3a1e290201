package io.bilan.load.floor;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer floor_key} gives the role {@code counsellor}: the engine's way of checking an API key
 * (a mechanism of its own, an identity provider, authentication when a resource asks for it), with one fixed key
 * where the engine has its store of keys.
 */
@ApplicationScoped
public class KeyMechanism implements HttpAuthenticationMechanism {

    static final String KEY = "floor_key";
    private static final String BEARER = "Bearer ";

    /** The key a request presented. */
    public static final class KeyRequest extends BaseAuthenticationRequest {
        final String key;

        KeyRequest(String key) {
            this.key = key;
        }
    }

    /** Accepts the one key. */
    @ApplicationScoped
    public static class KeyProvider implements IdentityProvider<KeyRequest> {
        private final SecurityIdentity counsellor = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("floor")).addRole("counsellor").build();

        @Override
        public Class<KeyRequest> getRequestType() {
            return KeyRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(KeyRequest request, AuthenticationRequestContext context) {
            return KEY.equals(request.key) ? Uni.createFrom().item(counsellor) : Uni.createFrom().nullItem();
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new KeyRequest(authorization.substring(BEARER.length())));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(KeyRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        // Before the JWT mechanism, as the engine's key mechanism is.
        return DEFAULT_PRIORITY + 100;
    }
}
