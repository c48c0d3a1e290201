package io.bilan.engine.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** If-None-Match as RFC 9110 writes it: any tag of the list, compared weakly; an unreadable field is ignored. */
class EntityTagsTest {

    private static final String CURRENT = "\"abc\"";

    private static boolean holds(String... lines) {
        return EntityTags.noneMatchFails(Arrays.asList(lines), CURRENT);
    }

    @Test
    void theCurrentTagAloneOrInAListMatches() {
        assertTrue(holds("\"abc\""));
        assertTrue(holds("\"x\", \"abc\""));
        assertTrue(holds("\"x\",\"abc\",\"y\""));
        assertTrue(holds(" \"abc\" "));
        assertTrue(holds("\"x\"", "\"abc\""));
        assertTrue(holds(",\"abc\","));
    }

    @Test
    void aWeakTagMatchesTheStrongOneOfTheSameValue() {
        assertTrue(holds("W/\"abc\""));
        assertTrue(holds("\"x\", W/\"abc\""));
    }

    @Test
    void anyRepresentationMatchesTheStar() {
        assertTrue(holds("*"));
        assertTrue(holds(" * "));
    }

    @Test
    void otherTagsDoNotMatch() {
        assertFalse(EntityTags.noneMatchFails(null, CURRENT));
        assertFalse(EntityTags.noneMatchFails(List.of(), CURRENT));
        assertFalse(holds("\"abcd\""));
        assertFalse(holds("\"ab\""));
        assertFalse(holds("\"ABC\""));
        assertFalse(holds("\"x\", W/\"y\""));
        assertFalse(holds(""));
    }

    @Test
    void anUnreadableFieldIsIgnored() {
        assertFalse(holds("abc"));
        assertFalse(holds("\"abc"));
        assertFalse(holds("\"abc\" junk"));
        assertFalse(holds("w/\"abc\""));
        assertFalse(holds("\"abc\"", "junk"));
    }
}
