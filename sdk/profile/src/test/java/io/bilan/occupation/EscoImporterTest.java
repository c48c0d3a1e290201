package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ESCO's CSV files in, occupations out: our own small files in ESCO's format, whose figures are borrowed from a small
 * JSON catalogue ({@code esco-lenders.json}) or from our O*NET files. Every expected figure is computed by hand.
 */
class EscoImporterTest {

    private static final String LENDERS = "json:src/test/resources/esco-lenders.json";
    private static final String ESCO = "esco:src/test/resources/esco";
    private static final String OCCUPATION = "http://data.europa.eu/esco/occupation/";
    private static final String NURSE = "esco-a0000000-0000-4000-8000-000000002221";
    private static final String SPECIALIST = "esco-a0000000-0000-4000-8000-000000002212";
    private static final String BRICKLAYER = "esco-a0000000-0000-4000-8000-000000007112";
    private static final String TESTER = "esco-a0000000-0000-4000-8000-000000002519";

    @Test
    void titlesDescriptionsSectorsLevelsAndCompetencesComeFromEsco() throws Exception {
        List<String> notes = new ArrayList<>();
        OccupationCatalogue catalogue = CatalogueSources.load(List.of(LENDERS, ESCO), notes::add);

        assertEquals(7 + 4, catalogue.size(), "the astrologer (5161) has no occupation of unit group 5161 or minor"
                + " group 516 to borrow from: left out");
        assertEquals(List.of(ESCO + ": 4 ESCO occupations imported (1 with the figures of their ISCO-08 minor group);"
                + " 1 left out, no occupation of an earlier source sharing their ISCO-08 unit or minor group"), notes);

        Occupation nurse = catalogue.find(NURSE).orElseThrow();
        assertEquals("infirmier en soins généraux/infirmière en soins généraux", nurse.title().resolve("fr", "en"));
        assertEquals("nurse responsible for general care", nurse.title().resolve("en", "fr"));
        assertEquals("Nurses responsible for general care promote, maintain and restore health,\nwith other health"
                + " professionals.", nurse.description().resolve("en", "fr"), "a quoted cell keeps its comma and line break");
        assertEquals("2221", nurse.isco());
        assertEquals(Sector.HEALTH, nurse.sector(), "sub-major group 22");
        assertEquals(4, nurse.level(), "major group 2: ISCO-08 skill level 4");
        assertNull(nurse.onetCode());
        assertEquals(List.of(new Occupation.RequiredCompetence(Competence.EMPATHY, 3),
                new Occupation.RequiredCompetence(Competence.TEAMWORK, 3)), nurse.competences(),
                "essential skills at 3, optional at 2, the highest when a skill is given twice; other skills ignored");

        Occupation specialist = catalogue.find(SPECIALIST).orElseThrow();
        assertEquals(java.util.Set.of("en"), specialist.title().languages(), "only in occupations_en.csv");
        assertEquals(List.of(), specialist.competences());

        Occupation bricklayer = catalogue.find(BRICKLAYER).orElseThrow();
        assertEquals("Bricklayers build walls, \"brick by brick\", with mortar.", bricklayer.description().resolve("en", "fr"));
        assertEquals(Sector.CONSTRUCTION, bricklayer.sector());
        assertEquals(2, bricklayer.level(), "major group 7: ISCO-08 skill level 2");
        assertEquals(List.of(new Occupation.RequiredCompetence(Competence.ATTENTION_TO_DETAIL, 3),
                new Occupation.RequiredCompetence(Competence.PROBLEM_SOLVING, 2)), bricklayer.competences());

        Occupation tester = catalogue.find(TESTER).orElseThrow();
        assertEquals(java.util.Set.of("fr"), tester.title().languages(), "only in occupations_fr.csv");
        assertEquals("Les testeurs de logiciels vérifient, par des tests, que les logiciels fonctionnent.",
                tester.description().resolve("fr", "en"));
        assertEquals(Sector.IT_DIGITAL, tester.sector());
    }

