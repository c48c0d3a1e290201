package io.bilan.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A presented key is {@code bilan_}, a 16-character base32 id, {@code _} and a 43-character base64url secret. */
class PresentedKeyTest {

    private static final String ID = "abcdefghijklmz27";
    private static final String SECRET = "AZaz09_-" + "x".repeat(35);

    @Test
    void splitsAWellFormedKey() {
        ApiKeys.Presented key = ApiKeys.Presented.of("bilan_" + ID + "_" + SECRET);
        assertEquals(ID, key.id());
        assertEquals(SECRET, key.secret());
    }

    @Test
    void refusesAnythingElse() {
        String[] refused = {
            "",
            "bilan_",
            "Bilan_" + ID + "_" + SECRET,
            "bilan-" + ID + "_" + SECRET,
            "bilan_" + ID + "-" + SECRET,
            "bilan_" + ID + "_" + SECRET + "x",
            "bilan_" + ID + "_" + SECRET.substring(1),
            "bilan_" + ID + "x_" + SECRET.substring(1),
            "bilan_abcdefghijklmn18_" + SECRET,
            "bilan_ABCDEFGHIJKLMNOP_" + SECRET,
            "bilan_" + ID + "_" + SECRET.substring(1) + "=",
            "bilan_" + ID + "_" + SECRET.substring(1) + "+",
            "bilan_" + ID + "_" + SECRET.substring(1) + "é",
        };
        for (String presented : refused) {
            assertNull(ApiKeys.Presented.of(presented), presented);
        }
    }
}
