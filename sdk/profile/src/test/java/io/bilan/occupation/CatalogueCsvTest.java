package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A centre's own catalogue in CSV: read in full, or refused with every problem and its line. */
class CatalogueCsvTest {

    @Test
    void readsEveryColumn() throws Exception {
        OccupationCatalogue catalogue = CatalogueSources.load("csv:src/test/resources/csv/centre.csv");

        Occupation mechanic = catalogue.find("bike-mechanic").orElseThrow();
        assertEquals("Mécanicien ou mécanicienne cycles", mechanic.title().resolve("fr", "en"));
        assertEquals("Bicycle mechanic", mechanic.title().resolve("en", "fr"));
        assertEquals(Sector.CRAFTS_TRADES, mechanic.sector());
        assertEquals(2, mechanic.level());
        assertEquals("7234", mechanic.isco());
        assertEquals(6.5, mechanic.interests().get(RiasecArea.REALISTIC));
        assertEquals(5.5, mechanic.values().get(WorkValue.INDEPENDENCE));
        assertEquals(List.of(new Occupation.RequiredCompetence(Competence.PROBLEM_SOLVING, 3),
                new Occupation.RequiredCompetence(Competence.ATTENTION_TO_DETAIL, 3),
                new Occupation.RequiredCompetence(Competence.CUSTOMER_ORIENTATION, 2)), mechanic.competences());
        assertEquals(2, mechanic.routes().size());
        assertEquals("CAP in vehicle maintenance", mechanic.routes().get(0).resolve("en", "fr"));

        Occupation adviser = catalogue.find("career-adviser").orElseThrow();
        assertEquals(Map.of(), adviser.values(), "empty value cells: no values");
        assertEquals(null, adviser.isco(), "an empty isco cell: unknown");
        assertEquals(List.of(), adviser.routes());
    }

    @Test
    void readsTheFrenchDetails() throws Exception {
        OccupationCatalogue catalogue = CatalogueSources.load("csv:src/test/resources/csv/french-details.csv");
        Occupation nurse = catalogue.find("night-nurse").orElseThrow();
        assertEquals(List.of("J1506"), nurse.rome());
        assertEquals(6, nurse.qualification());
        assertEquals(36, nurse.trainingMonths());
        assertEquals(java.util.Set.of(WorkingCondition.NIGHT_WORK, WorkingCondition.EMOTIONAL_LOAD), nurse.conditions());
        assertEquals("the centre's catalogue", nurse.sources().conditions());
        Occupation trainer = catalogue.find("nurse-trainer").orElseThrow();
        assertEquals(List.of("K2111", "J1502"), trainer.rome());
        assertEquals(List.of("night-nurse"), trainer.requires());
    }

    @Test
    void refusesAFileWithEveryProblemAndItsLine() {
        CatalogueException failure = assertThrows(CatalogueException.class,
                () -> CatalogueSources.load("csv:src/test/resources/csv/broken.csv"));
        assertEquals(List.of(
                "line 2: id must be lower-case words joined by hyphens, e.g. registered-nurse",
                "line 3: unknown sector \"hospital\"; known: " + java.util.Arrays.stream(Sector.values()).map(Sector::id).toList(),
                "line 4: column R: not a number: \"x\"",
                "line 5: routes_fr and routes_en give 2 and 1 routes; give them in the same order",
                "line 6: cook: isco must be an ISCO-08 unit group, 4 digits such as \"2221\", not \"512\""),
                failure.problems());
    }

    @Test
    void anIscoUnitGroupInJsonIsAString() {
        CatalogueException failure = assertThrows(CatalogueException.class,
                () -> CatalogueSources.load("json:src/test/resources/json/isco-number.json"));
        assertEquals(List.of("[0] soldier: isco must be a string of 4 digits, e.g. \"2221\" (a number loses leading"
                + " zeros)"), failure.problems());
    }

    @Test
    void anUnknownSourceIsNamed() {
        CatalogueException failure = assertThrows(CatalogueException.class, () -> CatalogueSources.load("ftp:x"));
        assertEquals("ftp:x: 1 problem: not a catalogue source: expected built-in, onet:<folder>, esco:<folder>, rome:<folder>, csv:<file> or json:<file>",
                failure.getMessage());
    }
}
