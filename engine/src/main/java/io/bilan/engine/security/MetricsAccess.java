package io.bilan.engine.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Metrics are for admins (a scraper gets an admin key); health and the OpenAPI document are public. The check runs on
 * the metrics' routes only: a path permission in the configuration had Quarkus' authoriser match the path of every
 * request, the API's included, and subscribe to a chain for it (docs/performance.md, "Framework costs per request").
 * Refusals are those Quarkus' authoriser gave: an anonymous caller gets the authentication mechanism's challenge (the
 * API's 401 problem), an unknown key fails authentication (the same problem), another role gets a 403.
 */
@ApplicationScoped
public class MetricsAccess {

    /**
     * After Quarkus' authentication (order -200, which puts the caller's deferred identity in the context) and its
     * authoriser (-100, which has no permission left to check), before the metrics' own route.
     */
    static final int ORDER = -99;

    void install(@Observes Router router) {
        router.route("/q/metrics").order(ORDER).handler(MetricsAccess::check);
        router.route("/q/metrics/*").order(ORDER).handler(MetricsAccess::check);
    }

    static void check(RoutingContext context) {
        QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(
                identity -> decide(context, identity),
                failure -> refuse(context, failure));
    }

    private static void decide(RoutingContext context, SecurityIdentity identity) {
        if (identity.hasRole(Roles.ADMIN)) {
            context.next();
        } else if (identity.isAnonymous()) {
            HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
            authenticator.sendChallenge(context).subscribe().with(
                    sent -> {
                        if (!context.response().ended()) {
                            context.response().end();
                        }
                    },
                    failure -> refuse(context, failure));
        } else {
            context.fail(new ForbiddenException());
        }
    }

    private static void refuse(RoutingContext context, Throwable failure) {
        // An unknown key has failed the context already (the API's 401 problem): it is not handled twice.
        if (!context.response().ended() && !failure.equals(context.failure())) {
            context.fail(failure);
        }
    }
}
