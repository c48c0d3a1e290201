package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bilan's reading of ISCO-08: a sector and a preparation level for every unit group. */
class Isco08Test {

    @Test
    void everyUnitGroupHasASectorAndALevel() throws Exception {
        List<String> unitGroups = Files.readAllLines(Path.of("src/test/resources/isco/unit-groups.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertEquals(436, unitGroups.size());
        for (String unitGroup : unitGroups) {
            assertTrue(Isco08.isUnitGroup(unitGroup), unitGroup);
            Isco08.sector(unitGroup);
            int level = Isco08.level(unitGroup);
            assertTrue(level >= 1 && level <= 4, unitGroup + ": " + level);
        }
        for (String notOne : new String[] {"222", "22210", "9999", "22a1", "", null}) {
            assertFalse(Isco08.isUnitGroup(notOne), notOne);
        }
    }

    @Test
    void theLongestPrefixInTheTableGivesTheSector() {
        assertEquals(Sector.HEALTH, Isco08.sector("2221"), "sub-major group 22");
        assertEquals(Sector.INDUSTRY_PRODUCTION, Isco08.sector("1321"), "sub-major group 13");
        assertEquals(Sector.IT_DIGITAL, Isco08.sector("1330"), "minor group 133");
        assertEquals(Sector.CONSTRUCTION, Isco08.sector("1323"), "unit group 1323");
        assertEquals(Sector.CONSTRUCTION, Isco08.sector("7411"), "unit group 7411");
        assertEquals(Sector.CRAFTS_TRADES, Isco08.sector("7412"), "sub-major group 74");
        assertEquals(Sector.PUBLIC_SAFETY, Isco08.sector("0110"), "sub-major group 01");
    }

    @Test
    void theLevelIsTheLeastTheSkillLevelOfTheMajorGroupAllows() {
        assertEquals(4, Isco08.level("0110"), "commissioned officers");
        assertEquals(2, Isco08.level("0210"), "non-commissioned officers");
        assertEquals(1, Isco08.level("0310"), "other ranks");
        assertEquals(4, Isco08.level("1120"), "managers");
        assertEquals(3, Isco08.level("1411"), "hospitality, retail and other services managers");
        assertEquals(4, Isco08.level("2221"), "professionals");
        assertEquals(3, Isco08.level("3221"), "technicians and associate professionals");
        for (String unitGroup : List.of("4110", "5120", "6130", "7112", "8322")) {
            assertEquals(2, Isco08.level(unitGroup), unitGroup);
        }
        assertEquals(1, Isco08.level("9629"), "elementary occupations");
    }
}
