package io.bilan.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** Passwords are kept as Argon2id hashes in the PHC format, salted, with their parameters, and checked exactly. */
class PasswordHashTest {

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String stored = PasswordHash.hash("correct horse battery staple");
        assertTrue(PasswordHash.matches("correct horse battery staple", stored));
        assertFalse(PasswordHash.matches("correct horse battery stapl", stored));
        assertFalse(PasswordHash.matches("Correct horse battery staple", stored));
        assertFalse(PasswordHash.matches("", stored));
        assertFalse(PasswordHash.matches(null, stored));
    }

    @Test
    void eachHashHasItsOwnSaltAndSaysItsParameters() {
        String first = PasswordHash.hash("même mot de passe");
        String second = PasswordHash.hash("même mot de passe");
        assertNotEquals(first, second);
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertTrue(PasswordHash.matches("même mot de passe", second));
        assertFalse(PasswordHash.needsRehash(first));
    }

    @Test
    void theHashIsArgon2idAsTheReferenceComputesIt() {
        // RFC 9106's test vector is for other inputs; here the PHC string is checked against a direct computation.
        String stored = PasswordHash.hash("password", new PasswordHash.Parameters(64, 3, 1));
        String[] parts = stored.split("\\$");
        assertEquals("m=64,t=3,p=1", parts[3]);
        byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(64).withIterations(3).withParallelism(1).withSalt(salt).build());
        byte[] expected = new byte[32];
        generator.generateBytes("password".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);
        assertEquals(HexFormat.of().formatHex(expected),
                HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(parts[5])));
        assertTrue(PasswordHash.matches("password", stored));
        assertTrue(PasswordHash.needsRehash(stored), "weaker parameters than the current ones are hashed again");
    }

    @Test
    void theRfc9106TestVectorOfArgon2idIsMet() {
        // RFC 9106, 5.3: Argon2id, version 0x13, 32 KiB, 3 passes, 4 lanes, with a secret and associated data.
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        byte[] password = new byte[32];
        java.util.Arrays.fill(password, (byte) 1);
        byte[] salt = new byte[16];
        java.util.Arrays.fill(salt, (byte) 2);
        byte[] secret = new byte[8];
        java.util.Arrays.fill(secret, (byte) 3);
        byte[] data = new byte[12];
        java.util.Arrays.fill(data, (byte) 4);
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32).withIterations(3).withParallelism(4).withSalt(salt).withSecret(secret)
                .withAdditional(data).build());
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HexFormat.of().formatHex(tag));
    }

    @Test
    void malformedOrAbsurdStoredValuesMatchNothing() {
        assertFalse(PasswordHash.matches("x", "plain text"));
        assertFalse(PasswordHash.matches("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"));
        assertFalse(PasswordHash.matches("x", "$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"),
                "10 GB of memory is not spent on a tampered hash");
        assertFalse(PasswordHash.matches("x", null));
        assertTrue(PasswordHash.needsRehash("plain text"));
    }

    @Test
    void passwordsLongerThanTheLimitAreNeitherHashedNorChecked() {
        String huge = "a".repeat(PasswordHash.MAX_PASSWORD_LENGTH + 1);
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash(huge));
        assertFalse(PasswordHash.matches(huge, PasswordHash.hash("a")));
    }
}
