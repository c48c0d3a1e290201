package io.bilan.engine.security;

import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.Page;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks API keys. A key reads {@code bilan_<id>_<secret>}: the id finds the stored
 * key, the secret is compared with its stored SHA-256. A plain hash is enough because secrets are 256 random
 * bits, which no dictionary or brute force reaches; a deliberately slow hash would only slow every request.
 * Checked keys are kept in memory for {@code bilan.auth.key-cache-ttl}, so a key revoked on another instance
 * stops working there within that time; on this one it is refused from the moment its revocation commits, before
 * the revocation is answered. Only keys that exist are kept ({@link KnownKeyIds}), at most
 * {@code bilan.auth.key-cache-size} of them ({@link CheckedKeys}).
 */
@ApplicationScoped
public class ApiKeys {

    /** What every key starts with, so the key mechanism knows its tokens from identity providers' JWTs. */
    public static final String PREFIX = "bilan_";
    /** Characters of a key's id (base32, lower case) and secret (base64url), and their lengths. */
    private static final int ID_LENGTH = 16;
    private static final int SECRET_LENGTH = 43;
    private static final Pattern CENTRE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final CheckedKeys<Stored> checked;
    private final KnownKeyIds known;
    private final AtomicLong databaseReads = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    ApiKeys(EngineConfig config, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.transactions = transactions;
        this.checked = new CheckedKeys<>(config.auth().keyCacheTtl().toNanos(), config.auth().keyCacheSize(),
                System::nanoTime);
        this.known = new KnownKeyIds(new KnownKeyIds.Source() {
            @Override
            public Collection<String> all() {
                return ids(null);
            }

            @Override
            public Collection<String> createdSince(OffsetDateTime since) {
                return ids(since);
            }
        }, config.auth().keyLookupInterval(), System::nanoTime, clock);
    }

    /** A key as created: the only time its secret is known. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    /** A stored key, without its secret. */
    public record ApiKey(String id, String name, List<String> roles, String centre, String createdBy,
            OffsetDateTime createdAt, String revokedBy, OffsetDateTime revokedAt, String revokedBecause) {

        static ApiKey of(ApiKeyRecord record) {
            return new ApiKey(record.keyId, record.name, List.of(record.roles.split(",")), record.centre,
                    record.createdBy, record.createdAt, record.revokedBy, record.revokedAt, record.revokedReason);
        }
    }

    /** Who a valid key belongs to. */
    public record KeyHolder(String keyId, String name, Set<String> roles, String centre) {
    }

    /** Creates a key after checking the request; {@code createdBy} names the admin (or the command) asking. */
    @Transactional
    public CreatedKey create(String name, List<String> roles, String centre, String createdBy) {
        checkRequest(name, roles, centre);
        String id = randomId();
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKeyRecord record = new ApiKeyRecord();
        record.keyId = id;
        record.secretHash = Sha256.hex(secret);
        record.name = name.strip();
        record.roles = String.join(",", new LinkedHashSet<>(roles));
        record.centre = centre;
        record.createdBy = createdBy;
        record.createdAt = OffsetDateTime.now(clock);
        record.persist();
        afterCommit(() -> known.add(id));
        return new CreatedKey(ApiKey.of(record), PREFIX + id + "_" + secret);
    }

    /** A page of the keys, newest first (then by id); revoked ones too, marked. */
    @Transactional
    public Page<ApiKey> list(PageRequest page) {
        List<ApiKeyRecord> rows = page.after() == null
                ? ApiKeyRecord.<ApiKeyRecord>find("order by createdAt desc, keyId").range(0, page.limit()).list()
                : ApiKeyRecord.<ApiKeyRecord>find("createdAt < ?1 or (createdAt = ?1 and keyId > ?2) "
                        + "order by createdAt desc, keyId", page.after().instant(0), page.after().text(1))
                        .range(0, page.limit()).list();
        return page.page(rows, row -> Cursor.of(row.createdAt, row.keyId), ApiKey::of);
    }

    /** The keys of one centre, newest first (then by id), revoked ones too: a centre has a few, shown on one page. */
    @Transactional
    public List<ApiKey> ofCentre(String centre) {
        return ApiKeyRecord.<ApiKeyRecord>find("centre = ?1 order by createdAt desc, keyId", centre).stream()
                .map(ApiKey::of).toList();
    }

    /** The key with this id, if any. */
    @Transactional
    public Optional<ApiKey> find(String id) {
        return ApiKeyRecord.<ApiKeyRecord>findByIdOptional(id).map(ApiKey::of);
    }

    /** Revokes a key; revoking it again changes nothing. Empty when there is no such key. */
    @Transactional
    public Optional<ApiKey> revoke(String id, String revokedBy) {
        return revoke(id, revokedBy, null);
    }

    /**
     * Revokes a key, saying why; revoking it again changes nothing. A key is never deleted: its row stays, with who
     * revoked it, when and why, for the record. {@code reason} holds no personal data: the key list is read by
     * admins.
     */
    @Transactional
    public Optional<ApiKey> revoke(String id, String revokedBy, String reason) {
        Optional<ApiKeyRecord> found = ApiKeyRecord.findByIdOptional(id);
        found.filter(record -> record.revokedAt == null).ifPresent(record -> {
            record.revokedAt = OffsetDateTime.now(clock);
            record.revokedBy = revokedBy;
            record.revokedReason = reason;
        });
        afterCommit(() -> checked.forget(id));
        return found.map(ApiKey::of);
    }

