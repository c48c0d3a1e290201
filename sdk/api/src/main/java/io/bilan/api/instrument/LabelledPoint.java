package io.bilan.api.instrument;

/**
 * A labelled point of a rating scale: a Likert point ("Strongly agree") or a behavioural anchor of an
 * observation criterion ("Restates the other person's view before answering").
 */
public record LabelledPoint(int value, LocalizedText label) {
}
