package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ROME export in, occupations out: our own small files in RefRomeCsv's format, then the real export if present. */
class RomeImporterTest {

    private static final Path FIXTURES = Path.of("src/test/resources/rome");
    private static final OccupationCatalogue NONE = OccupationCatalogue.of(List.of());

    @Test
    void importsCodesTitlesTextsMobilityAndEstimatesInterestsFromInterestCentres() throws Exception {
        RomeImport imported = RomeImporter.read(FIXTURES, NONE);

        // N4101's only centre is travel, which maps to no area: nothing to match it on
        assertEquals(List.of("N4101"), imported.leftOut());
        assertEquals(3, imported.catalogue().size());
        assertEquals(3, imported.estimated());

        Occupation nurse = imported.catalogue().find("rome-j1506").orElseThrow();
        assertEquals("Infirmier / Infirmière en soins généraux (IDE)", nurse.title().resolve("fr", "fr"));
        assertEquals(List.of("J1506"), nurse.rome());
        assertEquals(Sector.HEALTH, nurse.sector());
        assertEquals(List.of("Infirmier(ère) en soins généraux", "Infirmier / Infirmière de nuit", "Infirmier(ère) de nuit"),
                nurse.synonyms(), "the long and short job titles, without the code's own title");
        assertEquals("Dispense des soins de nature préventive, curative ou palliative. Evalue une situation clinique.",
                nurse.description().resolve("fr", "fr"), "sentences in position order, each ended");
        assertEquals(List.of(LocalizedText.of("fr", "Cet emploi est accessible avec un Diplôme d'Etat d'Infirmier.")),
                nurse.routes(), "access texts, ROME's doubled apostrophes undone");
        assertEquals(List.of("rome-j1510", "rome-k2111"), nurse.closeTo());
        // one principal centre "prendre soin des autres" (S): S tallies 2, the top, so 6; the others 1
        assertEquals(interests(1, 1, 1, 6, 1, 1), nurse.interests());
        assertEquals(Map.of(), nurse.values(), "no work values without a lender");
        assertTrue(nurse.sources().interests().startsWith("estimated by Bilan from ROME's interest centres"));

        // "transmettre" (S, principal: 2) and "communiquer, convaincre" (E then S: 1 and 0.5): S 2.5, E 1
        Occupation trainer = imported.catalogue().find("rome-k2111").orElseThrow();
        assertEquals(interests(1, 1, 1, 6, 3, 1), trainer.interests());
        assertEquals(Sector.EDUCATION_TRAINING, trainer.sector());
        assertEquals("Conçoit et anime des actions de formation,\nen présentiel ou à distance.",
                trainer.description().resolve("fr", "fr"), "a quoted cell may hold a line break");
        assertEquals(List.of(), trainer.routes());
    }

    @Test
    void borrowsTheFiguresOfEarlierOccupationsWithTheSameCodeOrItsParent() throws Exception {
        Occupation lender = new Occupation("our-nurse", LocalizedText.of("fr", "Infirmier"), null, Sector.HEALTH, 4,
                null, null, interests(3, 5, 1, 6, 2, 4), values(5, 5, 4, 6, 6, 5), List.of(), List.of(), null,
                List.of("J1506"), List.of(), 6, 36, List.of(), null, List.of(), null);
        RomeImport imported = RomeImporter.read(FIXTURES, OccupationCatalogue.of(List.of(lender)));

        assertEquals(2, imported.borrowed(), "J1506 by its code, J1510 by its parent J1506");
        Occupation nurse = imported.catalogue().find("rome-j1506").orElseThrow();
        assertEquals(lender.interests(), nurse.interests());
        assertEquals(lender.values(), nurse.values());
        assertTrue(nurse.sources().interests().contains("[our-nurse]") && nurse.sources().interests().contains("J1506"),
                nurse.sources().interests());
        Occupation coordinator = imported.catalogue().find("rome-j1510").orElseThrow();
        assertEquals(lender.interests(), coordinator.interests());
        assertTrue(coordinator.sources().interests().contains("ROME code J1506"), coordinator.sources().interests());
        assertNull(imported.catalogue().find("rome-k2111").orElseThrow().sources().values());
    }

    @Test
    void aRomeSourceIsNamedInConfigurationAfterTheBuiltInCatalogue() throws Exception {
        OccupationCatalogue catalogue = CatalogueSources.load(List.of("built-in", "rome:" + FIXTURES));
        Occupation nurse = catalogue.find("rome-j1506").orElseThrow();
        Occupation builtIn = catalogue.find("registered-nurse").orElseThrow();
        assertEquals(builtIn.interests(), nurse.interests(), "borrowed from the built-in nurse, ROME code J1506");
    }

