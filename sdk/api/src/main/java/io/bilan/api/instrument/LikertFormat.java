package io.bilan.api.instrument;

import java.util.List;

/**
 * A Likert response format shared by many items, declared once under {@code likertFormats}.
 * Reversed keys are computed from {@code min} and {@code max} as declared here, never from the data.
 *
 * @param min    the lowest point, inclusive
 * @param max    the highest point, inclusive; greater than {@code min}
 * @param labels the labelled points, at least the two ends
 */
public record LikertFormat(int min, int max, List<LabelledPoint> labels) {
    public LikertFormat {
        labels = List.copyOf(labels);
    }
}
