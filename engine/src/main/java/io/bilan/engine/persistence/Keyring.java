package io.bilan.engine.persistence;

import io.bilan.engine.config.EngineConfig;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys personal data is encrypted with, one per case, kept outside the database: a folder with one small file per
 * case ({@code bilan.erasure.keyring-dir}, by default {@code <data-dir>/keyring}). Erasing a case destroys its file,
 * so what the database still holds of the case (H2's free pages, PostgreSQL's dead tuples and WAL, any backup of the
 * database) is ciphertext nobody can read any more. The only class that uses {@code javax.crypto}.
 *
 * <p>Values are sealed with AES-256-GCM under the owner's key, a random 96-bit IV each time, and the owner's id as
 * associated data (a value copied into another case's row does not open). A sealed text reads
 * {@code sealed:v1:<base64 of IV and ciphertext>}; sealed bytes start with {@link #SEALED_BYTES}. A value without the
 * mark is plaintext written before values were sealed, and is read as it is until it is sealed at start-up.
 */
@ApplicationScoped
public class Keyring {

    /** What every sealed text starts with. */
    public static final String SEALED = "sealed:v1:";

    /** What sealed bytes start with: a NUL, never the first byte of a JSON document. */
    static final byte[] SEALED_BYTES = {0, 's', '1'};

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String LOOKUP = "lookup";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile Keyring current;

    private final Path folder;
    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();

    @Inject
    Keyring(EngineConfig config) {
        this(config.erasure().keyringDir().orElse(config.dataDir().resolve("keyring")));
    }

    Keyring(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** The engine's keyring, for entities (which are not beans). */
    public static Keyring get() {
        Keyring keyring = current;
        if (keyring == null) {
            keyring = Arc.container().instance(Keyring.class).get();
            current = keyring;
        }
        return keyring;
    }

    /** The folder of the key files. */
    public Path folder() {
        return folder;
    }

    /** {@code value} encrypted under the key of {@code owner}, which is created if the owner has none yet. */
    public String seal(String owner, String value) {
        if (value == null) {
            return null;
        }
        return SEALED + Base64.getEncoder().encodeToString(encrypt(owner, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plaintext of a value {@link #seal sealed} for {@code owner}; an unsealed value as it is. */
    public String open(String owner, String stored) {
        if (stored == null || !stored.startsWith(SEALED)) {
            return stored;
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        return new String(decrypt(owner, sealed), StandardCharsets.UTF_8);
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED);
    }

    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length >= SEALED_BYTES.length
                && Arrays.equals(stored, 0, SEALED_BYTES.length, SEALED_BYTES, 0, SEALED_BYTES.length);
    }

    public byte[] seal(String owner, byte[] value) {
        if (value == null) {
            return null;
        }
        byte[] sealed = encrypt(owner, value);
        byte[] stored = Arrays.copyOf(SEALED_BYTES, SEALED_BYTES.length + sealed.length);
        System.arraycopy(sealed, 0, stored, SEALED_BYTES.length, sealed.length);
        return stored;
    }

    public byte[] open(String owner, byte[] stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        return decrypt(owner, Arrays.copyOfRange(stored, SEALED_BYTES.length, stored.length));
    }

    /**
     * A keyed hash (HMAC-SHA-256) of {@code value}, to find rows by a sealed value (the cases of a beneficiary) without
     * storing it: without the keyring's lookup key, nobody can test guesses against it.
     */
    public String lookupHash(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(LOOKUP).getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Whether {@code owner} has a key. */
    public boolean holds(String owner) {
        return keys.containsKey(owner) || Files.exists(file(owner));
    }

    /**
     * Destroys the key of {@code owner}: its file is overwritten with random bytes, flushed to the disk, then deleted.
     * Whatever was sealed for the owner can never be opened again.
     */
    public void destroy(String owner) {
        Path file = file(owner);
        keys.remove(owner);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] noise = new byte[(int) Math.max(channel.size(), 32)];
            RANDOM.nextBytes(noise);
            channel.write(ByteBuffer.wrap(noise), 0);
            channel.force(true);
        } catch (NoSuchFileException e) {
            unmarkErasing(owner);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot overwrite the key file " + file, e);
        }
        try {
            Files.deleteIfExists(file);
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the key file " + file, e);
        }
        keys.remove(owner);
        unmarkErasing(owner);
    }

    /**
     * Notes, durably, that the owner's key is to be destroyed once the erasure commits: if the engine stops in between,
     * {@link #pendingErasures} tells at the next start which keys to destroy (those whose case is gone).
     */
    public void markErasing(String owner) {
        Path mark = folder.resolve(checked(owner) + ".erasing");
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(mark, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            syncFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the keyring " + folder, e);
        }
    }

    /** Forgets an erasure that did not commit. */
    public void unmarkErasing(String owner) {
        try {
            Files.deleteIfExists(folder.resolve(checked(owner) + ".erasing"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the keyring " + folder, e);
        }
    }

    /** The owners marked by {@link #markErasing} whose erasure may not have been completed. */
    public Set<String> pendingErasures() {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".erasing"))
                    .map(name -> name.substring(0, name.length() - ".erasing".length()))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the keyring " + folder, e);
        }
    }

    private byte[] encrypt(String owner, byte[] plain) {
        checked(owner);
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(owner), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with AES-GCM", e);
        }
    }

    private byte[] decrypt(String owner, byte[] sealed) {
        checked(owner);
        SecretKey key = existingKey(owner);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a value of " + owner + " does not open with its key", e);
        }
    }

    private SecretKey existingKey(String owner) {
        SecretKey key = keys.computeIfAbsent(owner, o -> {
            try {
                return new SecretKeySpec(Files.readAllBytes(folder.resolve(o + ".key")), "AES");
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key file of " + o, e);
            }
        });
        if (key == null) {
            throw new IllegalStateException("no key for " + owner + " in the keyring " + folder
                    + ": it was erased, or the keyring is not the one this database was written with");
        }
        return key;
    }

    /** The owner's key, created (and durably written) the first time. */
    private SecretKey key(String owner) {
        return keys.computeIfAbsent(owner, o -> {
            Path file = folder.resolve(o + ".key");
            try {
                if (Files.exists(file)) {
                    return new SecretKeySpec(Files.readAllBytes(file), "AES");
                }
                Files.createDirectories(folder);
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                Path temporary = Files.createTempFile(folder, o, ".new");
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(bytes));
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                syncFolder();
                return new SecretKeySpec(bytes, "AES");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the key file of " + o + " in " + folder, e);
            }
        });
    }

    /** The key file of a case (checked to be one, never the lookup key). */
    private Path file(String owner) {
        return folder.resolve(checked(owner) + ".key");
    }

    private static String checked(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches() || owner.equals(LOOKUP)) {
            throw new IllegalArgumentException("not a key owner: a case id is expected");
        }
        return owner;
    }

    /** Makes a file's creation or deletion durable (a no-op where folders cannot be opened, as on Windows). */
    private void syncFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file itself was flushed; only its folder entry may wait for the next sync of the file system.
        }
    }
}
