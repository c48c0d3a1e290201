package io.bilan.engine.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {

    private static final String CASE = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String OTHER = "3f1c2a9e-0000-4000-8000-000000000002";

    @TempDir
    Path folder;

    @Test
    void sealsWithARandomIvAndOpensOnlyWithTheOwnersKey() throws Exception {
        Keyring keyring = new Keyring(folder);
        String first = keyring.seal(CASE, "démarche de reconversion");
        String second = keyring.seal(CASE, "démarche de reconversion");
        assertTrue(first.startsWith(Keyring.SEALED));
        assertNotEquals(first, second, "a new IV each time");
        assertFalse(first.contains("reconversion"));
        assertEquals("démarche de reconversion", keyring.open(CASE, first));
        assertEquals(32, Files.size(folder.resolve(CASE + ".key")));
        keyring.seal(OTHER, "x");
        // Copied into another case's row, a value does not open.
        assertThrows(IllegalStateException.class, () -> keyring.open(OTHER, first));
        byte[] body = "{\"demand\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, keyring.open(CASE, keyring.seal(CASE, body)));
        // Written before sealing: read as it is.
        assertEquals("plain", keyring.open(CASE, "plain"));
        assertArrayEquals(body, keyring.open(CASE, body));
    }

    @Test
    void aDestroyedKeyOpensNothingAgainEvenInAnotherInstance() {
        Keyring keyring = new Keyring(folder);
        String sealed = keyring.seal(CASE, "synthèse");
        keyring.markErasing(CASE);
        assertEquals(Set.of(CASE), keyring.pendingErasures());
        keyring.destroy(CASE);
        assertFalse(Files.exists(folder.resolve(CASE + ".key")));
        assertEquals(Set.of(), keyring.pendingErasures());
        assertThrows(IllegalStateException.class, () -> keyring.open(CASE, sealed));
        assertThrows(IllegalStateException.class, () -> new Keyring(folder).open(CASE, sealed));
    }

    @Test
    void keysAreSharedThroughTheFolderAndLookupHashesAreKeyed() {
        Keyring one = new Keyring(folder);
        String sealed = one.seal(CASE, "contact");
        Keyring two = new Keyring(folder);
        assertEquals("contact", two.open(CASE, sealed));
        assertEquals(one.lookupHash("subject"), two.lookupHash("subject"));
        assertEquals(64, one.lookupHash("subject").length());
        assertNotEquals(one.lookupHash("subject"), new Keyring(folder.resolve("elsewhere")).lookupHash("subject"));
        assertThrows(IllegalArgumentException.class, () -> one.seal("../escape", "x"));
        assertThrows(IllegalArgumentException.class, () -> one.destroy("lookup"));
    }
}
