package io.bilan.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passwords of staff accounts as Argon2id hashes (RFC 9106), written in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}: the parameters and the salt travel with each hash, so stronger
 * parameters can be adopted later without invalidating the stored ones ({@link #needsRehash}). The defaults are
 * OWASP's recommendation for Argon2id: 19 MiB of memory, 2 passes, 1 lane. The one class that uses Bouncy Castle.
 */
public final class PasswordHash {

    /** The parameters of new hashes. */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's minimum for Argon2id. */
        public static final Parameters DEFAULT = new Parameters(19 * 1024, 2, 1);
    }

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Longer passwords are refused before hashing: the work of a hash should not be the caller's to choose. */
    public static final int MAX_PASSWORD_LENGTH = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private PasswordHash() {
    }

    /** The hash of {@code password} with a new random salt and the default parameters. */
    public static String hash(String password) {
        return hash(password, Parameters.DEFAULT);
    }

    /** The hash of {@code password} with a new random salt and the given parameters. */
    public static String hash(String password, Parameters parameters) {
        if (password == null || password.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password of at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code stored} was made from. A malformed stored value matches nothing; the
     * comparison takes the same time however much of the hash agrees.
     */
    public static boolean matches(String password, String stored) {
        if (password == null || stored == null || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        Matcher phc = PHC.matcher(stored);
        if (!phc.matches()) {
            return false;
        }
        Parameters parameters = new Parameters(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)));
        if (parameters.memoryKiB() < 8 * parameters.parallelism() || parameters.memoryKiB() > 1024 * 1024
                || parameters.iterations() < 1
                || parameters.parallelism() < 1) {
            return false;
        }
        byte[] salt = B64_DECODER.decode(phc.group(4));
        byte[] expected = B64_DECODER.decode(phc.group(5));
        return MessageDigest.isEqual(expected, derive(password, salt, parameters, expected.length));
    }

    /** Whether {@code stored} was made with other parameters than the current ones, to hash again at sign-in. */
    public static boolean needsRehash(String stored) {
        Matcher phc = stored == null ? null : PHC.matcher(stored);
        return phc == null || !phc.matches()
                || !new Parameters(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                        Integer.parseInt(phc.group(3))).equals(Parameters.DEFAULT);
    }

    private static byte[] derive(String password, byte[] salt, Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
