package io.bilan.runtime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch's CSV reader reads what Jackson's CSV parser read before it: the same rows, cells and problems, on
 * hand-written edge cases and on generated input full of quotes, commas, line ends, byte order marks, blank lines,
 * ragged rows and cells longer than the limit, handed over in pieces of random sizes.
 */
class CsvRowReaderTest {

    private static final String NOT_A_SEPARATOR = "Expected column separator character (',' (code 44)) or end-of-line";

    @Test
    void readsQuotedFieldsWithCommasLineEndsAndDoubledQuotes() throws IOException {
        assertRows("a,\"b,c\"\r\n\"d\"\"e\",\"f\ng\r\nh\"\n\"\",\"\"\"\"\n",
                "[a, b,c]", "[d\"e, f\ng\r\nh]", "[, \"]");
    }

    @Test
    void endsLinesAtCrlfLfOrALoneCrAndReadsALastLineWithoutOne() throws IOException {
        assertRows("a,1\rb,2\r\nc,3\nd,4", "[a, 1]", "[b, 2]", "[c, 3]", "[d, 4]");
        assertRows("a\r", "[a]");
        assertRows("\"a\"\r\n", "[a]");
    }

    @Test
    void keepsAByteOrderMarkForTheHeaderToDrop() throws IOException {
        assertRows("\uFEFFrespondent,e1\n", "[\uFEFFrespondent, e1]");
    }

    @Test
    void skipsEmptyAndBlankLinesAndTheSpacesBeforeARow() throws IOException {
        // A line of spaces is skipped as Jackson skipped it; a tab makes one blank cell, which is skipped too.
        assertRows("a,z\n\n\r\n   \n\t\n  b, c \n  \"d\"\n \n", "[a, z]", "[b,  c ]", "[d]");
        assertRows("");
        assertRows("\n\r\n  ");
    }

    @Test
    void takesAQuoteInsideAnUnquotedFieldAsItIs() throws IOException {
        assertRows("a\"b,c\"\",x \"y\"\n", "[a\"b, c\"\", x \"y\"]");
    }

    @Test
    void readsAnEmptyCellAfterATrailingComma() throws IOException {
        assertRows("a,\nb,", "[a, ]", "[b, ]");
    }

    @Test
    void dropsWhiteSpaceAfterAClosingQuoteAndRefusesAnythingElse() throws IOException {
        assertRows("\"a\" \t,\"b\"  \nc\n", "[a, b]", "[c]");
        assertRows("x,\"a\"b,c\nd\n", "[x] not valid CSV: Unexpected character ('b' (code 98)): " + NOT_A_SEPARATOR,
                "[d]");
        assertRows("\"a\"\u007f\n", "[] not valid CSV: Unexpected character ((CTRL-CHAR, code 127)): "
                + NOT_A_SEPARATOR);
        assertRows("\"a\"é\n", "[] not valid CSV: Unexpected character ('é' (code 233)): " + NOT_A_SEPARATOR);
        assertRows("\"a\"€\n", "[] not valid CSV: Unexpected character ('€' (code 8364 / 0x20ac)): "
                + NOT_A_SEPARATOR);
    }

    @Test
    void goesOnAfterAnErrorAtTheNextCharacterAsANewCell() throws IOException {
        // After the b, "c\nd" is a quoted cell: the row ends at the line end after it.
        assertRows("\"a\"b\"c\nd\",e\nf\n", "[] not valid CSV: Unexpected character ('b' (code 98)): "
                + NOT_A_SEPARATOR, "[f]");
    }

    @Test
    void refusesAQuoteThatIsNeverClosed() throws IOException {
        assertRows("a,b\nc,\"d\ne,f\n", "[a, b]", "[c] not valid CSV: Missing closing quote for value");
        assertRows("\"a\"\"", "[] not valid CSV: Missing closing quote for value");
    }

    @Test
    void abandonsAnInputWhoseEveryCellFails() throws IOException {
        assertRows("\"a\"x".repeat(150) + "\nb\n", "[] not valid CSV: Unexpected character ('x' (code 120)): "
                + NOT_A_SEPARATOR + "; the rest of the input cannot be read");
    }

