package io.bilan.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The framework is data every package, profile and occupation relies on: its shape is checked here. */
class CompetenceTest {

    @Test
    void theFrameworkHoldsTwentyToThirtyCompetencesWithUniqueKebabCaseIds() {
        Competence[] all = Competence.values();
        assertTrue(all.length >= 20 && all.length <= 30, "size " + all.length);
        Set<String> ids = new HashSet<>();
        for (Competence competence : all) {
            assertTrue(competence.id().matches("[a-z]+(-[a-z]+)*"), competence.id());
            assertTrue(ids.add(competence.id()), "duplicate " + competence.id());
        }
    }

    @Test
    void everyCompetenceHasDistinctLabelsAndADescriptionInFrenchAndEnglish() {
        for (String language : new String[] {"fr", "en"}) {
            Set<String> labels = new HashSet<>();
            for (Competence competence : Competence.values()) {
                assertTrue(labels.add(competence.label(language)), "label used twice: " + competence.label(language));
                assertTrue(competence.description(language).endsWith("."), competence + " " + language);
            }
        }
        assertEquals("Écouter activement", Competence.ACTIVE_LISTENING.label("fr"));
        assertEquals("Active listening", Competence.ACTIVE_LISTENING.label("de"), "other languages fall back to English");
    }

    @Test
    void escoUrisAreWellFormedAndNeverShared() {
        long withUri = Arrays.stream(Competence.values()).filter(c -> c.escoUri().isPresent()).count();
        assertEquals(withUri, Arrays.stream(Competence.values()).flatMap(c -> c.escoUri().stream()).distinct().count());
        for (Competence competence : Competence.values()) {
            competence.escoUri().ifPresent(uri -> assertTrue(
                    uri.matches("http://data\\.europa\\.eu/esco/skill/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"), uri));
        }
    }

    @Test
    void theDocumentedTableMatchesTheFramework() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/competence-framework.md"));
        for (Competence competence : Competence.values()) {
            String row = "| `" + competence.id() + "` | " + competence.label("en") + " — " + competence.description("en")
                    + " | " + competence.label("fr") + " — " + competence.description("fr") + " | ";
            assertTrue(page.contains(row), "docs/competence-framework.md lacks or differs for " + competence.id());
            competence.escoUri().ifPresent(uri -> assertTrue(page.contains("(" + uri + ")"), uri));
        }
    }

    @Test
    void aCompetenceIsFoundByIdOrByItsEscoUri() {
        assertEquals(Optional.of(Competence.TEAMWORK), Competence.find("teamwork"));
        assertEquals(Optional.of(Competence.TEAMWORK),
                Competence.find("http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"));
        assertEquals(Optional.empty(), Competence.find("juggling"));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Competence.of("juggling"));
        assertTrue(failure.getMessage().contains("active-listening"), "names the known ids");
    }

    @Test
    void packagesMayCiteFrameworkIdsAndAnyEscoSkillUri() {
        assertTrue(Competence.isCitable("active-listening"));
        assertTrue(Competence.isCitable("http://data.europa.eu/esco/skill/0000-abc"));
        assertFalse(Competence.isCitable("juggling"));
        assertFalse(Competence.isCitable("http://data.europa.eu/esco/skill/"));
        assertFalse(Competence.isCitable("http://data.europa.eu/esco/skill/a b"));
        assertFalse(Competence.isCitable("http://data.europa.eu/esco/occupation/1234"));
        assertFalse(Competence.isCitable(null));
    }
}
