package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Search as people use it, on the built-in catalogue: titles, ROME job titles, sectors, descriptions, competences. */
class OccupationSearchTest {

    private static final OccupationCatalogue BUILT_IN = OccupationCatalogue.builtIn();

    private static List<String> ids(String text) {
        return BUILT_IN.search(new OccupationQuery(text, null, null)).stream().map(Occupation::id).toList();
    }

    private static String stem(String word) {
        return OccupationSearch.stems(word).get(0);
    }

    @Test
    void frenchEndingsAreBroughtToOneStem() {
        assertEquals(stem("formateur"), stem("formatrices"));
        assertEquals(stem("infirmier"), stem("infirmières"));
        assertEquals(stem("social"), stem("sociaux"));
        assertEquals(stem("éducatif"), stem("éducative"));
        assertEquals(stem("professionnel"), stem("professionnelles"));
        assertEquals(List.of("infirmier", "ecol", "scolair"), OccupationSearch.stems("Infirmière de l'École scolaire"),
                "accents and case folded, stop words (de, l) left out");
    }

    @Test
    void aWordFindsTheOccupationsWhoseTitleHasItFirst() {
        List<String> trainers = ids("formatrice");
        assertEquals(trainers, ids("FORMATEUR"), "accent, case and gender do not matter");
        assertTrue(trainers.indexOf("vocational-adult-trainer") < 5, trainers::toString);
        assertTrue(trainers.containsAll(List.of("first-aid-trainer", "patient-education-trainer", "nursing-school-trainer",
                "trainer-of-trainers")), trainers::toString);
        assertEquals("school-nurse", ids("infirmière scolaire").get(0));
        assertEquals("care-coordinator-nurse", ids("IDEC").get(0));
    }

    @Test
    void theSectorAndTheRomeJobTitlesAreSearched() {
        List<String> health = ids("santé");
        assertTrue(health.size() >= 50, "every health occupation: " + health.size());
        assertTrue(health.indexOf("health-care-manager") < health.indexOf("registered-nurse")
                || health.indexOf("health-care-manager") < 10, "« Cadre de santé » has it in its title");
        // "Infirmier / Infirmière de secteur psychiatrique" is one of ROME's titles of J1506, not a title of ours
        assertTrue(ids("infirmier secteur psychiatrique").contains("registered-nurse"));
        // "Formateur / Formatrice secourisme" is a ROME title of K2111
        assertTrue(ids("secourisme").contains("first-aid-trainer"));
        assertTrue(ids("gestes d'urgence").get(0).equals("first-aid-trainer"));
    }

    @Test
    void descriptionsAndCompetencesAreSearchedWithLessWeight() {
        List<String> found = ids("asepsie");
        assertEquals(List.of("operating-room-nurse"), found, "a word of its description only");
        List<String> empathy = ids("empathie");
        assertTrue(empathy.contains("registered-nurse") && empathy.size() > 20, empathy::toString);
    }

    @Test
    void nothingMatchesIsAnEmptyList() {
        assertEquals(List.of(), ids("zzyzx"));
    }
}
