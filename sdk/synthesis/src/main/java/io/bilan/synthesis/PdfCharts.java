package io.bilan.synthesis;

import static io.bilan.synthesis.PdfWriter.BODY;
import static io.bilan.synthesis.PdfWriter.LEFT;
import static io.bilan.synthesis.PdfWriter.RIGHT;
import static io.bilan.synthesis.PdfWriter.SMALL;

import java.io.IOException;
import java.util.List;
import java.util.function.DoubleFunction;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/** The charts of the PDF, drawn with PDFBox graphics: horizontal bars and the RIASEC hexagon. */
final class PdfCharts {

    private static final int TRACK = 0xe4e9f0;
    private static final int BAR = 0x2f6db5;
    private static final int GRID = 0xc9d1dc;
    private static final int AREA = 0xc6d7ee;

    // Columns of a bar row: the label, the bar, then the value with its note.
    private static final float LABEL_WIDTH = 160;
    private static final float TRACK_X = LEFT + 170;
    private static final float TRACK_WIDTH = 190;
    private static final float VALUE_X = TRACK_X + TRACK_WIDTH + 10;
    private static final float BAR_HEIGHT = 8;

    static final float HEXAGON_HEIGHT = 250;
    private static final float HEXAGON_RADIUS = 85;

    private PdfCharts() {
    }

    /**
     * One row per level: the label, a bar as long as the level, the level as {@code shown} writes it and its note.
     * With {@code divisions} above 1 the bar is marked where the scale's steps begin (the four mastery steps).
     */
    static void bars(PdfWriter pdf, List<Synthesis.Level> levels, DoubleFunction<String> shown, int divisions)
            throws IOException {
        for (Synthesis.Level level : levels) {
            List<String> label = label(pdf, level);
            List<String> note = note(pdf, level);
            float height = height(label, note);
            pdf.ensure(height);
            pdf.element(StandardStructureTypes.P);
            float top = pdf.y();
            float baseline = top - BODY.size();
            for (int i = 0; i < label.size(); i++) {
                pdf.show(label.get(i), BODY, LEFT, baseline - i * BODY.leading());
            }
            PDPageContentStream canvas = pdf.canvas();
            pdf.beginArtifact();
            float bottom = baseline - 1;
            pdf.fill(TRACK);
            canvas.addRect(TRACK_X, bottom, TRACK_WIDTH, BAR_HEIGHT);
            canvas.fill();
            pdf.fill(BAR);
            canvas.addRect(TRACK_X, bottom, (float) (TRACK_WIDTH * level.level()), BAR_HEIGHT);
            canvas.fill();
            if (divisions > 1) {
                pdf.stroke(0xffffff);
                canvas.setLineWidth(1);
                for (int step = 1; step < divisions; step++) {
                    float x = TRACK_X + TRACK_WIDTH * step / divisions;
                    canvas.moveTo(x, bottom);
                    canvas.lineTo(x, bottom + BAR_HEIGHT);
                }
                canvas.stroke();
            }
            pdf.endArtifact();
            pdf.show(shown.apply(level.level()), BODY, VALUE_X, baseline);
            for (int i = 0; i < note.size(); i++) {
                pdf.show(note.get(i), SMALL, VALUE_X, baseline - BODY.leading() + 2 - i * SMALL.leading());
            }
            pdf.advance(height);
        }
    }

    /** The height of a level's row in {@link #bars}: what a heading keeps with it. */
    static float rowHeight(PdfWriter pdf, Synthesis.Level level) throws IOException {
        return height(label(pdf, level), note(pdf, level));
    }

    private static List<String> label(PdfWriter pdf, Synthesis.Level level) throws IOException {
        return pdf.wrap(level.label(), BODY, LABEL_WIDTH);
    }

    private static List<String> note(PdfWriter pdf, Synthesis.Level level) throws IOException {
        return FreeText.present(level.note()) ? pdf.wrap(level.note(), SMALL, RIGHT - VALUE_X) : List.of();
    }

    private static float height(List<String> label, List<String> note) {
        return Math.max(label.size() * BODY.leading(), BODY.leading() + note.size() * SMALL.leading()) + 4;
    }

    /**
     * The hexagon of the six interest areas, centred on the page: the grid's rings and axes, the person's
     * polygon, and at the end of each axis the area and its level.
     */
    static void hexagon(PdfWriter pdf, List<Synthesis.Level> interests, Labels labels) throws IOException {
        pdf.ensure(HEXAGON_HEIGHT);
        float cx = LEFT + PdfWriter.width() / 2;
        float cy = pdf.y() - HEXAGON_HEIGHT / 2;
        PDPageContentStream canvas = pdf.canvas();
        pdf.beginArtifact();

        pdf.fill(AREA);
        polygon(canvas, RiasecHexagon.polygon(interests, HEXAGON_RADIUS), cx, cy);
        canvas.fill();

        pdf.stroke(GRID);
        canvas.setLineWidth(0.6f);
        for (double ring : RiasecHexagon.RINGS) {
            polygon(canvas, RiasecHexagon.ring(ring, HEXAGON_RADIUS), cx, cy);
        }
        for (int axis = 0; axis < RiasecHexagon.AXES; axis++) {
            RiasecHexagon.Point end = RiasecHexagon.vertex(axis, HEXAGON_RADIUS);
            canvas.moveTo(cx, cy);
            canvas.lineTo(cx + (float) end.x(), cy - (float) end.y());
        }
        canvas.stroke();

        pdf.stroke(BAR);
        canvas.setLineWidth(1.5f);
        polygon(canvas, RiasecHexagon.polygon(interests, HEXAGON_RADIUS), cx, cy);
        canvas.stroke();
        pdf.endArtifact();

        for (int axis = 0; axis < RiasecHexagon.AXES; axis++) {
            pdf.element(StandardStructureTypes.P);
            axisLabel(pdf, axis, interests.get(axis), labels, cx, cy);
        }
        pdf.advance(HEXAGON_HEIGHT);
    }

    // The area's name, and its level below it, placed beyond the end of the axis on the side it points to.
    private static void axisLabel(PdfWriter pdf, int axis, Synthesis.Level interest, Labels labels, float cx, float cy)
            throws IOException {
        RiasecHexagon.Point at = RiasecHexagon.vertex(axis, HEXAGON_RADIUS + 8);
        float x = cx + (float) at.x();
        float y = cy - (float) at.y();
        String level = labels.percent(interest.level());
        switch (RiasecHexagon.side(axis)) {
            case ABOVE -> {
                pdf.showCentred(interest.label(), BODY, x, y + 14);
                pdf.showCentred(level, SMALL, x, y + 3);
            }
            case BELOW -> {
                pdf.showCentred(interest.label(), BODY, x, y - 9);
                pdf.showCentred(level, SMALL, x, y - 20);
            }
            case RIGHT -> {
                pdf.show(interest.label(), BODY, x, y);
                pdf.show(level, SMALL, x, y - 11);
            }
            case LEFT -> {
                pdf.showRight(interest.label(), BODY, x, y);
                pdf.showRight(level, SMALL, x, y - 11);
            }
        }
    }

    // Screen offsets (y down) to page coordinates (y up).
    private static void polygon(PDPageContentStream canvas, List<RiasecHexagon.Point> points, float cx, float cy)
            throws IOException {
        for (int i = 0; i < points.size(); i++) {
            float x = cx + (float) points.get(i).x();
            float y = cy - (float) points.get(i).y();
            if (i == 0) {
                canvas.moveTo(x, y);
            } else {
                canvas.lineTo(x, y);
            }
        }
        canvas.closePath();
    }
}
