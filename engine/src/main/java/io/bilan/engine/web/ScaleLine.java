package io.bilan.engine.web;

import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.quarkus.qute.TemplateData;

/**
 * One scored scale as the pages draw it: its name, its band's label and text, and where its score sits between the
 * lowest and highest possible, in percent, for a bar. The respondent's results and the counsellor's case page show
 * scales alike.
 */
@TemplateData
public record ScaleLine(String label, String band, String text, int percent, String score) {

    /** Whether the scale was scored and has bounds to place its score between. */
    public static boolean drawable(ScaleResult scale) {
        return (scale.status() == null || scale.status() == ScaleStatus.SCORED)
                && scale.min() != null && scale.max() != null && scale.max() > scale.min();
    }

    /** The line of a {@link #drawable} scale: its raw score, else its mean, placed between its bounds. */
    public static ScaleLine of(ScaleResult scale) {
        double value = within(scale, scale.raw()) ? scale.raw() : within(scale, scale.mean()) ? scale.mean() : scale.min();
        int percent = (int) Math.round(100 * (value - scale.min()) / (scale.max() - scale.min()));
        return new ScaleLine(scale.label(), scale.band() == null ? null : scale.band().label(),
                scale.band() == null ? null : scale.band().text(), percent,
                plain(Math.round(value * 100) / 100.0) + " / " + plain(scale.max()));
    }

    /** A number as people write it: {@code 3} rather than {@code 3.0}. */
    public static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number)
                : String.valueOf(number);
    }

    private static boolean within(ScaleResult scale, Double value) {
        return value != null && value >= scale.min() - 1e-9 && value <= scale.max() + 1e-9;
    }
}
