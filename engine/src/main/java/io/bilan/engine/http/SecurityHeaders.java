package io.bilan.engine.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Headers every response of the engine carries, whoever answers it (the API, the pages, metrics, health): browsers
 * never guess a content type, nothing personal is kept by a cache, and pages run only the engine's own scripts
 * and are never framed by another site.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * The policy of the engine's pages: scripts, styles, images and requests from the engine only (inline styles
     * too: the synthesis page carries its own), no plug-ins, no framing, forms posted back to the engine only.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI, served by Quarkus, starts with an inline script. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            context.addHeadersEndHandler(ignored -> decorate(path, context.response().headers()));
            context.next();
        });
    }

    static void decorate(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        String type = headers.get("Content-Type");
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        boolean page = type.startsWith("text/html");
        if ((page || type.startsWith("application/pdf") || path.startsWith("/api/")) && !headers.contains("Cache-Control")) {
            // Cases, scores, profiles and keys are personal or secret; the catalogue is cheap to ask again. A
            // resource that says how it may be cached (an instrument's definition, with its ETag) keeps its word.
            headers.set("Cache-Control", "no-store");
        }
        if (path.startsWith("/api/") && !headers.contains("Vary")) {
            // Texts, and the messages of refused requests, follow Accept-Language.
            headers.set("Vary", "Accept-Language");
        }
        if (page) {
            String policy = headers.get("Content-Security-Policy");
            if (policy == null) {
                headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_UI_POLICY : PAGE_POLICY);
            } else if (!policy.contains("frame-ancestors")) {
                headers.set("Content-Security-Policy", policy + "; frame-ancestors 'none'");
            }
            headers.set("X-Frame-Options", "DENY");
            if (!headers.contains("Referrer-Policy")) {
                headers.set("Referrer-Policy", "no-referrer");
            }
        }
    }
}
