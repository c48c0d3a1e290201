package io.bilan.engine.security;

import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks API keys. A key reads {@code bilan_<id>_<secret>}: the id finds the stored
 * key, the secret is compared with its stored SHA-256. A plain hash is enough because secrets are 256 random
 * bits, which no dictionary or brute force reaches; a deliberately slow hash would only slow every request.
 * Checked keys are kept in memory for {@code bilan.auth.key-cache-ttl}, so a key revoked on another instance
 * stops working there within that time (at once on this one).
 */
@ApplicationScoped
public class ApiKeys {

    /** What every key starts with, so the key mechanism knows its tokens from identity providers' JWTs. */
    public static final String PREFIX = "bilan_";
    private static final Pattern KEY = Pattern.compile("bilan_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
    private static final Pattern CENTRE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Checked> checked = new ConcurrentHashMap<>();
    private final long cacheNanos;
    private final Clock clock;

    ApiKeys(EngineConfig config, Clock clock) {
        this.cacheNanos = config.auth().keyCacheTtl().toNanos();
        this.clock = clock;
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
        return new CreatedKey(ApiKey.of(record), PREFIX + id + "_" + secret);
    }

    /** Every key, newest first; revoked ones too, marked. */
    @Transactional
    public List<ApiKey> list() {
        return ApiKeyRecord.<ApiKeyRecord>find("order by createdAt desc, keyId").stream().map(ApiKey::of).toList();
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
        checked.remove(id);
        return found.map(ApiKey::of);
    }

    /**
     * Whether checking {@code presented} reads the database: its key was not checked within the cache time. Every
     * other check is a hash and a map lookup, done where the request is without a blocking thread.
     */
    public boolean needsDatabase(String presented) {
        var matcher = KEY.matcher(presented);
        if (!matcher.matches()) {
            return false;
        }
        Checked cached = checked.get(matcher.group(1));
        return cached == null || System.nanoTime() - cached.checkedAt() > cacheNanos;
    }

    /** The holder of a presented key, if it is well formed, known, not revoked and its secret matches. */
    public Optional<KeyHolder> check(String presented) {
        return check(presented, true);
    }

    /**
     * The same, from what was checked before only, never reading the database: for a key {@link #needsDatabase}
     * said was checked recently, on a thread that must not block.
     */
    public Optional<KeyHolder> checkCached(String presented) {
        return check(presented, false);
    }

    private Optional<KeyHolder> check(String presented, boolean mayLoad) {
        var matcher = KEY.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String id = matcher.group(1);
        byte[] hash = Sha256.hex(matcher.group(2)).getBytes(StandardCharsets.US_ASCII);
        long now = System.nanoTime();
        Checked cached = checked.get(id);
        if (cached == null && !mayLoad) {
            return Optional.empty();
        }
        if (cached == null || mayLoad && now - cached.checkedAt() > cacheNanos) {
            cached = new Checked(load(id), now);
            checked.put(id, cached);
        }
        Stored stored = cached.stored();
        // Compared in constant time: the time taken says nothing about how much of the secret was right.
        if (stored == null || !MessageDigest.isEqual(hash, stored.secretHash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(stored.holder());
    }

    private record Stored(String secretHash, KeyHolder holder) {
    }

    private record Checked(Stored stored, long checkedAt) {
    }

    @Transactional
    Stored load(String id) {
        ApiKeyRecord record = ApiKeyRecord.findById(id);
        if (record == null || record.revokedAt != null) {
            return null;
        }
        return new Stored(record.secretHash, new KeyHolder(record.keyId, record.name,
                Set.copyOf(Arrays.asList(record.roles.split(","))), record.centre));
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
