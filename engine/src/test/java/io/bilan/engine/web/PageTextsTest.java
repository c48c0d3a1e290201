package io.bilan.engine.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every text of the pages exists in French and English, and formatted texts keep their arguments. */
class PageTextsTest {

    @Test
    void frenchAndEnglishSayTheSameThings() {
        assertEquals(PageTexts.of("en").keys(), PageTexts.of("fr").keys());
    }

    @Test
    void argumentsAreFilledInEvenAfterAnApostrophe() {
        assertEquals("Un nombre d’au moins 3.", PageTexts.of("fr").format("item.number.atLeast", 3));
        assertEquals("Question 4 : Merci de répondre à cette question.",
                PageTexts.of("fr").format("problem.atItem", 4, PageTexts.of("fr").get("problem.missing-answer")));
        assertEquals("Choose between 2 and 3.", PageTexts.of("en").format("item.picks.between", 2, 3));
    }

    @Test
    void aLanguageThePagesDoNotSpeakFallsBackToFrench() {
        assertEquals("fr", PageTexts.of("de").language());
    }
}
