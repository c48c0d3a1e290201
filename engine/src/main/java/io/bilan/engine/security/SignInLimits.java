package io.bilan.engine.security;

import io.bilan.engine.config.StaffConfig;
import io.bilan.engine.persistence.Keyring;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Limits on failed sign-ins, per account and per network address, kept in the database so that every engine on it
 * counts the same attempts. An attempt is written and committed before it is counted: of attempts sent at the same
 * instant, to one engine or several, the one committed last sees all the others, so no more than the limit ever
 * reach the password check within the window. A successful attempt removes its own rows and the account's failures;
 * a refused one removes its own rows, so that being refused does not prolong the wait.
 */
@ApplicationScoped
public class SignInLimits {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    private final StaffConfig config;
    private final Clock clock;

    SignInLimits(StaffConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** What a sign-in attempt may do. */
    public sealed interface Decision permits Allowed, Limited {
    }

    /** The attempt may check the password; report how it went with {@link #succeeded} or {@link #failed}. */
    public record Allowed(long accountAttempt, long addressAttempt, String accountHash) implements Decision {
    }

    /** Too many failures: no password is checked until {@code retryAfter} has passed. */
    public record Limited(Duration retryAfter) implements Decision {
    }

    /** Records an attempt for the account named {@code email} from {@code address}, and says whether it may go on. */
    public Decision attempt(String email, String address) {
        String accountHash = hash(ACCOUNT, email.strip().toLowerCase(Locale.ROOT));
        String addressHash = hash(ADDRESS, address == null ? "unknown" : address);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long[] ids = QuarkusTransaction.requiringNew().call(() -> new long[] {record(ACCOUNT, accountHash, now),
                record(ADDRESS, addressHash, now)});
        OffsetDateTime since = now.minus(config.failureWindow());
        Duration wait = QuarkusTransaction.requiringNew().call(() -> {
            Duration account = waitFor(ACCOUNT, accountHash, since, ids[0], config.maxFailuresPerAccount());
            Duration byAddress = waitFor(ADDRESS, addressHash, since, ids[1], config.maxFailuresPerAddress());
            return account.compareTo(byAddress) >= 0 ? account : byAddress;
        });
        if (!wait.isZero()) {
            forget(ids);
            return new Limited(wait);
        }
        return new Allowed(ids[0], ids[1], accountHash);
    }

    /** The password was right: the attempt and the account's past failures no longer count. */
    public void succeeded(Allowed attempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            SignInAttempt.delete("id = ?1 or id = ?2", attempt.accountAttempt(), attempt.addressAttempt());
            SignInAttempt.delete("scope = ?1 and subjectHash = ?2", ACCOUNT, attempt.accountHash());
        });
    }

    /** The password was wrong: the attempt stays, counting against the account and the address. */
    public void failed(Allowed attempt) {
        // Nothing to do: the rows written by attempt() are the failure.
    }

    /** Forgets the failures of an account, when an admin gives it a new password. */
    public void clearAccount(String email) {
        String accountHash = hash(ACCOUNT, email.strip().toLowerCase(Locale.ROOT));
        QuarkusTransaction.requiringNew().run(() -> SignInAttempt.delete("scope = ?1 and subjectHash = ?2", ACCOUNT,
                accountHash));
    }

    /**
     * Drops the attempts that no longer count. Only the table's size depends on it (attempts older than the window are
     * never counted), so the first run waits a minute: run at start, it parsed its query and ran a transaction on the
     * cores the start is short of (docs/performance.md).
     */
    @Scheduled(every = "10m", delayed = "1m", identity = "bilan-sign-in-attempts-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.failureWindow());
        QuarkusTransaction.requiringNew().run(() -> SignInAttempt.delete("attemptedAt < ?1", before));
    }

    private static long record(String scope, String subjectHash, OffsetDateTime now) {
        SignInAttempt attempt = new SignInAttempt();
        attempt.scope = scope;
        attempt.subjectHash = subjectHash;
        attempt.attemptedAt = now;
        attempt.persist();
        return attempt.id;
    }

    /**
     * How long until fewer than {@code max} other attempts count for the subject: zero when this one, counted with the
     * others, is within the limit.
     */
    private Duration waitFor(String scope, String subjectHash, OffsetDateTime since, long own, int max) {
        List<OffsetDateTime> others = SignInAttempt.getEntityManager().createQuery(
                "select a.attemptedAt from SignInAttempt a where a.scope = ?1 and a.subjectHash = ?2 "
                        + "and a.attemptedAt > ?3 and a.id <> ?4 order by a.attemptedAt", OffsetDateTime.class)
                .setParameter(1, scope).setParameter(2, subjectHash).setParameter(3, since).setParameter(4, own)
                .getResultList();
        if (others.size() < max) {
            return Duration.ZERO;
        }
        OffsetDateTime free = others.get(others.size() - max).plus(config.failureWindow());
        Duration wait = Duration.between(OffsetDateTime.now(clock), free);
        return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    private static void forget(long[] ids) {
        QuarkusTransaction.requiringNew().run(() -> SignInAttempt.delete("id = ?1 or id = ?2", ids[0], ids[1]));
    }

    static String hash(String scope, String value) {
        return Keyring.get().lookupHash("sign-in " + scope + ":" + value);
    }
}
