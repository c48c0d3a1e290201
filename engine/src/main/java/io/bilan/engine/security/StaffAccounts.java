package io.bilan.engine.security;

import io.bilan.engine.config.StaffConfig;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accounts of centres' staff: created by an admin of the centre (the first one by the command
 * {@code bilan-engine create-admin}), each with an email, a name, a password and the roles the API knows. An admin
 * gives a new one-time password, which its holder replaces at the next sign-in; a disabled account signs in no more.
 * Every change is scoped to the admin's centre: an account of another centre is not found.
 */
@ApplicationScoped
public class StaffAccounts {

    /** How staff are named as callers: {@code user:<account id>}. */
    public static final String SUBJECT_PREFIX = "user:";
    /** The roles an account may have: staff of a centre. */
    public static final List<String> ROLES = List.of(Roles.COUNSELLOR, Roles.ADMIN);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CENTRE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final StaffSessions sessions;
    private final SignInLimits limits;
    private final StaffConfig config;
    private final Clock clock;
    /** Checked against when no account has the email, so that the answer takes as long either way. */
    private volatile String decoy;

    StaffAccounts(StaffSessions sessions, SignInLimits limits, StaffConfig config, Clock clock) {
        this.sessions = sessions;
        this.limits = limits;
        this.config = config;
        this.clock = clock;
    }

    /** An account as admins see it; never its password. */
    public record Account(String id, String centre, String email, String name, List<String> roles,
            boolean mustChangePassword, String createdBy, OffsetDateTime createdAt, String disabledBy,
            OffsetDateTime disabledAt) {

        static Account of(StaffAccount row) {
            return new Account(row.id, row.centre, row.email, row.name, List.of(row.roles.split(",")),
                    row.mustChangePassword, row.createdBy, row.createdAt, row.disabledBy, row.disabledAt);
        }

        /** Who they are for the API and in every record: {@code user:<id>}. */
        public String subject() {
            return SUBJECT_PREFIX + id;
        }

        public boolean disabled() {
            return disabledAt != null;
        }

        public boolean is(String role) {
            return roles.contains(role);
        }
    }

    /** An account with a one-time password, shown this once and to be replaced at the first sign-in. */
    public record WithPassword(Account account, String oneTimePassword) {
    }

    /** How a sign-in went. */
    public sealed interface SignIn permits SignedIn, Refused, Limited {
    }

    /** Signed in: the session to set in the cookie. */
    public record SignedIn(Account account, StaffSessions.Opened session) implements SignIn {
    }

    /** Wrong email or password, or ({@code disabled}) the right password of a disabled account. */
    public record Refused(boolean disabled) implements SignIn {
    }

    /** Too many failures for the account or from the address: try again after {@code retryAfter}. */
    public record Limited(Duration retryAfter) implements SignIn {
    }