    /**
     * Runs {@code action} once the current transaction has committed, before the caller is answered. Dropping a
     * key from memory before the commit would let a check in between read it, not yet revoked, and keep it.
     */
    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** What memory alone decided about a presented key: its holder, or empty when it is refused. */
    public record Decision(Optional<KeyHolder> holder) {
    }

    /**
     * Checks {@code presented} without reading the database, as is possible for every key but one not checked
     * within the cache time or one this instance has not heard of yet (created elsewhere): {@code null} then, and
     * {@link #check} must be called on a thread that may block. Made-up keys are refused here, without a read.
     */
    public Decision checkInMemory(String presented) {
        Presented key = Presented.of(presented);
        if (key == null) {
            return new Decision(Optional.empty());
        }
        String id = key.id();
        if (!known.contains(id)) {
            return known.lookDue() ? null : new Decision(Optional.empty());
        }
        CheckedKeys.Entry<Stored> entry = checked.fresh(id);
        return entry == null ? null : new Decision(matches(key.secret(), entry.value()));
    }

    /** The holder of a presented key, if it is well formed, known, not revoked and its secret matches. */
    public Optional<KeyHolder> check(String presented) {
        Presented key = Presented.of(presented);
        if (key == null) {
            return Optional.empty();
        }
        String id = key.id();
        if (!known.contains(id)) {
            known.lookIfDue();
            if (!known.contains(id)) {
                return Optional.empty();
            }
        }
        CheckedKeys.Entry<Stored> entry = checked.fresh(id);
        if (entry != null) {
            return matches(key.secret(), entry.value());
        }
        long ticket = checked.ticket();
        Stored stored = load(id);
        checked.store(id, stored, ticket);
        return matches(key.secret(), stored);
    }

    /**
     * A presented key split into its id and secret: {@code bilan_}, 16 characters of {@code [a-z2-7]}, {@code _}, 43
     * of {@code [A-Za-z0-9_-]}. Checked by hand: a regular expression cost more than the rest of the check.
     */
    record Presented(String id, String secret) {

        /** The parts of {@code presented}, or {@code null} when it is not a well-formed key. */
        static Presented of(String presented) {
            int idStart = PREFIX.length();
            int secretStart = idStart + ID_LENGTH + 1;
            if (presented.length() != secretStart + SECRET_LENGTH || !presented.startsWith(PREFIX)
                    || presented.charAt(secretStart - 1) != '_') {
                return null;
            }
            for (int i = idStart; i < secretStart - 1; i++) {
                char c = presented.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                    return null;
                }
            }
            for (int i = secretStart; i < presented.length(); i++) {
                char c = presented.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                    return null;
                }
            }
            return new Presented(presented.substring(idStart, secretStart - 1), presented.substring(secretStart));
        }
    }

    private static Optional<KeyHolder> matches(String secret, Stored stored) {
        byte[] hash = Sha256.hex(secret).getBytes(StandardCharsets.US_ASCII);
        // Compared in constant time: the time taken says nothing about how much of the secret was right.
        if (stored == null || !MessageDigest.isEqual(hash, stored.secretHash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(stored.holder());
    }

    /** How many keys are held in memory now. */
    int cachedKeys() {
        return checked.size();
    }

    /** How many key ids this instance knows. */
    int knownKeys() {
        return known.size();
    }

    /** How many times keys were read from the database since start. */
    long databaseReads() {
        return databaseReads.get();
    }

    private record Stored(String secretHash, KeyHolder holder) {
    }

    @Transactional
    Stored load(String id) {
        databaseReads.incrementAndGet();
        ApiKeyRecord record = ApiKeyRecord.findById(id);
        if (record == null || record.revokedAt != null) {
            return null;
        }
        return new Stored(record.secretHash, new KeyHolder(record.keyId, record.name,
                Set.copyOf(Arrays.asList(record.roles.split(","))), record.centre));
    }

    @Transactional
    Collection<String> ids(OffsetDateTime createdSince) {
        databaseReads.incrementAndGet();
        var query = createdSince == null
                ? ApiKeyRecord.getEntityManager().createQuery("select k.keyId from ApiKeyRecord k", String.class)
                : ApiKeyRecord.getEntityManager()
                        .createQuery("select k.keyId from ApiKeyRecord k where k.createdAt >= :since", String.class)
                        .setParameter("since", createdSince);
        return query.getResultList();
    }

    private static void checkRequest(String name, List<String> roles, String centre) {
        List<ProblemDetails.Error> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            errors.add(error("/name", "invalid-name", "give the key a name of 1 to 100 characters, e.g. who holds it"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(error("/roles", "missing-roles", "give at least one role of " + Roles.ALL));
        } else {
            for (int i = 0; i < roles.size(); i++) {
                if (!Roles.ALL.contains(roles.get(i))) {
                    errors.add(error("/roles/" + i, "unknown-role",
                            "'" + roles.get(i) + "' is not a role; the roles are " + Roles.ALL));
                }
            }
        }
        boolean needsCentre = roles != null && roles.stream().anyMatch(Roles.CENTRE_ROLES::contains);
        if (centre != null && !CENTRE.matcher(centre).matches()) {
            errors.add(error("/centre", "invalid-centre",
                    "a centre id is 1 to 64 lower-case letters, digits and hyphens, e.g. cibc-lyon"));
        } else if (centre == null && needsCentre) {
            errors.add(error("/centre", "missing-centre", "a counsellor's or beneficiary's key names their centre"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static ProblemDetails.Error error(String pointer, String code, String message) {
        return new ProblemDetails.Error(code, pointer, message, null, "error");
    }

    private String randomId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = BASE32[random.nextInt(BASE32.length)];
        }
        return new String(id);
    }
}