    @Test
    void refusesARowWithMoreCellsThanTheHeaderOrLongerThanTheLimit() throws IOException {
        assertRows("h1,h2\n1,2,3\n4,5\n", "[h1, h2]", "[1, 2] the row has more cells than the header's 2 columns",
                "[4, 5]");
        assertRows(10, "abcde,fghij\nabcde,fghij,k\nx\n", "[abcde, fghij]",
                "[abcde, fghij] the row is longer than 10 characters", "[x]");
        assertRows(10, "ab,\"cdefghijkl\"\nx\n", "[ab] the row is longer than 10 characters", "[x]");
        // A row too long in a cell that is not: the error after its closing quote comes first.
        assertRows(10, "abcdef,\"ghijk\"x\ny\n", "[abcdef] not valid CSV: Unexpected character ('x' (code 120)): "
                + NOT_A_SEPARATOR, "[y]");
        // A cell too long on its own: refused before what follows its closing quote, which is read as a cell.
        assertRows(10, "\"abcdefghijk\"x,z\ny\n", "[] the row is longer than 10 characters", "[y]");
    }

    /**
     * At the real limit: a cell one character too long is refused without being held, and the next row is read.
     * Jackson refused it too, in its own words, which named its own setting and a length that depends on its
     * buffers.
     */
    @Test
    void refusesACellLongerThanTheLimitAndGoesOn() throws IOException {
        long tooLong = BatchScorer.MAX_ROW_CHARS + 1L;
        String longer = "[x] the row is longer than " + BatchScorer.MAX_ROW_CHARS + " characters";
        assertEquals(List.of("[h1, h2]", longer, "[y, fine]"), rows(new CsvRowReader(
                new GeneratedReader("h1,h2\nx,\"", 'a', tooLong, "\"\ny,fine\n"), BatchScorer.MAX_ROW_CHARS)));
        assertEquals(List.of("[h1, h2]", longer, "[y, fine]"), rows(new CsvRowReader(
                new GeneratedReader("h1,h2\nx,", 'a', tooLong, "\ny,fine\n"), BatchScorer.MAX_ROW_CHARS)));
    }

    /**
     * Where Jackson went wrong: it stopped inside a quoted cell longer than its limit and read the rest as cells and
     * rows of their own, so that the line ends inside the cell made rows up. The reader skips the whole cell.
     */
    @Test
    void skipsAllOfAQuotedCellLongerThanTheLimit() throws IOException {
        String input = "h1,h2\nx,\"" + "line\n".repeat(40_000) + "\"\ny,fine\n";
        assertEquals(List.of("[h1, h2]", "[x] the row is longer than 1000 characters", "[y, fine]"),
                rows(new CsvRowReader(new StringReader(input), 1000)));
        assertNotEquals(3, jacksonRows(new StringReader(input), 1000).size());
    }

    @Test
    void refusesAnEndlessQuoteWithoutHoldingIt() throws IOException {
        assertEquals(List.of("[h1, h2]", "[x] not valid CSV: Missing closing quote for value"),
                rows(new CsvRowReader(new GeneratedReader("h1,h2\nx,\"", 'a', 3L * BatchScorer.MAX_ROW_CHARS, ""),
                        BatchScorer.MAX_ROW_CHARS)));
    }

    @Test
    void readsWhatJacksonsParserReadOnGeneratedInput() throws IOException {
        Random random = new Random(20261207L);
        for (int input = 0; input < 4000; input++) {
            // A small limit meets long rows and cells longer than the limit, but no stray quote (see text()).
            boolean small = random.nextInt(3) == 0;
            int limit = small ? 200 + random.nextInt(200) : BatchScorer.MAX_ROW_CHARS;
            String csv = generated(random, !small);
            long seed = random.nextLong();
            List<String> expected = jacksonRows(new Pieces(csv, new Random(seed)), limit);
            List<String> actual = rows(new CsvRowReader(new Pieces(csv, new Random(~seed)), limit));
            assertEquals(expected, actual, () -> "input " + escaped(csv) + " with a limit of " + limit);
            // Handed over whole, most rows lie whole in the reader's buffer and are read at once.
            assertEquals(expected, rows(new CsvRowReader(new StringReader(csv), limit)),
                    () -> "input " + escaped(csv) + " handed over whole, with a limit of " + limit);
        }
    }

    /** Hand-written cases: what the reader gives, and what Jackson's parser gave. */
    private static void assertRows(String csv, String... expected) throws IOException {
        assertRows(BatchScorer.MAX_ROW_CHARS, csv, expected);
    }

    private static void assertRows(int limit, String csv, String... expected) throws IOException {
        assertEquals(List.of(expected), rows(new CsvRowReader(new StringReader(csv), limit)));
        assertEquals(List.of(expected), jacksonRows(new StringReader(csv), limit));
    }

