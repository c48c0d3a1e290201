package io.bilan.engine.web.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.instrument.InstrumentKind;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.report.BandResult;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the person sees after submitting follows the manifest's {@code respondentView}, or its kind. */
class RespondentViewTest {

    private static InstrumentManifest manifest(InstrumentKind kind, io.bilan.api.instrument.RespondentView view) {
        return new InstrumentManifest(1, "x", "1.0.0", kind, List.of(BilanPhase.values()[0]), List.of("en"), null, null,
                null, List.of(), "MIT", 5, null, null, List.of(), null, null, null, null, view);
    }

    /** Two scored scales from 0 to 10: R (raw 5, band "Mid") and I (raw 2, no band); a third was not scored. */
    private static final ScoreReport REPORT;

    static {
        Map<String, ScaleResult> scales = new LinkedHashMap<>();
        scales.put("R", new ScaleResult("Realistic", 5.0, 1.0, 5, 5, 0.0, 10.0, false, ScaleStatus.SCORED, null,
                new BandResult("mid", "Mid", "Some liking."), null));
        scales.put("I", new ScaleResult("Investigative", 2.0, 0.4, 5, 5, 0.0, 10.0, false, ScaleStatus.SCORED, null,
                null, null));
        scales.put("A", new ScaleResult("Artistic", null, null, 1, 5, 0.0, 10.0, false, ScaleStatus.INSUFFICIENT_DATA,
                null, null, null));
        REPORT = new ScoreReport("x@1.0.0", "d", "en", null, scales, List.of(), List.of(), List.of("Mostly R."), Map.of(),
                null);
    }

    @Test
    void withoutADeclarationAQuestionnaireShowsItsScalesAndATestNothing() {
        RespondentView questionnaire = RespondentView.of(manifest(InstrumentKind.QUESTIONNAIRE, null), REPORT, "en");
        assertTrue(questionnaire.shown() && questionnaire.charts());
        assertEquals(List.of("Realistic", "Investigative"), questionnaire.scales().stream().map(s -> s.label()).toList());
        for (InstrumentKind kind : List.of(InstrumentKind.TEST, InstrumentKind.OBSERVATION_GRID)) {
            assertFalse(RespondentView.of(manifest(kind, null), REPORT, "en").shown(), kind.code());
        }
    }

    @Test
    void scalesShowEveryScoredScaleWithItsPlaceBetweenItsBounds() {
        RespondentView view = RespondentView.of(manifest(InstrumentKind.TEST, io.bilan.api.instrument.RespondentView.SCALES),
                REPORT, "en");
        assertTrue(view.shown() && view.charts());
        // 5 of 0..10 is half way; 2 of 0..10 a fifth.
        assertEquals(new io.bilan.engine.web.ScaleLine("Realistic", "Mid", "Some liking.", 50, "5 / 10"), view.scales().get(0));
        assertEquals(20, view.scales().get(1).percent());
        assertEquals(List.of("Mostly R."), view.interpretation());
    }

    @Test
    void aSummaryShowsOnlyTheScalesWithABandAndNoChart() {
        RespondentView view = RespondentView.of(
                manifest(InstrumentKind.TEST, io.bilan.api.instrument.RespondentView.SUMMARY), REPORT, "en");
        assertTrue(view.shown());
        assertFalse(view.charts());
        assertEquals(List.of("Realistic"), view.scales().stream().map(s -> s.label()).toList());
        assertEquals(List.of("Mostly R."), view.interpretation());
    }

    @Test
    void counsellorOnlyShowsNothingEvenForAQuestionnaire() {
        RespondentView view = RespondentView.of(
                manifest(InstrumentKind.QUESTIONNAIRE, io.bilan.api.instrument.RespondentView.COUNSELLOR_ONLY), REPORT, "en");
        assertFalse(view.shown());
        assertEquals(List.of(), view.scales());
        assertEquals(List.of(), view.interpretation());
    }
}