    @Test
    void everyProblemIsReportedWithItsFileAndLine() {
        CatalogueException failure = assertThrows(CatalogueException.class,
                () -> RomeImporter.read(Path.of("src/test/resources/rome-broken"), NONE));
        assertEquals(List.of("unix_referentiel_appellation_v460_utf8.csv:3: not a ROME code: \"Z9999\"",
                "unix_referentiel_appellation_v460_utf8.csv:4: ROME code K9999 is not in unix_referentiel_code_rome"),
                failure.problems());
        CatalogueException missing = assertThrows(CatalogueException.class,
                () -> RomeImporter.read(Path.of("src/test/resources/onet"), NONE));
        assertTrue(missing.problems().get(0).startsWith("unix_referentiel_code_rome_v<release>_utf8.csv: missing"),
                missing.problems()::toString);
    }

    @Test
    void theSectorFollowsTheLetterAGroupOverridingIt() {
        assertEquals(Sector.HEALTH, RomeImporter.sectorOf("J1506"));
        assertEquals(Sector.HEALTH, RomeImporter.sectorOf("K1104"), "K11, psychologists");
        assertEquals(Sector.EDUCATION_TRAINING, RomeImporter.sectorOf("K2111"));
        assertEquals(Sector.SOCIAL_CARE, RomeImporter.sectorOf("K1201"));
        assertEquals(Sector.CRAFTS_TRADES, RomeImporter.sectorOf("D1202"), "hairdressing, not retail");
        assertEquals(Sector.RETAIL_SALES, RomeImporter.sectorOf("D1214"));
        assertEquals(Sector.IT_DIGITAL, RomeImporter.sectorOf("M1805"));
        assertEquals(Sector.TRANSPORT_LOGISTICS, RomeImporter.sectorOf("N4101"));
    }

    @Test
    void theInterestCentreMappingCoversTheThirtyCentresOfRome4() throws Exception {
        Map<String, String> letters = RomeImporter.centreLetters();
        assertEquals(30, letters.size());
        assertEquals("", letters.get("16"), "travel says where the work is, not what it is");
        letters.forEach((code, l) -> assertTrue(code.equals("16") || l.matches("[RIASEC]{1,2}"), code + " " + l));
    }

    /** The real export: every code imported or accounted for, its 13,000 job titles searchable. */
    @Test
    void importsTheRealExport() throws Exception {
        Path reference = Path.of(System.getProperty("bilan.rome.reference", "../../../shared/data/rome"));
        assumeTrue(Files.isDirectory(reference) && Files.list(reference).anyMatch(
                f -> f.getFileName().toString().startsWith(RomeImporter.CODES)),
                "no ROME export at " + reference.toAbsolutePath() + " (set -Dbilan.rome.reference): skipped");
        OccupationCatalogue builtIn = OccupationCatalogue.builtIn();
        RomeImport imported = null;
        for (int run = 1; run <= 3; run++) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            imported = RomeImporter.read(reference, builtIn);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            // A measure for docs/performance.md, not a check: timings belong to benchmarks.
            System.out.println("ROME import of " + reference + ", run " + run + ": " + imported.summary() + " in "
                    + millis + " ms (" + cpuMillis + " ms of CPU)");
        }

        assertEquals(1584, imported.catalogue().size() + imported.leftOut().size());
        assertEquals(List.of(), imported.unmappedCentres());
        int titles = imported.catalogue().all().stream().mapToInt(o -> o.synonyms().size()).sum();
        assertTrue(titles > 13_000, titles + " titles");
        Occupation nurse = imported.catalogue().find("rome-j1506").orElseThrow();
        assertTrue(nurse.synonyms().contains("Infirmier / Infirmière de secteur psychiatrique"), nurse.synonyms()::toString);
        assertTrue(nurse.description().resolve("fr", "fr").startsWith("L’infirmier en soins généraux"));
        assertTrue(imported.catalogue().all().stream().allMatch(o -> o.interests().size() == 6));
        List<Occupation> found = imported.catalogue().search(new OccupationQuery("infirmiere scolaire", null, null));
        assertEquals("rome-j1511", found.get(0).id());
    }

    static Map<RiasecArea, Double> interests(double r, double i, double a, double s, double e, double c) {
        Map<RiasecArea, Double> scores = new EnumMap<>(RiasecArea.class);
        double[] all = {r, i, a, s, e, c};
        for (RiasecArea area : RiasecArea.values()) {
            scores.put(area, all[area.ordinal()]);
        }
        return scores;
    }

    static Map<WorkValue, Double> values(double... six) {
        Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
        for (WorkValue value : WorkValue.values()) {
            values.put(value, six[value.ordinal()]);
        }
        return values;
    }
}
