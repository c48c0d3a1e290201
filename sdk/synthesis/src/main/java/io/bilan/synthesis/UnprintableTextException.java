package io.bilan.synthesis;

import java.util.Locale;

/**
 * The synthesis holds a character that none of the PDF's embedded fonts can draw (an emoji, a Chinese ideograph):
 * the document is refused rather than printed with the character replaced.
 */
public final class UnprintableTextException extends IllegalArgumentException {

    private final int codePoint;

    UnprintableTextException(int codePoint, String text) {
        super(String.format(Locale.ROOT, "U+%04X %s in \"%s\" cannot be printed: no font of the PDF has it",
                codePoint, Character.getName(codePoint), text));
        this.codePoint = codePoint;
    }

    /** The character that cannot be printed. */
    public int codePoint() {
        return codePoint;
    }
}
