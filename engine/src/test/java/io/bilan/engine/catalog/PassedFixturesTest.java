package io.bilan.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the list of passed fixtures: what is not a well-formed entry is left out, never guessed at. */
class PassedFixturesTest {

    private static final String DIGEST = "sha256:" + "a1".repeat(32);
    private static final String OTHER_DIGEST = "sha256:" + "b2".repeat(32);
    private static final String IDENTITY = "c3".repeat(32);

    @TempDir
    Path folder;

    @Test
    void readsOneDigestAndIdentityPerLineAroundCommentsAndBlankLines() throws Exception {
        Path list = folder.resolve("fixtures-passed.txt");
        Files.writeString(list, "# the build's list\n\n  " + DIGEST + "\t" + IDENTITY + "  \n");

        PassedFixtures passed = PassedFixtures.read(Optional.of(list));

        assertEquals(1, passed.size());
        assertEquals(IDENTITY, passed.passedUnder(DIGEST));
        assertNull(passed.passedUnder(OTHER_DIGEST));
    }

    @Test
    void leavesOutLinesThatAreNotADigestAndAnIdentity() throws Exception {
        Path list = folder.resolve("fixtures-passed.txt");
        Files.writeString(list, String.join("\n",
                "a1".repeat(32) + " " + IDENTITY,                      // the digest without its algorithm
                DIGEST + " " + IDENTITY.toUpperCase(),                   // hex in capitals
                DIGEST,                                                  // no identity
                DIGEST + " " + IDENTITY + " extra",                      // a third field
                OTHER_DIGEST + " " + IDENTITY.substring(2),              // an identity too short
                OTHER_DIGEST + " " + IDENTITY));

        PassedFixtures passed = PassedFixtures.read(Optional.of(list));

        assertEquals(1, passed.size());
        assertEquals(IDENTITY, passed.passedUnder(OTHER_DIGEST));
        assertNull(passed.passedUnder(DIGEST));
    }

    @Test
    void noFileOrAMissingOneListsNothing() {
        assertEquals(0, PassedFixtures.read(Optional.empty()).size());
        assertEquals(0, PassedFixtures.read(Optional.of(folder.resolve("missing.txt"))).size());
    }
}
