package io.bilan.synthesis;

import java.util.ArrayList;
import java.util.List;

/** The free texts of a synthesis (circumstances, conclusion) as the counsellor typed them. */
final class FreeText {

    private FreeText() {
    }

    /** Whether there is anything to print. */
    static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /**
     * The paragraphs of a text: blank lines separate them, and the single line breaks left inside one are kept
     * as {@code '\n'}, since a counsellor uses them for short lists.
     */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        if (!present(text)) {
            return paragraphs;
        }
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            String paragraph = block.strip().replaceAll("[ \\t]*\n[ \\t]*", "\n");
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
        }
        return paragraphs;
    }
}