    /** Every row, read as the batch reads them: the first with any number of cells, the others as many as it. */
    private static List<String> rows(CsvRowReader reader) throws IOException {
        List<String> rows = new ArrayList<>();
        int maxCells = Integer.MAX_VALUE;
        CsvRowReader.Row row;
        while ((row = reader.next(maxCells)) != null) {
            rows.add(row.cells() + (row.problem() == null ? "" : " " + row.problem()));
            maxCells = rows.size() == 1 && row.problem() == null ? row.size() : maxCells;
        }
        return rows;
    }

    /**
     * The same with Jackson's parser. It refused a cell longer than its limit in its own words, with a length that
     * depends on its buffers: the reader says the row is too long.
     */
    private static List<String> jacksonRows(Reader in, int limit) throws IOException {
        JacksonCsvRowReader reader = new JacksonCsvRowReader(in, limit);
        List<String> rows = new ArrayList<>();
        int maxCells = Integer.MAX_VALUE;
        JacksonCsvRowReader.Row row;
        while ((row = reader.next(maxCells)) != null) {
            String problem = row.problem() == null ? "" : " " + row.problem().replaceAll(
                    "not valid CSV: String value length \\(\\d+\\) exceeds the maximum allowed \\((\\d+), from `[^`]*`\\)",
                    "the row is longer than $1 characters");
            rows.add(row.cells() + problem);
            maxCells = rows.size() == 1 && row.problem() == null ? row.cells().size() : maxCells;
        }
        return rows;
    }

    private static final String[] PIECES = {"a", "b", "7", "42", " ", "  ", "\t", ",", ",", ",", "\"", "\"\"", "\r",
        "\n", "\n", "\r\n", "\uFEFF", "é", "€", "😀", "#", "\\", "\u0000", "\u007f", "\u0085", "\u2028", "x y"};

    /**
     * Rows of well-formed cells (plain, quoted with doubled quotes and line ends inside, empty, long) mixed with raw
     * pieces that break the form: stray quotes, junk after a closing quote, blank lines, ragged rows, a byte order
     * mark, a quote left open at the end.
     */
    private static String generated(Random random, boolean strayQuotes) {
        StringBuilder csv = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "");
        int columns = 1 + random.nextInt(6);
        int rows = random.nextInt(8);
        for (int row = 0; row <= rows; row++) {
            int cells = random.nextInt(4) == 0 ? random.nextInt(columns + 3) : columns;
            for (int cell = 0; cell < cells; cell++) {
                if (cell > 0) {
                    csv.append(',');
                }
                csv.append(cell(random, strayQuotes));
            }
            int end = random.nextInt(10);
            csv.append(end < 5 ? "\n" : end < 8 ? "\r\n" : end < 9 ? "\r" : "\n\n  \n");
        }
        if (random.nextBoolean()) {
            csv.setLength(csv.length() - random.nextInt(Math.min(3, csv.length() + 1)));
        }
        return csv.toString();
    }

    private static String cell(Random random, boolean strayQuotes) {
        int kind = random.nextInt(strayQuotes ? 10 : 9);
        String text = text(random, kind == 0 ? 60 + random.nextInt(strayQuotes ? 90 : 420) : random.nextInt(6),
                strayQuotes);
        return switch (kind) {
            case 1, 2 -> "\"" + text.replace("\"", "\"\"") + "\"" + (random.nextInt(4) == 0 ? " " : "");
            // Not well-formed: anything may follow the closing quote, or the quote may stay open.
            case 3 -> " " + text + " ";
            case 4 -> "";
            case 9 -> "\"" + text + (random.nextBoolean() ? "\"" + text(random, 2, true) : "");
            default -> text;
        };
    }

    /**
     * Random text of about {@code pieces} pieces. Without stray quotes, a quote can only be a quoted cell's, doubled,
     * so that no cell runs on past its comma: with a small limit, cells stay below 500 characters, where Jackson's
     * buffers stopped it inside a cell longer than the limit (see above) instead of at its end.
     */
    private static String text(Random random, int pieces, boolean strayQuotes) {
        StringBuilder text = new StringBuilder();
        while (text.length() < pieces) {
            String piece = random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)]
                    : String.valueOf("abc1".charAt(random.nextInt(4)));
            if (strayQuotes || !piece.contains("\"")) {
                text.append(piece);
            }
        }
        return text.length() > 480 ? text.substring(0, 480) : text.toString();
    }

    private static String escaped(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** A reader that hands its text over in pieces of 1 to 40 characters, so that pairs straddle two reads. */
    private static final class Pieces extends Reader {
        private final String text;
        private final Random random;
        private int position;

        Pieces(String text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(40)), text.length() - position);
            text.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
        }
    }
}
