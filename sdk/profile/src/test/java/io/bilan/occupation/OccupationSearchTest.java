package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bilan.api.instrument.LocalizedText;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** ROME's short job titles write the feminine as « Agent(e) », « Chef(fe) »; a title names both genders once. */
    @Test
    void romeGenderMarksAndBothGendersAreReadAsOneWord() {
        assertEquals(List.of("agent", "administratif"), OccupationSearch.stems("Agent(e) administratif(tive)"));
        assertEquals(List.of("chef", "rayon"), OccupationSearch.stems("Chef(fe) de rayon"));
        assertEquals(List.of("infirmier", "bloc", "operatoir"),
                OccupationSearch.stems("Infirmier / Infirmière de bloc opératoire"));
        assertEquals(List.of("infirmier"), OccupationSearch.stems("Infirmier ou infirmière"));
        assertEquals(List.of("formateur", "formateur"), OccupationSearch.stems("Formateur / Formatrice de formateurs"),
                "a word repeated after another word is two words");
        assertEquals(List.of("animateur", "initiation", "tic"),
                OccupationSearch.stems("Animateur(trice) d'initiation aux (TIC)"), "an acronym in brackets is kept");
    }

    /**
     * The weights by hand, on three occupations: a caterer titled « Traiteur », a cook with the job titles « Traiteur /
     * Traiteuse » and « Cuisinier traiteur », a butcher with « Boucher-traiteur / Bouchère-traiteuse ».
     */
    @Test
    void wholeTitlesAndJobTitlesEarnMoreThanTheirWords() {
        Occupation caterer = occupation("caterer", "Traiteur", List.of());
        Occupation cook = occupation("cook", "Cuisinier", List.of("Traiteur / Traiteuse", "Cuisinier traiteur"));
        Occupation butcher = occupation("butcher", "Boucher", List.of("Boucher-traiteur / Bouchère-traiteuse"));
        OccupationSearch search = new OccupationSearch(List.of(caterer, cook, butcher));
        List<String> traiteuse = OccupationSearch.stems("traiteuse");
        assertEquals(10 + 5, search.score("caterer", traiteuse), 1e-9, "a title word, the whole title");
        assertEquals(6 + 5, search.score("cook", traiteuse), 1e-9, "a job title word, the whole job title");
        assertEquals(6, search.score("butcher", traiteuse), 1e-9, "a job title word only");
        List<String> both = OccupationSearch.stems("boucher traiteur");
        assertEquals(0, search.score("caterer", both), "every word must be found");
        assertEquals(10 + 6 + 4, search.score("butcher", both), 1e-9, "a title word, a job title word, together in it");
        assertEquals(10 + 6 + 4 + 5, search.score("cook", OccupationSearch.stems("cuisinière traiteuse")), 1e-9,
                "a title word, a job title word, the whole job title « Cuisinier traiteur »");
        assertEquals(10 * 0.8, search.score("caterer", OccupationSearch.stems("trait")), 1e-9, "a prefix");
        OccupationCatalogue three = OccupationCatalogue.of(List.of(butcher, cook, caterer));
        assertEquals(List.of("caterer", "cook", "butcher"),
                three.search(new OccupationQuery("Traiteur", null, null)).stream().map(Occupation::id).toList());
    }

    /**
     * The working conditions an occupation commonly involves are searched with the least weight, by hand: a nurse
     * titled « Infirmier » whose work has night shifts, a day nurse without, a night watchman titled « Veilleur de
     * nuit ».
     */
    @Test
    void workingConditionsAreSearchedBelowTitles() {
        Occupation nurse = occupation("nurse", "Infirmier", List.of(), Set.of(WorkingCondition.NIGHT_WORK,
                WorkingCondition.SHIFT_WORK));
        Occupation dayNurse = occupation("day-nurse", "Infirmier", List.of(), Set.of(WorkingCondition.DAYTIME_HOURS));
        Occupation watchman = occupation("watchman", "Veilleur de nuit", List.of(), Set.of());
        OccupationSearch search = new OccupationSearch(List.of(nurse, dayNurse, watchman));
        List<String> nightNurse = OccupationSearch.stems("infirmier de nuit");
        assertEquals(10 + 1, search.score("nurse", nightNurse), 1e-9,
                "a title word and « nuit » of « travail de nuit »");
        assertEquals(0, search.score("day-nurse", nightNurse), "no night work: « nuit » is not found");
        assertEquals(0, search.score("watchman", nightNurse), "« infirmier » is not found");
        List<String> night = OccupationSearch.stems("nuit");
        assertEquals(10, search.score("watchman", night), 1e-9, "a title word");
        assertEquals(1, search.score("nurse", night), 1e-9, "a working condition's word");
        assertEquals(1, search.score("nurse", OccupationSearch.stems("shifts")), 1e-9, "in English too");
        assertEquals(1, search.score("day-nurse", OccupationSearch.stems("journée")), 1e-9);
        assertEquals(List.of("watchman", "nurse"), OccupationCatalogue.of(List.of(nurse, dayNurse, watchman))
                .search(new OccupationQuery("nuit", null, null)).stream().map(Occupation::id).toList());

        // On the built-in catalogue: the nurses who work nights, the registered nurse among them, none without
        List<String> found = ids("infirmier de nuit");
        assertTrue(found.contains("registered-nurse"), found::toString);
        for (String id : found) {
            assertTrue(BUILT_IN.find(id).orElseThrow().conditions().contains(WorkingCondition.NIGHT_WORK), id);
        }
        // « de nuit » in a ROME job title (« Veilleur / Veilleuse de nuit ») ranks above night work alone
        List<String> nights = ids("veilleur de nuit");
        assertTrue(BUILT_IN.find(nights.get(0)).orElseThrow().synonyms().stream()
                .anyMatch(title -> title.startsWith("Veilleur / Veilleuse de nuit")), nights::toString);
    }

    /** What a counsellor types, and what she expects first. */
    @Test
    void theSearchesACounsellorMakesFindWhatSheMeans() {
        assertEquals("registered-nurse", ids("infirmière").get(0), "the whole title « Infirmier ou infirmière »");
        assertEquals("health-care-manager", ids("cadre de santé").get(0));
        assertEquals("nursing-assistant", ids("aide soignante").get(0));
        assertEquals(ids("aide soignante"), ids("Aide-Soignant"));
        assertEquals("operating-room-nurse", ids("Infirmière de bloc opératoire").get(0));
        assertEquals("operating-room-nurse", ids("IBODE").get(0));
        assertEquals("bus-driver", ids("conducteur de bus").get(0));
        assertEquals("nursing-school-trainer", ids("infirmière formatrice").get(0));
        assertEquals("patient-education-trainer", ids("formateur santé").get(0));
        // job titles of the built-in codes, as ROME writes them, long or short
        assertEquals("market-gardener", ids("Ouvrier maraîcher / Ouvrière maraîchère").get(0));
        assertEquals("market-gardener", ids("ouvriere maraichere").get(0));
        assertEquals("nanny", ids("Garde d'enfant à domicile").get(0));
        assertEquals("wind-turbine-technician", ids("Technicien de maintenance sur parcs éoliens terrestres").get(0));
        assertEquals("retail-department-manager", ids("Chef(fe) de rayon produits alimentaires hors frais").get(0));
    }

    /**
     * Any of ROME's job titles of the codes the built-in catalogue uses (rome-titles.csv: each code's title, the long
     * and the short form of each job title), typed as ROME writes it, finds an occupation with that code among the
     * first three: 6,882 searches.
     */
    @Test
    void everyRomeJobTitleFindsAnOccupationOfItsCode() throws Exception {
        List<String[]> titles = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String file = "/io/bilan/occupation/catalogue/rome-titles.csv";
        try (var in = new InputStreamReader(OccupationCatalogue.class.getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            CsvRows.read(in, file, List.of("code_rome", "title"), problems,
                    row -> titles.add(new String[] {row.get("code_rome"), row.get("title")}));
        }
        assertEquals(List.of(), problems);
        assertTrue(titles.size() > 6_800, titles.size() + " titles");
        List<String> notFound = new ArrayList<>();
        for (String[] title : titles) {
            List<Occupation> found = BUILT_IN.search(new OccupationQuery(title[1], null, null));
            if (found.stream().limit(3).noneMatch(o -> o.rome().contains(title[0]))) {
                notFound.add(title[0] + " " + title[1] + ": " + found.stream().limit(3).map(Occupation::id).toList());
            }
        }
        assertEquals(List.of(), notFound);
    }

    /**
     * rome-titles.csv holds every job title of the real export for the codes the catalogue uses, long and short, and
     * each code's own title: with the test above, any of them finds its occupation (when the export is at hand).
     */
    @Test
    void theBuiltInCatalogueHasEveryJobTitleOfItsCodesInTheRealExport() throws Exception {
        Path reference = Path.of(System.getProperty("bilan.rome.reference", "../../../shared/data/rome"));
        assumeTrue(Files.isDirectory(reference), "no ROME export at " + reference.toAbsolutePath()
                + " (set -Dbilan.rome.reference): skipped");
        OccupationCatalogue rome = RomeImporter.read(reference, OccupationCatalogue.of(List.of())).catalogue();
        int checked = 0;
        for (Occupation occupation : BUILT_IN.all()) {
            for (String code : occupation.rome()) {
                Occupation imported = rome.find(RomeImporter.idOf(code)).orElseThrow();
                List<String> expected = new ArrayList<>(imported.synonyms());
                expected.add(imported.title().resolve("fr", "fr"));
                List<String> missing = expected.stream().filter(t -> !occupation.synonyms().contains(t)).toList();
                assertEquals(List.of(), missing, occupation.id() + " " + code);
                checked += expected.size();
            }
        }
        assertTrue(checked > 7_000, checked + " titles checked");
    }

    private static Occupation occupation(String id, String title, List<String> synonyms) {
        return occupation(id, title, synonyms, Set.of());
    }

    private static Occupation occupation(String id, String title, List<String> synonyms,
            Set<WorkingCondition> conditions) {
        return new Occupation(id, LocalizedText.of("fr", title), null, Sector.HOSPITALITY_TOURISM, 2, null, null,
                RomeImporterTest.interests(1, 1, 1, 1, 1, 1), null, List.of(), List.of(), null, List.of("G1602"),
                synonyms, null, null, List.of(), conditions, List.of(), null);
    }

    @Test
    void nothingMatchesIsAnEmptyList() {
        assertEquals(List.of(), ids("zzyzx"));
    }
}