    /** Creates an account of {@code centre} with a one-time password. */
    @Transactional
    public WithPassword create(String centre, String email, String name, List<String> roles, String createdBy) {
        String normalized = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        List<ProblemDetails.Error> errors = new ArrayList<>();
        if (centre == null || !CENTRE.matcher(centre).matches()) {
            errors.add(error("/centre", "invalid-centre",
                    "a centre id is 1 to 64 lower-case letters, digits and hyphens, e.g. cibc-lyon"));
        }
        if (normalized == null || normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            errors.add(error("/email", "invalid-email", "give an email address, e.g. camille.roux@cibc-lyon.fr"));
        } else if (StaffAccount.count("email", normalized) > 0) {
            errors.add(error("/email", "email-taken", "an account has this email already"));
        }
        checkName(name, errors);
        checkRoles(roles, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String password = oneTimePassword();
        StaffAccount row = new StaffAccount();
        row.id = randomId();
        row.centre = centre;
        row.email = normalized;
        row.name = name.strip();
        row.roles = String.join(",", new LinkedHashSet<>(roles));
        row.passwordHash = PasswordHash.hash(password);
        row.mustChangePassword = true;
        row.passwordSetAt = OffsetDateTime.now(clock);
        row.createdBy = createdBy;
        row.createdAt = row.passwordSetAt;
        row.persist();
        return new WithPassword(Account.of(row), password);
    }

    /** The accounts of a centre, by name. */
    @Transactional
    public List<Account> ofCentre(String centre) {
        return StaffAccount.<StaffAccount>find("centre = ?1 order by lower(name), email", centre).stream()
                .map(Account::of).toList();
    }

    /** The account {@code id} of {@code centre}; empty for an account of another centre. */
    @Transactional
    public Optional<Account> find(String centre, String id) {
        return row(centre, id).map(Account::of);
    }

    /** The account with this email, if any, whatever its centre: for the command that creates the first admin. */
    @Transactional
    public Optional<Account> byEmail(String email) {
        return email == null ? Optional.empty() : StaffAccount.<StaffAccount>find("email",
                email.strip().toLowerCase(Locale.ROOT)).firstResultOptional().map(Account::of);
    }

    /** Changes an account's name and roles; an admin cannot take their own admin role away. */
    @Transactional
    public Optional<Account> update(String centre, String id, String name, List<String> roles, String by) {
        Optional<StaffAccount> found = row(centre, id);
        found.ifPresent(row -> {
            List<ProblemDetails.Error> errors = new ArrayList<>();
            checkName(name, errors);
            checkRoles(roles, errors);
            if (by.equals(SUBJECT_PREFIX + row.id) && roles != null && !roles.contains(Roles.ADMIN)) {
                errors.add(error("/roles", "own-admin-role", "you cannot take your own admin role away"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
            row.name = name.strip();
            row.roles = String.join(",", new LinkedHashSet<>(roles));
        });
        return found.map(Account::of);
    }

    /** Disables an account (its sessions end at once) or enables it again; an admin cannot disable themselves. */
    @Transactional
    public Optional<Account> setDisabled(String centre, String id, boolean disabled, String by) {
        Optional<StaffAccount> found = row(centre, id);
        found.ifPresent(row -> {
            if (disabled && by.equals(SUBJECT_PREFIX + row.id)) {
                throw InvalidRequestException.at("/disabled", "own-account", "you cannot disable your own account");
            }
            if (disabled && row.disabledAt == null) {
                row.disabledAt = OffsetDateTime.now(clock);
                row.disabledBy = by;
                sessions.endAllOf(row.id, null);
            } else if (!disabled) {
                row.disabledAt = null;
                row.disabledBy = null;
            }
        });
        return found.map(Account::of);
    }

    /**
     * Gives an account a new one-time password, to be replaced at the next sign-in: its sessions end and its failed
     * sign-ins are forgotten.
     */
    public Optional<WithPassword> resetPassword(String centre, String id, String by) {
        String password = oneTimePassword();
        String hash = PasswordHash.hash(password);
        Optional<Account> reset = QuarkusTransaction.requiringNew().call(() -> {
            Optional<StaffAccount> found = row(centre, id);
            found.ifPresent(row -> {
                row.passwordHash = hash;
                row.mustChangePassword = true;
                row.passwordSetAt = OffsetDateTime.now(clock);
                sessions.endAllOf(row.id, null);
            });
            return found.map(Account::of);
        });
        reset.ifPresent(account -> limits.clearAccount(account.email()));
        return reset.map(account -> new WithPassword(account, password));
    }

    /**
     * The holder of a session sets their own password, giving their current one (or the one-time password); their
     * other sessions end.
     */
    public void changePassword(String accountId, String sessionId, String current, String chosen, String confirmed) {
        StaffAccount row = QuarkusTransaction.requiringNew().call(() -> StaffAccount.<StaffAccount>findById(accountId));
        List<ProblemDetails.Error> errors = new ArrayList<>();
        if (row == null || !PasswordHash.matches(current, row.passwordHash)) {
            errors.add(error("/current", "wrong-password", "this is not your current password"));
        }
        if (chosen == null || chosen.length() < config.minPasswordLength()
                || chosen.length() > PasswordHash.MAX_PASSWORD_LENGTH) {
            errors.add(error("/password", "password-too-short", "choose a password of at least "
                    + config.minPasswordLength() + " characters"));
        } else if (chosen.equals(current) || row != null && chosen.strip().equalsIgnoreCase(row.email)) {
            errors.add(error("/password", "password-not-new", "choose a password other than your current one and your email"));
        } else if (!chosen.equals(confirmed)) {
            errors.add(error("/confirm", "password-mismatch", "type the same password twice"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String hash = PasswordHash.hash(chosen);
        QuarkusTransaction.requiringNew().run(() -> {
            StaffAccount stored = StaffAccount.findById(accountId);
            stored.passwordHash = hash;
            stored.mustChangePassword = false;
            stored.passwordSetAt = OffsetDateTime.now(clock);
            sessions.endAllOf(accountId, sessionId);
        });
    }

    /**
     * Signs a person in with their email and password, from {@code address}. Failures are limited per account and per
     * address ({@link SignInLimits}); an unknown email takes as long to refuse as a wrong password.
     */
    public SignIn signIn(String email, String password, String address) {
        if (email == null || email.isBlank() || email.length() > 254 || password == null
                || password.length() > PasswordHash.MAX_PASSWORD_LENGTH) {
            return new Refused(false);
        }
        SignInLimits.Decision decision = limits.attempt(email, address);
        if (decision instanceof SignInLimits.Limited limited) {
            return new Limited(limited.retryAfter());
        }
        SignInLimits.Allowed allowed = (SignInLimits.Allowed) decision;
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        StaffAccount row = QuarkusTransaction.requiringNew().call(() -> StaffAccount.<StaffAccount>find("email",
                normalized).firstResult());
        boolean right = PasswordHash.matches(password, row == null ? decoy() : row.passwordHash);
        if (row == null || !right) {
            limits.failed(allowed);
            return new Refused(false);
        }
        limits.succeeded(allowed);
        if (row.disabledAt != null) {
            return new Refused(true);
        }
        String rehashed = PasswordHash.needsRehash(row.passwordHash) ? PasswordHash.hash(password) : null;
        return QuarkusTransaction.requiringNew().call(() -> {
            StaffAccount stored = StaffAccount.findById(row.id);
            if (rehashed != null) {
                stored.passwordHash = rehashed;
            }
            return new SignedIn(Account.of(stored), sessions.open(stored.id));
        });
    }

    /** The shortest password a person may choose. */
    public int minPasswordLength() {
        return config.minPasswordLength();
    }

    private Optional<StaffAccount> row(String centre, String id) {
        return Optional.ofNullable(id == null || id.length() > 16 ? null : StaffAccount.<StaffAccount>findById(id))
                .filter(row -> row.centre.equals(centre));
    }

    private String decoy() {
        if (decoy == null) {
            decoy = PasswordHash.hash(oneTimePassword());
        }
        return decoy;
    }

    private static void checkName(String name, List<ProblemDetails.Error> errors) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            errors.add(error("/name", "invalid-name", "give a name of 1 to 200 characters"));
        }
    }

    private static void checkRoles(List<String> roles, List<ProblemDetails.Error> errors) {
        if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
            errors.add(error("/roles", "invalid-roles", "give one or both of the roles " + ROLES));
        }
    }

    private static ProblemDetails.Error error(String pointer, String code, String message) {
        return new ProblemDetails.Error(code, pointer, message, null, "error");
    }

    /** Sixteen letters and digits without look-alikes, in groups of four: about 79 bits. */
    private String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    private String randomId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
