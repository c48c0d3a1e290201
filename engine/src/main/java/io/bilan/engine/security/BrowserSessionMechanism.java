package io.bilan.engine.security;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the session cookie of the beneficiary's pages. It authenticates pages only: the API under {@code /api} takes
 * keys and tokens, never a cookie, so no request of another site can ride on a browser session to reach it.
 */
@ApplicationScoped
public class BrowserSessionMechanism extends CookieSessionMechanism {

    BrowserSessionMechanism() {
        super(BrowserSessions.COOKIE, BrowserSessionRequest.class, BrowserSessionRequest::new);
    }

    @Override
    boolean reads(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    @Override
    public int getPriority() {
        // After API keys and tokens: a request that carries one is authenticated by it.
        return DEFAULT_PRIORITY - 100;
    }
}
