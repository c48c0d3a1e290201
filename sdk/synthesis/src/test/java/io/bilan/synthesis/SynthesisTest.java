package io.bilan.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.synthesis.Synthesis.Approval;
import io.bilan.synthesis.Synthesis.Beneficiary;
import io.bilan.synthesis.Synthesis.Level;
import io.bilan.synthesis.Synthesis.Option;
import io.bilan.synthesis.Synthesis.Project;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the model accepts and refuses. */
class SynthesisTest {

    @Test
    void aLevelAboveOneIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Level("Communication orale", 1.2, null));
        assertTrue(error.getMessage().contains("1.2"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Level("Communication orale", -0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new Level("Communication orale", Double.NaN, null));
    }

    @Test
    void projectsAndOptionsNeedATitle() {
        assertThrows(IllegalArgumentException.class, () -> new Project(" ", null, "bonne"));
        assertThrows(IllegalArgumentException.class, () -> new Option(null, null, "bonne"));
    }

    @Test
    void onlyFrenchAndEnglishAreWritten() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Examples.bare("de"));
        assertTrue(error.getMessage().contains("de"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Examples.bare(null));
        assertEquals("fr", Examples.bare("fr").language());
        assertEquals("en", Examples.bare("en").language());
    }

    @Test
    void missingListsAreEmptyAndListsAreCopied() {
        Synthesis bare = Examples.bare("fr");
        assertEquals(List.of(), bare.counsellors());
        assertEquals(List.of(), bare.competences());
        assertEquals(List.of(), bare.roadmap());
        assertEquals(List.of(), bare.options());

        List<String> favourable = new ArrayList<>(List.of("Une motivation confirmée."));
        Synthesis synthesis = new Synthesis("fr", new Beneficiary("Lou Bernard", null), null, Examples.STARTED, null, 2,
                null, null, null, null, null, null, null, favourable, null, null, null, null, null);
        favourable.add("Ajouté après coup.");
        assertEquals(List.of("Une motivation confirmée."), synthesis.favourable());
        assertThrows(UnsupportedOperationException.class, () -> synthesis.favourable().add("x"));
    }

    @Test
    void interestsAreAllSixAreasOrNone() {
        List<Level> five = Collections.nCopies(5, new Level("Social", 0.5, null));
        assertThrows(IllegalArgumentException.class, () -> new Synthesis("fr", new Beneficiary("Lou Bernard", null),
                null, Examples.STARTED, null, 2, null, null, null, null, five, null, null, null, null, null, null, null,
                null));
    }

    @Test
    void theBilanCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new Synthesis("fr", new Beneficiary("Lou Bernard", null),
                null, Examples.STARTED, Examples.STARTED.minusDays(1), 2, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
    }

    @Test
    void anApprovalNamesItsDigest() {
        assertThrows(IllegalArgumentException.class, () -> new Approval(LocalDate.of(2026, 11, 26), "Amandine Roux", "9f2c"));
        assertThrows(IllegalArgumentException.class, () -> new Approval(LocalDate.of(2026, 11, 26), " ", Examples.DIGEST));
        assertFalse(Examples.french().approved());
        assertTrue(Examples.approved(Examples.french()).approved());
    }
}
