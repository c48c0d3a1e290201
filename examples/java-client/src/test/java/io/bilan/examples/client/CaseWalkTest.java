package io.bilan.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The next page of a list is where its Link header says, until a page has none. */
class CaseWalkTest {

    @Test
    void theCursorOfTheNextPageComesFromTheLinkHeader() {
        assertEquals("MjAyNi0xMQo_-x", CaseWalk.nextCursor(List.of(
                "<http://localhost:8080/api/v1/cases/c-1/audit?limit=5&cursor=MjAyNi0xMQo_-x>; rel=\"next\"")));
        assertNull(CaseWalk.nextCursor(List.of()));
        assertNull(CaseWalk.nextCursor(List.of("<http://localhost:8080/api/v1/cases?limit=5>; rel=\"prev\"")));
    }
}
