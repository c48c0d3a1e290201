package io.bilan.engine.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A session cookie presented by a browser. */
final class BrowserSessionRequest extends BaseAuthenticationRequest {

    private final String secret;

    BrowserSessionRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
