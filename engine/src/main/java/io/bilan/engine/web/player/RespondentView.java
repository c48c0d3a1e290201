package io.bilan.engine.web.player;

import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.web.ScaleLine;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What a respondent sees of their own result once they have submitted, as the package's {@code respondentView}
 * says (absent, by its kind: a questionnaire its scales, a test or a grid nothing). {@code scales}: each scale in
 * plain words (the band and its text) with where the score sits between its bounds, then the interpretation;
 * {@code summary}: the scales that have a band, by their band and its text only (no score, no chart), then the
 * interpretation; {@code counsellor-only}: nothing, the results reach the person through their counsellor, who can
 * put them in context.
 *
 * @param shown  whether anything of the result is shown
 * @param charts whether each scale shows its score and a bar ({@code scales}), or its band in words only
 */
@TemplateData
record RespondentView(boolean shown, boolean charts, List<ScaleLine> scales, List<String> interpretation) {

    static RespondentView of(InstrumentManifest manifest, ScoreReport report, String lang) {
        io.bilan.api.instrument.RespondentView declared = manifest.effectiveRespondentView();
        if (declared == io.bilan.api.instrument.RespondentView.COUNSELLOR_ONLY || report == null) {
            return new RespondentView(false, false, List.of(), List.of());
        }
        boolean charts = declared == io.bilan.api.instrument.RespondentView.SCALES;
        List<ScaleLine> lines = report.scales().values().stream()
                .filter(ScaleLine::drawable)
                .filter(scale -> charts || scale.band() != null)
                .map(ScaleLine::of).toList();
        return new RespondentView(true, charts, lines,
                report.interpretation() == null ? List.of() : report.interpretation());
    }
}
