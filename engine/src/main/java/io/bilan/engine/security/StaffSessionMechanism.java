package io.bilan.engine.security;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the staff session cookie on the staff pages ({@code /staff...}) and nowhere else: the API takes keys and
 * tokens, never a cookie, and the beneficiary's pages know only their own session.
 */
@ApplicationScoped
public class StaffSessionMechanism extends CookieSessionMechanism {

    StaffSessionMechanism() {
        super(StaffSessions.COOKIE, StaffSessionRequest.class, StaffSessionRequest::new);
    }

    @Override
    boolean reads(String path) {
        return path.equals(StaffSessions.PATH) || path.startsWith(StaffSessions.PATH + "/");
    }

    @Override
    public int getPriority() {
        // After API keys and tokens, before the beneficiary's session: on a staff page, the staff cookie decides.
        return DEFAULT_PRIORITY - 50;
    }
}
