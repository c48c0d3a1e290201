package io.bilan.occupation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.RiasecArea;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OccupationCatalogueTest {

    private static Occupation occupation(String id, String fr, String en, Sector sector, Integer level) {
        Map<RiasecArea, Double> interests = new EnumMap<>(RiasecArea.class);
        for (RiasecArea area : RiasecArea.values()) {
            interests.put(area, 3.0);
        }
        return new Occupation(id, LocalizedText.of("fr", fr, "en", en), null, sector, level, null, null, interests, null,
                null, null, null);
    }

    private static final OccupationCatalogue CATALOGUE = OccupationCatalogue.of(List.of(
            occupation("registered-nurse", "Infirmier ou infirmière", "Registered nurse", Sector.HEALTH, 3),
            occupation("nursing-assistant", "Aide-soignant ou aide-soignante", "Nursing assistant", Sector.HEALTH, 2),
            occupation("electrician", "Électricien ou électricienne", "Electrician", Sector.CONSTRUCTION, 2)));

    private static List<String> ids(OccupationQuery query) {
        return CATALOGUE.search(query).stream().map(Occupation::id).toList();
    }

    @Test
    void textMatchesTheStartOfWordsInAnyLanguageIgnoringCaseAndAccents() {
        assertEquals(List.of("registered-nurse"), ids(new OccupationQuery("INFIRM", null, null)));
        assertEquals(List.of("electrician"), ids(new OccupationQuery("électri", null, null)));
        assertEquals(List.of("electrician"), ids(new OccupationQuery("electricienne", null, null)));
        assertEquals(List.of("nursing-assistant", "registered-nurse"), ids(new OccupationQuery("nurs", null, null)));
        assertEquals(List.of("nursing-assistant"), ids(new OccupationQuery("aide soignante", null, null)));
        assertEquals(List.of(), ids(new OccupationQuery("urse", null, null)), "words match from their start");
    }

    @Test
    void sectorAndLevelFilter() {
        assertEquals(List.of("nursing-assistant", "registered-nurse"), ids(new OccupationQuery(null, Sector.HEALTH, null)));
        assertEquals(List.of("electrician", "nursing-assistant"), ids(new OccupationQuery(null, null, 2)));
        assertEquals(List.of("nursing-assistant"), ids(new OccupationQuery("nurs", Sector.HEALTH, 2)));
        assertEquals(3, CATALOGUE.search(OccupationQuery.all()).size());
    }

    @Test
    void aLaterSourceReplacesOccupationsWithTheSameId() {
        OccupationCatalogue centre = OccupationCatalogue.of(List.of(
                occupation("electrician", "Électricien (centre)", "Electrician (centre)", Sector.CONSTRUCTION, 3),
                occupation("plumber", "Plombier", "Plumber", Sector.CONSTRUCTION, 2)));
        OccupationCatalogue merged = CATALOGUE.with(centre);
        assertEquals(4, merged.size());
        assertEquals(3, merged.find("electrician").orElseThrow().level());
    }

    @Test
    void idsAreUniqueWithinOneSource() {
        assertThrows(IllegalArgumentException.class, () -> OccupationCatalogue.of(List.of(
                occupation("plumber", "A", "A", Sector.CONSTRUCTION, 2), occupation("plumber", "B", "B", Sector.CONSTRUCTION, 2))));
    }

    @Test
    void sectorsOfOnetCodesFollowTheMajorGroup() {
        assertEquals(Sector.HEALTH, Sector.ofOnetCode("31-1131.00"));
        assertEquals(Sector.IT_DIGITAL, Sector.ofOnetCode("15-1252.00"));
        assertEquals(Sector.PUBLIC_SAFETY, Sector.ofOnetCode("55-3011.00"));
        assertThrows(IllegalArgumentException.class, () -> Sector.ofOnetCode("99-0000.00"));
    }
}