    @Test
    void figuresAreTheMeansOfTheOccupationsOfTheSameUnitGroup() throws Exception {
        OccupationCatalogue catalogue = CatalogueSources.load(List.of(LENDERS, ESCO));

        Occupation nurse = catalogue.find(NURSE).orElseThrow();
        assertEquals(new Occupation.BorrowedFigures("2221", List.of("nurse-a", "nurse-b")), nurse.figuresFrom());
        // R (2 + 3.25) / 2 = 2.625, rounded to 2.63; I (4.5 + 5) / 2; A (1 + 2) / 2; S (6 + 6.5) / 2 ...
        assertEquals(riasec(2.63, 4.75, 1.5, 6.25, 2.5, 4.25), nurse.interests());
        assertEquals(values(5.5, 4.75, 4.5, 6.5, 5.5, 4.5), nurse.values());
        assertEquals("SIC", nurse.hollandCode().letters());

        Occupation bricklayer = catalogue.find(BRICKLAYER).orElseThrow();
        assertEquals(new Occupation.BorrowedFigures("7112", List.of("mason-a", "mason-b")), bricklayer.figuresFrom());
        assertEquals(riasec(6.75, 1.75, 1.75, 1.75, 2.25, 3.25), bricklayer.interests());
        assertEquals(values(3, 4, 2.5, 4, 4, 3.5), bricklayer.values(), "mason-b has no work values: mason-a's alone");
    }

    @Test
    void withoutAnOccupationOfItsUnitGroupItBorrowsFromItsMinorGroup() throws Exception {
        Occupation specialist = CatalogueSources.load(List.of(LENDERS, ESCO)).find(SPECIALIST).orElseThrow();

        assertEquals(new Occupation.BorrowedFigures("221", List.of("doctor")), specialist.figuresFrom(),
                "no lender in 2212 (specialist medical practitioners): those of 221 (medical doctors)");
        assertEquals(riasec(2, 6, 1.5, 5.5, 3, 3.5), specialist.interests());
        assertEquals(values(6.5, 5.5, 6, 5.5, 4, 5.5), specialist.values());
    }

    @Test
    void theCrosswalkLendsTheFiguresOfOccupationsByTheirOnetCode() throws Exception {
        Occupation tester = CatalogueSources.load(List.of(LENDERS, ESCO)).find(TESTER).orElseThrow();
        assertEquals(new Occupation.BorrowedFigures("2519", List.of("software-tester")), tester.figuresFrom(),
                "isco-onet.csv maps 2519 to SOC 15-1253, which takes in O*NET-SOC 15-1253.00");
        assertEquals(riasec(2, 6, 2, 2, 3, 5.5), tester.interests());

        List<String> notes = new ArrayList<>();
        OccupationCatalogue afterOnet = CatalogueSources.load(List.of("onet:src/test/resources/onet", ESCO), notes::add);
        assertEquals(3 + 1, afterOnet.size(), "only 2221 is crosswalked to an O*NET occupation of our O*NET files");
        Occupation nurse = afterOnet.find(NURSE).orElseThrow();
        assertEquals(new Occupation.BorrowedFigures("2221", List.of("onet-29-0002-00")), nurse.figuresFrom());
        assertEquals(riasec(2, 4.5, 1.5, 6, 2.5, 3.5), nurse.interests());
        assertEquals(5.33, nurse.values().get(WorkValue.ACHIEVEMENT));
        assertTrue(notes.getFirst().endsWith("1 ESCO occupations imported (0 with the figures of their ISCO-08 minor"
                + " group); 4 left out, no occupation of an earlier source sharing their ISCO-08 unit or minor group"),
                notes::toString);
    }

    @Test
    void borrowedFiguresAreNotLentAgain() throws Exception {
        OccupationCatalogue once = CatalogueSources.load(List.of(LENDERS, ESCO));
        EscoImport twice = EscoImporter.read(Path.of("src/test/resources/esco"), once);

        assertEquals(once.find(NURSE).orElseThrow().figuresFrom(), twice.catalogue().find(NURSE).orElseThrow().figuresFrom());
        assertEquals(List.of(OCCUPATION + "a0000000-0000-4000-8000-000000005161"), twice.leftOut());
    }

