package io.bilan.engine.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A staff session cookie presented by a browser. */
final class StaffSessionRequest extends BaseAuthenticationRequest {

    private final String secret;

    StaffSessionRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
