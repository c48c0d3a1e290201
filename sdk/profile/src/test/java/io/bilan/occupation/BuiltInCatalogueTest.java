package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue Bilan ships: its breadth, its texts, and its O*NET figures checked against the real files. */
class BuiltInCatalogueTest {

    private static final OccupationCatalogue BUILT_IN = OccupationCatalogue.builtIn();

    @Test
    void atLeast400OccupationsAcrossSectorsAndEveryPreparationLevel() {
        assertTrue(BUILT_IN.size() >= 400, "size " + BUILT_IN.size());
        Map<Integer, Long> levels = BUILT_IN.all().stream().collect(Collectors.groupingBy(Occupation::level, Collectors.counting()));
        for (int level = 1; level <= 5; level++) {
            assertTrue(levels.getOrDefault(level, 0L) >= 10, "level " + level + ": " + levels);
        }
        long sectors = BUILT_IN.all().stream().map(Occupation::sector).distinct().count();
        assertTrue(sectors >= 16, "sectors " + sectors);
    }

    @Test
    void everyOccupationHasItsTextsInFrenchAndEnglishCompetencesAndRoutes() {
        for (Occupation occupation : BUILT_IN.all()) {
            assertEquals(java.util.Set.of("fr", "en"), occupation.title().languages(), occupation.id());
            assertEquals(java.util.Set.of("fr", "en"), occupation.description().languages(), occupation.id());
            assertTrue(occupation.competences().size() >= 4, occupation.id());
            assertTrue(!occupation.routes().isEmpty()
                    && occupation.routes().stream().allMatch(r -> r.languages().equals(java.util.Set.of("fr", "en"))),
                    occupation.id());
            assertEquals(6, occupation.values().size(), occupation.id());
            assertTrue(occupation.onetCode() != null, occupation.id());
        }
    }

    /**
     * Every occupation has an ISCO-08 unit group, so that ESCO occupations can borrow its figures. The sector and
     * level tables of ISCO-08 groups are coarse, but for the unit groups chosen they must mostly agree with what the
     * catalogue says of each occupation: a unit group far off its occupation would show here.
     */
    @Test
    void everyOccupationHasAnIscoUnitGroupThatFitsItsSectorAndLevel() throws Exception {
        java.util.Set<String> unitGroups = Files.readAllLines(Path.of("src/test/resources/isco/unit-groups.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toSet());
        int sameSector = 0;
        int closeLevel = 0;
        for (Occupation occupation : BUILT_IN.all()) {
            assertTrue(unitGroups.contains(occupation.isco()), occupation.id() + ": " + occupation.isco());
            sameSector += Isco08.sector(occupation.isco()) == occupation.sector() ? 1 : 0;
            closeLevel += Math.abs(Isco08.level(occupation.isco()) - occupation.level()) <= 1 ? 1 : 0;
        }
        assertTrue(sameSector >= 0.9 * BUILT_IN.size(), sameSector + " of " + BUILT_IN.size() + " in the same sector");
        assertTrue(closeLevel >= 0.95 * BUILT_IN.size(), closeLevel + " of " + BUILT_IN.size() + " within one level");
    }

    /** France's classification: every occupation has its ROME codes, and the 14 domains (A to N) are all covered. */
    @Test
    void everyOccupationHasRomeCodesAndEveryRomeDomainIsCovered() {
        java.util.Set<Character> domains = new java.util.TreeSet<>();
        for (Occupation occupation : BUILT_IN.all()) {
            assertTrue(!occupation.rome().isEmpty(), occupation.id());
            occupation.rome().forEach(code -> domains.add(code.charAt(0)));
            assertTrue(!occupation.synonyms().isEmpty(), occupation.id() + ": its ROME job titles are searchable");
        }
        assertEquals(14, domains.size(), domains::toString);
        Map<Sector, Long> sectors = BUILT_IN.all().stream()
                .collect(Collectors.groupingBy(Occupation::sector, Collectors.counting()));
        assertTrue(sectors.get(Sector.HEALTH) >= 50, sectors::toString);
        assertTrue(sectors.get(Sector.EDUCATION_TRAINING) >= 30, sectors::toString);
        assertTrue(sectors.get(Sector.SOCIAL_CARE) >= 30, sectors::toString);
    }

    /** What a nurse's counsellor needs is there, each with the ROME code France Travail gives it. */
    @Test
    void theHealthManagementAndTrainingRoutesOfANurseAreThere() {
        Map<String, String> expected = Map.of("health-care-manager", "J1502", "occupational-health-nurse", "J1512",
                "school-nurse", "J1511", "care-coordinator-nurse", "J1510", "patient-education-trainer", "J1509",
                "first-aid-trainer", "K2111", "vocational-adult-trainer", "K2111", "nursing-school-trainer", "K2111");
        expected.forEach((id, code) -> assertTrue(BUILT_IN.find(id).orElseThrow().rome().contains(code), id));
    }

    /** Every figure says where it comes from; prerequisites and close occupations are occupations of the catalogue. */
    @Test
    void everyFigureHasItsSourceAndEveryLinkLeadsSomewhere() {
        for (Occupation occupation : BUILT_IN.all()) {
            Occupation.FigureSources sources = occupation.sources();
            assertTrue(sources != null && sources.interests().contains(occupation.onetCode())
                    && sources.values() != null && sources.competences() != null && sources.training() != null
                    && sources.conditions() != null, occupation.id());
            assertTrue(occupation.trainingMonths() != null, occupation.id());
            occupation.requires().forEach(id -> assertTrue(BUILT_IN.find(id).isPresent(), occupation.id() + " -> " + id));
            occupation.closeTo().forEach(id -> assertTrue(BUILT_IN.find(id).isPresent(), occupation.id() + " -> " + id));
        }
    }

    /** ROME codes are facts: each is one of the export's 1,584 (checked when the export is at hand). */
    @Test
    void romeCodesAreRealOnes() throws Exception {
        Path reference = Path.of(System.getProperty("bilan.rome.reference", "../../../shared/data/rome"));
        assumeTrue(Files.isDirectory(reference), "no ROME export at " + reference.toAbsolutePath() + ": skipped");
        OccupationCatalogue rome = RomeImporter.read(reference, OccupationCatalogue.of(java.util.List.of())).catalogue();
        for (Occupation occupation : BUILT_IN.all()) {
            for (String code : occupation.rome()) {
                assertTrue(rome.find(RomeImporter.idOf(code)).isPresent(), occupation.id() + ": " + code);
            }
        }
    }

    /** Interest and value figures are facts taken from O*NET 29.3: they must equal the real files. */
    @Test
    void interestAndValueFiguresEqualOnets() throws Exception {
        Path reference = Path.of(System.getProperty("bilan.onet.reference", "../../../shared/data/onet"));
        assumeTrue(Files.isRegularFile(reference.resolve(OnetImporter.INTERESTS)),
                "no O*NET reference files at " + reference.toAbsolutePath() + ": skipped");
        OccupationCatalogue onet = OnetImporter.read(reference);
        for (Occupation occupation : BUILT_IN.all()) {
            Occupation source = onet.find(OnetImporter.idOf(occupation.onetCode())).orElseThrow(
                    () -> new AssertionError(occupation.id() + ": no O*NET occupation " + occupation.onetCode()));
            assertEquals(source.interests(), occupation.interests(), occupation.id());
            assertEquals(source.values(), occupation.values(), occupation.id());
        }
    }
}
