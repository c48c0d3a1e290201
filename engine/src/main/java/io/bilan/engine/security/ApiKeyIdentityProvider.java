package io.bilan.engine.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Turns a presented API key into the identity of its holder, or fails the request with 401. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeys keys;

    ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        ApiKeys.Decision decided = keys.checkInMemory(request.key());
        if (decided != null) {
            // The usual case, a key checked recently or one nobody created: no need to hop to a worker thread.
            try {
                return Uni.createFrom().item(identity(decided.holder()));
            } catch (AuthenticationFailedException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return context.runBlocking(() -> identity(keys.check(request.key())));
    }

    private static SecurityIdentity identity(Optional<ApiKeys.KeyHolder> holder) {
        return holder
                .map(found -> {
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal("key:" + found.keyId()))
                            .addRoles(found.roles())
                            .addAttribute(Caller.KEY_NAME, found.name());
                    if (found.centre() != null) {
                        identity.addAttribute(Caller.CENTRE, found.centre());
                    }
                    return (SecurityIdentity) identity.build();
                })
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
    }
}
