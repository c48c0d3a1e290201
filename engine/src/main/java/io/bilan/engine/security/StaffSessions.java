package io.bilan.engine.security;

import io.bilan.engine.config.StaffConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions of signed-in staff, kept in the database so that every engine on it knows them. A session ends when its
 * holder signs out, after {@code bilan.staff.session-lifetime}, after {@code bilan.staff.session-idle} without a
 * request, and at once when the account is disabled or given a new password.
 */
@ApplicationScoped
public class StaffSessions {

    /** The name of the staff session cookie. */
    public static final String COOKIE = "bilan_staff";
    /** The path the cookie is sent on: the staff pages, and nothing else. */
    public static final String PATH = "/staff";
    /** How often, at most, a request moves the session's last activity on: one write a minute, not one a request. */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final StaffConfig config;
    private final Clock clock;

    StaffSessions(StaffConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A session just opened: the secret for the cookie, known this once, and how long the cookie may live. */
    public record Opened(String secret, long maxAgeSeconds) {
    }

    /** Who holds a live session: the account as it is now. */
    public record Holder(String id, String accountId, String centre, String email, String name, Set<String> roles,
            boolean mustChangePassword, String csrfToken) {

        /** Who they are for the API and in every record: {@code user:<account id>}. */
        public String subject() {
            return StaffAccounts.SUBJECT_PREFIX + accountId;
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }

    /** Opens a session for an account; joins the caller's transaction. */
    @Transactional
    public Opened open(String accountId) {
        String secret = randomToken();
        StaffSession session = new StaffSession();
        session.idHash = Sha256.hex(secret);
        session.accountId = accountId;
        session.csrfToken = randomToken();
        session.createdAt = OffsetDateTime.now(clock);
        session.lastSeenAt = session.createdAt;
        session.expiresAt = session.createdAt.plus(config.sessionLifetime());
        session.persist();
        return new Opened(secret, config.sessionLifetime().toSeconds());
    }

    /** The live session whose cookie holds {@code secret}, with its account as it is now; else empty. */
    @Transactional
    public Optional<Holder> find(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        StaffSession session = StaffSession.findById(Sha256.hex(secret));
        if (session == null || session.endedAt != null || !session.expiresAt.isAfter(now)
                || !session.lastSeenAt.plus(config.sessionIdle()).isAfter(now)) {
            return Optional.empty();
        }
        StaffAccount account = StaffAccount.findById(session.accountId);
        if (account == null || account.disabledAt != null) {
            return Optional.empty();
        }
        if (session.lastSeenAt.plus(TOUCH).isBefore(now)) {
            session.lastSeenAt = now;
        }
        return Optional.of(new Holder(session.idHash, account.id, account.centre, account.email, account.name,
                Set.copyOf(List.of(account.roles.split(","))), account.mustChangePassword, session.csrfToken));
    }

    /** Ends a session: its cookie opens nothing any more, on any engine. */
    @Transactional
    public void end(String id) {
        StaffSession.<StaffSession>findByIdOptional(id).ifPresent(session -> {
            if (session.endedAt == null) {
                session.endedAt = OffsetDateTime.now(clock);
            }
        });
    }

    /** Ends every session of an account but {@code keep} (null for all): after a new password, a disabling. */
    @Transactional
    public void endAllOf(String accountId, String keep) {
        StaffSession.update("endedAt = ?1 where accountId = ?2 and endedAt is null and idHash <> ?3",
                OffsetDateTime.now(clock), accountId, keep == null ? "" : keep);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
