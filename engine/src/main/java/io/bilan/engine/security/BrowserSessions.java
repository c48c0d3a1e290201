package io.bilan.engine.security;

import io.bilan.engine.config.PagesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions kept in the database, so that every engine on it knows them: opened when a person follows an
 * invitation link, found again from the cookie's secret, ended when they sign out or the case is erased.
 */
@ApplicationScoped
public class BrowserSessions {

    /** The name of the session cookie. */
    public static final String COOKIE = "bilan_session";

    private final SecureRandom random = new SecureRandom();
    private final PagesConfig config;
    private final Clock clock;

    BrowserSessions(PagesConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A session just opened: the secret for the cookie, shown once, and its lifetime in seconds. */
    public record Opened(String secret, long maxAgeSeconds) {
    }

    /** Who a live session is: the case's beneficiary as the API knows them. */
    public record Holder(String id, String caseId, String centre, String subject, String csrfToken) {
    }

    /** Opens a session for the beneficiary {@code subject} of a case; joins the caller's transaction. */
    @Transactional
    public Opened open(String caseId, String centre, String subject) {
        String secret = randomToken();
        BrowserSession session = new BrowserSession();
        session.idHash = Sha256.hex(secret);
        session.caseId = caseId;
        session.centre = centre;
        session.setSubject(subject);
        session.csrfToken = randomToken();
        session.createdAt = OffsetDateTime.now(clock);
        session.expiresAt = session.createdAt.plus(config.sessionLifetime());
        session.persist();
        return new Opened(secret, config.sessionLifetime().toSeconds());
    }

    /** The live session whose cookie holds {@code secret}, if any. */
    @Transactional
    public Optional<Holder> find(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return BrowserSession.<BrowserSession>findByIdOptional(Sha256.hex(secret))
                .filter(session -> session.endedAt == null && session.expiresAt.isAfter(now))
                .map(session -> new Holder(session.idHash, session.caseId, session.centre, session.getSubject(),
                        session.csrfToken));
    }

    /** Ends a session: its cookie opens nothing any more, on any engine. */
    @Transactional
    public void end(String id) {
        BrowserSession.<BrowserSession>findByIdOptional(id).ifPresent(session -> {
            if (session.endedAt == null) {
                session.endedAt = OffsetDateTime.now(clock);
            }
        });
    }

    /** A random secret of 256 bits, URL-safe. */
    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
