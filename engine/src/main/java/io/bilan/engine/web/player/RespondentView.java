package io.bilan.engine.web.player;

import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What a respondent sees of their own result once they have submitted. A questionnaire shows its scales in plain
 * words (the band and its text, and where the score sits between its bounds) and its interpretation; a test or a grid
 * shows nothing: its results reach the person through their counsellor, who can put them in context.
 */
@TemplateData
record RespondentView(boolean shown, List<ScaleLine> scales, List<String> interpretation) {

    /** One scale: its name, its band's label and text, and its place between its bounds in percent. */
    @TemplateData
    record ScaleLine(String label, String band, String text, int percent, String score) {
    }

    static RespondentView of(InstrumentManifest manifest, ScoreReport report, String lang) {
        if (!manifest.kind().code().equals("questionnaire") || report == null) {
            return new RespondentView(false, List.of(), List.of());
        }
        List<ScaleLine> lines = report.scales().values().stream()
                .filter(scale -> scale.status() == null || scale.status() == ScaleStatus.SCORED)
                .filter(scale -> scale.min() != null && scale.max() != null && scale.max() > scale.min())
                .map(RespondentView::line).toList();
        return new RespondentView(true, lines, report.interpretation() == null ? List.of() : report.interpretation());
    }

    private static ScaleLine line(ScaleResult scale) {
        double value = within(scale, scale.raw()) ? scale.raw() : within(scale, scale.mean()) ? scale.mean() : scale.min();
        int percent = (int) Math.round(100 * (value - scale.min()) / (scale.max() - scale.min()));
        return new ScaleLine(scale.label(), scale.band() == null ? null : scale.band().label(),
                scale.band() == null ? null : scale.band().text(), percent,
                ItemViews.plain(Math.round(value * 100) / 100.0) + " / " + ItemViews.plain(scale.max()));
    }

    private static boolean within(ScaleResult scale, Double value) {
        return value != null && value >= scale.min() - 1e-9 && value <= scale.max() + 1e-9;
    }
}
