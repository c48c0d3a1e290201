package io.bilan.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256: of key secrets, link tokens, approved syntheses and catalogue listings. */
public final class Sha256 {

    private Sha256() {
    }

    /**
     * One digest per thread, reset before each use: every authenticated request hashes its key's secret, and
     * looking the algorithm up among the security providers each time cost more than the hash of 43 characters.
     */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    /** The digest of {@code parts} read one after the other. */
    public static byte[] of(byte[]... parts) {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
