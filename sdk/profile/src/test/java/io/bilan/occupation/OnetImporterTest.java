package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** O*NET's text files in, occupations out: our own small files in O*NET's format, then the real ones if present. */
class OnetImporterTest {

    private static final Path FIXTURES = Path.of("src/test/resources/onet");

    @Test
    void importsTitlesInterestsValuesLevelsAndSectors() throws Exception {
        OccupationCatalogue catalogue = OnetImporter.read(FIXTURES);

        // 99-0004.00 has no interest rows, so it cannot be matched and is left out
        assertEquals(3, catalogue.size());
        Occupation managers = catalogue.find("onet-11-0001-00").orElseThrow();
        assertEquals("Test Managers", managers.title().resolve("en", "en"));
        assertEquals("11-0001.00", managers.onetCode());
        assertEquals(Sector.BUSINESS_ADMINISTRATION, managers.sector());
        assertEquals(4, managers.level(), "from Job Zones.txt");
        assertEquals(6.5, managers.interests().get(RiasecArea.ENTERPRISING));
        assertEquals("ECS", managers.hollandCode().letters());
        assertEquals(6.33, managers.values().get(WorkValue.RECOGNITION));
        assertEquals(5.5, managers.values().get(WorkValue.WORKING_CONDITIONS));

        Occupation carers = catalogue.find("onet-29-0002-00").orElseThrow();
        assertEquals(Sector.HEALTH, carers.sector());
        assertEquals("Look after patients, \"gently\".", carers.description().resolve("en", "en"), "quotes kept as they are");

        Occupation builders = catalogue.find("onet-47-0003-00").orElseThrow();
        assertEquals(Sector.CONSTRUCTION, builders.sector());
        assertEquals(Map.of(), builders.values(), "no work values in the file: kept without them");
        assertEquals(null, builders.level(), "no job zone: level unknown");
    }

    @Test
    void everyProblemIsReportedWithItsFileAndLine() {
        CatalogueException failure = assertThrows(CatalogueException.class,
                () -> OnetImporter.read(Path.of("src/test/resources/onet-broken")));
        assertEquals(2, failure.problems().size(), failure.problems()::toString);
        assertEquals("Interests.txt:3: not a number: \"three\"", failure.problems().get(0));
        assertEquals("Interests.txt:5: 5 cells, the header has 7", failure.problems().get(1));
    }

    @Test
    void aFolderWithoutTheFilesSaysWhatIsExpected() {
        CatalogueException failure = assertThrows(CatalogueException.class,
                () -> OnetImporter.read(Path.of("src/test/resources/csv")));
        assertTrue(failure.problems().get(0).startsWith("Occupation Data.txt: missing"), failure.getMessage());
    }

    /** The real O*NET 29.3 files, when the machine has them: every occupation with interests is imported. */
    @Test
    void importsTheRealOnetDatabase() throws Exception {
        Path reference = Path.of(System.getProperty("bilan.onet.reference", "../../../shared/data/onet"));
        assumeTrue(Files.isRegularFile(reference.resolve(OnetImporter.INTERESTS)),
                "no O*NET reference files at " + reference.toAbsolutePath() + ": skipped");

        OccupationCatalogue catalogue = OnetImporter.read(reference);

        assertEquals(923, catalogue.size(), "923 occupations have RIASEC scores in O*NET 29.3");
        assertEquals(874, catalogue.all().stream().filter(o -> !o.values().isEmpty()).count(),
                "874 have work values");
        Occupation nurses = catalogue.find("onet-29-1141-00").orElseThrow();
        assertEquals("Registered Nurses", nurses.title().resolve("en", "en"));
        assertEquals("SIC", nurses.hollandCode().letters(), "S 5.62, I 4.82, C 4.58");
        assertEquals(6.33, nurses.values().get(WorkValue.RELATIONSHIPS));
    }
}
