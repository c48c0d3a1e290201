package io.bilan.synthesis;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Renders a {@link Synthesis} as one self-contained HTML5 page: inline CSS, no script and nothing loaded from
 * elsewhere (its Content-Security-Policy forbids it), so the page can be stored, mailed or printed as it is.
 * Every text of the synthesis is escaped. Sections without content are left out, except the circumstances and
 * the roadmap, which say that nothing is written yet.
 */
public final class SynthesisHtml {

    /** The hexagon's centre and radius in the SVG's own units (its view box is 420 by 320). */
    static final double HEXAGON_X = 210;
    static final double HEXAGON_Y = 160;
    static final double HEXAGON_RADIUS = 100;

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { font: 11pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d2430;
              max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
            h1 { font-size: 1.55rem; margin: 0 0 1.2rem; color: #173a63; }
            h2 { font-size: 1.15rem; color: #173a63; border-bottom: 1px solid #c9d1dc; padding-bottom: .2rem;
              margin: 1.8rem 0 .7rem; }
            h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
            p { margin: 0 0 .6rem; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
            dl.facts dt { font-weight: bold; }
            dl.facts dd { margin: 0; }
            .legend, .note, .empty { color: #5b6574; }
            .legend { font-size: .9em; margin-top: -.3rem; }
            .empty { font-style: italic; }
            table.bars { width: 100%; border-collapse: collapse; }
            table.bars td { padding: .25rem .6rem .25rem 0; vertical-align: middle; }
            table.bars td.label { width: 36%; }
            table.bars td.track { width: 40%; }
            .track div { background: #e4e9f0; height: .75rem; border-radius: 2px; overflow: hidden; }
            .track span { display: block; height: 100%; background: #2f6db5; }
            table.bars td.value { white-space: nowrap; }
            table.bars .note { display: block; white-space: normal; font-size: .9em; }
            figure.hexagon { margin: .5rem 0; }
            figure.hexagon svg { width: 100%; max-width: 27rem; height: auto; }
            ol.roadmap li { margin-bottom: .45rem; }
            ol.roadmap .detail, ul.options .detail { display: block; color: #3d4653; }
            ul.options li { margin-bottom: .3rem; }
            .signature { display: inline-block; min-width: 14rem; margin: 0 2rem 1rem 0; vertical-align: top; }
            .signature .note { border-bottom: 1px solid #c9d1dc; padding-bottom: 3rem; }
            footer { margin-top: 2.5rem; border-top: 1px solid #c9d1dc; padding-top: .6rem; font-size: .92em; }
            footer .status { font-weight: bold; }
            footer.draft .status { color: #9a3b00; }
            footer .digest { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
            @page { size: A4; margin: 2cm; }
            @media print {
              body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
              h2, h3 { break-after: avoid-page; }
              table.bars tr, figure.hexagon, ol.roadmap li, .signature { break-inside: avoid-page; }
              .track div, .track span, svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }
            """;

    private final Synthesis synthesis;
    private final Labels labels;
    private final StringBuilder html = new StringBuilder(16_384);

    private SynthesisHtml(Synthesis synthesis, Labels labels) {
        this.synthesis = synthesis;
        this.labels = labels;
    }

    /** The synthesis as an HTML5 page, in the synthesis's language. */
    public static String render(Synthesis synthesis) {
        return new SynthesisHtml(synthesis, Labels.of(synthesis.language())).page();
    }

    /**
     * The RIASEC hexagon alone, as the document draws it: an inline SVG figure for a page that shows a profile
     * outside the document. {@code interests} are the six areas in hexagon order, as {@link Synthesis#interests()}.
     */
    public static String hexagon(List<Synthesis.Level> interests, String language) {
        if (interests.size() != RiasecHexagon.AXES) {
            throw new IllegalArgumentException("the hexagon needs the six areas, got " + interests.size());
        }
        SynthesisHtml figure = new SynthesisHtml(null, Labels.of(language));
        figure.hexagon(interests);
        return figure.html.toString();
    }

    private String page() {
        String title = labels.title() + " — " + synthesis.beneficiary().name();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(synthesis.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        html.append("<h1>").append(escape(labels.title())).append("</h1>\n");
        facts();
        circumstances();
        process();
        project();
        bars("competences", labels.competences(), labels.competencesLegend(), synthesis.competences(), labels::mastery);
        bars("aptitudes", labels.aptitudes(), labels.aptitudesLegend(), synthesis.aptitudes(), labels::percent);
        interests();
        bars("values", labels.values(), labels.valuesLegend(), synthesis.values(), labels::percent);
        notAssessed();
        factors();
        roadmap();
        options();
        conclusion();
        confidentiality();
        signatures();
        html.append("</main>\n");
        footer();
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void facts() {
        html.append("<section class=\"facts\">\n<dl class=\"facts\">\n");
        labels.facts(synthesis).forEach(this::fact);
        html.append("</dl>\n</section>\n");
    }

    private void fact(String label, String value) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private void circumstances() {
        open("circumstances", labels.circumstances());
        if (FreeText.present(synthesis.circumstances())) {
            paragraphs(synthesis.circumstances());
        } else {
            html.append("<p class=\"empty\">").append(escape(labels.noCircumstances())).append("</p>\n");
        }
        close();
    }

    // The sessions and the instruments, with their dates: how the bilan was run.
    private void process() {
        Synthesis.Handover handover = synthesis.handover();
        if (handover == null || handover.sessions().isEmpty() && handover.methods().isEmpty()) {
            return;
        }
        open("process", labels.process());
        if (!handover.sessions().isEmpty()) {
            html.append("<h3>").append(escape(labels.sessions())).append("</h3>\n<ul class=\"sessions\">\n");
            for (Synthesis.Session session : handover.sessions()) {
                html.append("<li>").append(escape(labels.session(session))).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (!handover.methods().isEmpty()) {
            html.append("<h3>").append(escape(labels.methods())).append("</h3>\n<ul class=\"methods\">\n");
            for (Synthesis.Method method : handover.methods()) {
                html.append("<li><strong>").append(escape(method.title())).append("</strong>");
                if (FreeText.present(method.reference())) {
                    html.append(" (").append(escape(method.reference())).append(')');
                }
                html.append(" — ").append(escape(labels.used(method))).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        close();
    }

    private void notAssessed() {
        if (synthesis.handover() == null || synthesis.handover().notAssessed().isEmpty()) {
            return;
        }
        open("not-assessed", labels.notAssessed());
        html.append("<ul class=\"not-assessed\">\n");
        for (String item : synthesis.handover().notAssessed()) {
            html.append("<li>").append(escape(item)).append("</li>\n");
        }
        html.append("</ul>\n");
        close();
    }

    private void confidentiality() {
        open("confidentiality", labels.confidentiality());
        for (String paragraph : labels.confidentialityText()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        close();
    }

    // A block per counsellor who signs: name, function, and room for the date and signature on paper.
    private void signatures() {
        if (synthesis.handover() == null || synthesis.handover().signatories().isEmpty()) {
            return;
        }
        open("signatures", labels.signatures());
        for (Synthesis.Signatory signatory : synthesis.handover().signatories()) {
            html.append("<div class=\"signature\"><p><strong>").append(escape(signatory.name())).append("</strong>");
            if (FreeText.present(signatory.function())) {
                html.append("<br>\n").append(escape(signatory.function()));
            }
            html.append("</p>\n<p class=\"note\">").append(escape(labels.dateAndSignature())).append("</p></div>\n");
        }
        close();
    }

    private void project() {
        Synthesis.Project project = synthesis.project();
        if (project == null) {
            return;
        }
        open("project", labels.project());
        html.append("<p class=\"project-title\"><strong>").append(escape(project.title())).append("</strong></p>\n");
        html.append("<dl class=\"facts\">\n");
        if (FreeText.present(project.sector())) {
            fact(labels.sector(), project.sector());
        }
        if (FreeText.present(project.fit())) {
            fact(labels.fit(), project.fit());
        }
        html.append("</dl>\n");
        close();
    }

    private void bars(String kind, String heading, String legend, List<Synthesis.Level> levels,
            DoubleFunction<String> shown) {
        if (levels.isEmpty()) {
            return;
        }
        open(kind, heading);
        html.append("<p class=\"legend\">").append(escape(legend)).append("</p>\n<table class=\"bars\">\n");
        for (Synthesis.Level level : levels) {
            html.append("<tr><td class=\"label\">").append(escape(level.label())).append("</td>")
                    .append("<td class=\"track\"><div><span style=\"width:").append(number(level.level() * 100))
                    .append("%\"></span></div></td>")
                    .append("<td class=\"value\">").append(escape(shown.apply(level.level())));
            if (FreeText.present(level.note())) {
                html.append("<span class=\"note\">").append(escape(level.note())).append("</span>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</table>\n");
        close();
    }

    private void interests() {
        List<Synthesis.Level> interests = synthesis.interests();
        if (interests.isEmpty() && !FreeText.present(synthesis.hollandCode())) {
            return;
        }
        open("interests", labels.interests());
        if (!interests.isEmpty()) {
            html.append("<p class=\"legend\">").append(escape(labels.interestsLegend())).append("</p>\n");
            hexagon(interests);
        }
        if (FreeText.present(synthesis.hollandCode())) {
            html.append("<p class=\"holland\">").append(escape(labels.field(labels.hollandCode())))
                    .append("<strong>").append(escape(synthesis.hollandCode())).append("</strong></p>\n");
        }
        close();
    }

    private void hexagon(List<Synthesis.Level> interests) {
        html.append("<figure class=\"hexagon\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 420 320\" role=\"img\" aria-label=\"")
                .append(escape(labels.interests())).append("\">\n");
        for (double ring : RiasecHexagon.RINGS) {
            html.append("<polygon class=\"grid\" points=\"").append(points(RiasecHexagon.ring(ring, HEXAGON_RADIUS)))
                    .append("\" fill=\"none\" stroke=\"#c9d1dc\" stroke-width=\"1\"/>\n");
        }
        for (int axis = 0; axis < RiasecHexagon.AXES; axis++) {
            RiasecHexagon.Point end = RiasecHexagon.vertex(axis, HEXAGON_RADIUS);
            html.append("<line class=\"axis\" x1=\"").append(number(HEXAGON_X)).append("\" y1=\"").append(number(HEXAGON_Y))
                    .append("\" x2=\"").append(number(HEXAGON_X + end.x())).append("\" y2=\"").append(number(HEXAGON_Y + end.y()))
                    .append("\" stroke=\"#c9d1dc\" stroke-width=\"1\"/>\n");
        }
        html.append("<polygon class=\"person\" points=\"").append(points(RiasecHexagon.polygon(interests, HEXAGON_RADIUS)))
                .append("\" fill=\"#2f6db5\" fill-opacity=\"0.25\" stroke=\"#2f6db5\" stroke-width=\"2\"/>\n");
        for (int axis = 0; axis < RiasecHexagon.AXES; axis++) {
            axisLabel(axis, interests.get(axis));
        }
        html.append("</svg>\n</figure>\n");
    }

    // Two lines at the end of each axis: the area, then its level.
    private void axisLabel(int axis, Synthesis.Level interest) {
        RiasecHexagon.Point at = RiasecHexagon.vertex(axis, HEXAGON_RADIUS + 10);
        double x = HEXAGON_X + at.x();
        double y = HEXAGON_Y + at.y();
        String anchor = "middle";
        switch (RiasecHexagon.side(axis)) {
            case ABOVE -> y -= 16;
            case BELOW -> y += 12;
            case RIGHT -> anchor = "start";
            case LEFT -> anchor = "end";
        }
        html.append("<text class=\"area\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
                .append("\" text-anchor=\"").append(anchor)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" fill=\"#1d2430\">")
                .append(escape(interest.label()))
                .append("<tspan x=\"").append(number(x)).append("\" dy=\"14\" fill=\"#5b6574\">")
                .append(escape(labels.percent(interest.level()))).append("</tspan></text>\n");
    }

    private void factors() {
        if (synthesis.favourable().isEmpty() && synthesis.unfavourable().isEmpty()) {
            return;
        }
        open("factors", labels.factors());
        list("favourable", labels.favourable(), synthesis.favourable());
        list("unfavourable", labels.unfavourable(), synthesis.unfavourable());
        close();
    }

    private void list(String kind, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<h3>").append(escape(heading)).append("</h3>\n<ul class=\"").append(kind).append("\">\n");
        for (String item : items) {
            html.append("<li>").append(escape(item)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private void roadmap() {
        open("roadmap", labels.roadmap());
        if (synthesis.roadmap().isEmpty()) {
            html.append("<p class=\"empty\">").append(escape(labels.noRoadmap())).append("</p>\n");
        } else {
            html.append("<ol class=\"roadmap\">\n");
            for (Synthesis.Step step : synthesis.roadmap()) {
                html.append("<li><strong>").append(escape(step.title())).append("</strong>");
                if (FreeText.present(step.detail())) {
                    html.append("<span class=\"detail\">").append(escape(step.detail())).append("</span>");
                }
                html.append("</li>\n");
            }
            html.append("</ol>\n");
        }
        close();
    }

    private void options() {
        if (synthesis.options().isEmpty()) {
            return;
        }
        open("options", labels.options());
        html.append("<ul class=\"options\">\n");
        for (Synthesis.Option option : synthesis.options()) {
            html.append("<li><strong>").append(escape(option.title())).append("</strong>");
            if (FreeText.present(option.sector())) {
                html.append(" — ").append(escape(option.sector()));
            }
            if (FreeText.present(option.fit())) {
                html.append(" — ").append(escape(labels.fitBand(option.fit())));
            }
            if (FreeText.present(option.reason())) {
                html.append("<span class=\"detail\">").append(escape(option.reason())).append("</span>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
        close();
    }

    private void conclusion() {
        if (!FreeText.present(synthesis.conclusion())) {
            return;
        }
        open("conclusion", labels.conclusion());
        paragraphs(synthesis.conclusion());
        close();
    }

    private void footer() {
        Synthesis.Approval approval = synthesis.approval();
        html.append("<footer class=\"").append(approval == null ? "draft" : "approved").append("\">\n<p class=\"status\">")
                .append(escape(approval == null ? labels.draft() : labels.approved(approval.on(), approval.by())))
                .append("</p>\n");
        if (approval != null) {
            html.append("<p>").append(escape(labels.field(labels.digest())))
                    .append("<span class=\"digest\">").append(escape(approval.digest())).append("</span></p>\n");
        }
        html.append("<p class=\"note\">").append(escape(labels.ownership())).append("</p>\n</footer>\n");
    }

    private void open(String kind, String heading) {
        html.append("<section class=\"").append(kind).append("\">\n<h2>").append(escape(heading)).append("</h2>\n");
    }

    private void close() {
        html.append("</section>\n");
    }

    private void paragraphs(String text) {
        for (String paragraph : FreeText.paragraphs(text)) {
            html.append("<p>").append(escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
        }
    }

    private static String points(List<RiasecHexagon.Point> points) {
        StringBuilder text = new StringBuilder();
        for (RiasecHexagon.Point point : points) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(number(HEXAGON_X + point.x())).append(',').append(number(HEXAGON_Y + point.y()));
        }
        return text.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Escapes text for element content and quoted attributes alike, and drops control characters. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Other control characters are not allowed in HTML; a pasted text may carry some.
                    if (c >= ' ' || c == '\n' || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