    @Test
    void anEscoSourceNeedsAnEarlierSourceWithFiguresToLend() {
        CatalogueException alone = assertThrows(CatalogueException.class, () -> CatalogueSources.load(List.of(ESCO)));
        assertEquals(List.of("ESCO has no interest or work-value figures: an esco: source borrows them from the"
                + " occupations of earlier sources and must come after one, e.g. built-in,esco:src/test/resources/esco"),
                alone.problems());

        CatalogueException nothingToLend = assertThrows(CatalogueException.class,
                () -> CatalogueSources.load(List.of("onet:src/test/resources/onet", "esco:src/test/resources/esco-missing")));
        assertEquals(List.of("no occupation of the earlier sources can lend its interest and value figures: none has"
                + " an ISCO-08 unit group (isco) or an O*NET-SOC code listed in isco-onet.csv"), nothingToLend.problems());
    }

    @Test
    void everyProblemIsReportedWithItsFileAndTheLineItsRowStartsOn() {
        CatalogueException failure = assertThrows(CatalogueException.class,
                () -> CatalogueSources.load(List.of(LENDERS, "esco:src/test/resources/esco-broken")));
        assertEquals(List.of(
                "occupations_en.csv:4: iscoGroup must be an ISCO-08 unit group, 4 digits such as 2221, not \"23\"",
                "occupations_en.csv:5: conceptUri must end with the occupation's UUID, e.g."
                        + " http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34, not \""
                        + OCCUPATION + "not-a-uuid\"",
                "occupationSkillRelations_en.csv:3: relationType must be essential or optional, not \"mandatory\""),
                failure.problems());
        assertTrue(failure.getMessage().startsWith("src/test/resources/esco-broken: 3 problems: "), failure.getMessage());
    }

    @Test
    void missingFilesAndColumnsAreNamed() {
        CatalogueException missing = assertThrows(CatalogueException.class,
                () -> CatalogueSources.load(List.of(LENDERS, "esco:src/test/resources/esco-missing")));
        assertEquals(List.of(
                "occupations_fr.csv:1: missing column [iscoGroup]; found [conceptType, conceptUri, preferredLabel,"
                        + " description]",
                "occupationSkillRelations_en.csv, occupationSkillRelations_fr.csv: missing (the ESCO download has one"
                        + " of them, in the language it was downloaded in)"),
                missing.problems());

        CatalogueException empty = assertThrows(CatalogueException.class,
                () -> CatalogueSources.load(List.of(LENDERS, "esco:src/test/resources/csv")));
        assertTrue(empty.problems().getFirst().startsWith("occupations_fr.csv, occupations_en.csv: missing"),
                empty::getMessage);
    }

    @Test
    void idsAreEscoAndTheUuidOfTheConceptUri() {
        assertEquals("esco-00030d09-2b3a-4efd-87cc-c4ea39d27c34",
                EscoImporter.idOf(OCCUPATION + "00030d09-2B3A-4efd-87cc-c4ea39d27c34"));
        assertThrows(IllegalArgumentException.class, () -> EscoImporter.idOf(OCCUPATION + "nurse"));
    }

    private static Map<RiasecArea, Double> riasec(double r, double i, double a, double s, double e, double c) {
        Map<RiasecArea, Double> scores = new EnumMap<>(RiasecArea.class);
        double[] all = {r, i, a, s, e, c};
        for (RiasecArea area : RiasecArea.values()) {
            scores.put(area, all[area.ordinal()]);
        }
        return scores;
    }

    private static Map<WorkValue, Double> values(double... extent) {
        Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
        for (WorkValue value : WorkValue.values()) {
            values.put(value, extent[value.ordinal()]);
        }
        return values;
    }
}
