package io.bilan.engine.http;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import java.util.List;
import java.util.function.Function;

/**
 * Which page of a list a client asks for: at most {@code limit} items, after the item a {@link Cursor} names (from
 * the start without one). Lists that grow are read this way, by their sort key (keyset pagination): a page is as
 * cheap deep in the list as at its start, and an item added meanwhile is neither skipped nor seen twice.
 */
public record PageRequest(int limit, Cursor after) {

    /** The items of a page when the client gives no {@code limit}. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most items a page holds. */
    public static final int MAX_LIMIT = 200;
    /** {@link #MAX_LIMIT} and {@link #DEFAULT_LIMIT} as the document's annotations take them. */
    public static final String MAX_LIMIT_TEXT = "" + MAX_LIMIT;
    public static final String DEFAULT_LIMIT_TEXT = "" + DEFAULT_LIMIT;
    /** The query parameter of the page size. */
    public static final String LIMIT = "limit";

    /** What the document says of {@code limit}. */
    public static final String LIMIT_DESCRIPTION = "The most items of the page, 1 to " + MAX_LIMIT + " (default "
            + DEFAULT_LIMIT + "). When more follow, the `Link` header of the answer has the next page's address "
            + "(`rel=\"next\"`).";
    /** What the document says of {@code cursor}. */
    public static final String CURSOR_DESCRIPTION = "Where the page starts: the opaque value the `Link` header of the "
            + "previous page gives. Absent for the first page.";

    /** What a cursor looks like, for the document. */
    public static final String CURSOR_EXAMPLE = "MjAyNi0xMS0wMlQwOTowMDowMFoKM2YwYzFkMmU";

    /** The page asked for; a 400 naming the parameter for a limit out of range or a cursor not given by this list. */
    public static PageRequest of(String limit, String cursor, int cursorParts) {
        return new PageRequest(limit(limit),
                cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, cursorParts));
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw InvalidRequestException.at(LIMIT, "invalid-limit", Texts.of("error.invalid-limit", MAX_LIMIT, text));
    }

    /** The first page. */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** How many rows to read: one more than the page, to know whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    /**
     * The page of {@code rows}, read in the list's order with at most {@link #fetch()} of them: the first
     * {@code limit} as views, and the cursor of the last one when a row is left over.
     */
    public <R, T> Page<T> page(List<R> rows, Function<R, Cursor> key, Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> kept = more ? rows.subList(0, limit) : rows;
        return new Page<>(kept.stream().map(view).toList(), more ? key.apply(kept.getLast()) : null);
    }
}
