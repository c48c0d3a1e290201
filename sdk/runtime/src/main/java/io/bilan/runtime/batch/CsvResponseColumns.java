package io.bilan.runtime.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each column of a CSV batch holds, resolved once from the header, and how a row's cells become a
 * response set. The item's type directs the conversion of its cell; anything that does not fit is passed on
 * as it is, so the response validator reports it with a pointer.
 */
final class CsvResponseColumns {

    static final String RESPONDENT = "respondent";
    static final String DURATION = "durationSeconds";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    // Doubles hold every integer up to 2^53 exactly.
    private static final double LARGEST_EXACT_INTEGER = 9_007_199_254_740_992.0;

    /** How a cell's text becomes an answer. */
    enum Cell {
        /** A JSON number; text that is not one is passed as a string. */
        NUMBER,
        /** An option value, without surrounding spaces. */
        OPTION,
        /** Text as typed. */
        TEXT,
        /** Option values separated by {@code |}; {@code []} for none. */
        OPTIONS,
        /** A JSON document. */
        JSON
    }

    /** One column of the input. */
    sealed interface Column {
        record Respondent() implements Column {
        }

        record Duration() implements Column {
        }

        record Answer(String item, Cell cell) implements Column {
        }

        /** {@code <item>.most} or {@code <item>.least} of a forced-choice block. */
        record ForcedChoicePart(String item, String part) implements Column {
        }

        /** {@code <item>.<observer>} of an observation criterion. */
        record ObserverRating(String item, String observer) implements Column {
        }

        /** Matches no item: passed on as an answer named after the column, which the validator refuses. */
        record Unknown(String name) implements Column {
        }
    }

    private final List<Column> columns;
    private final int respondentIndex;
    private final ObjectMapper json;

    private CsvResponseColumns(List<Column> columns, ObjectMapper json) {
        this.columns = List.copyOf(columns);
        this.respondentIndex = this.columns.indexOf(new Column.Respondent());
        this.json = json;
    }

    /** What each column holds, in order. */
    List<Column> columns() {
        return columns;
    }

    /** Resolves the header of a CSV batch. */
    static CsvResponseColumns of(List<String> header, InstrumentManifest manifest, ObjectMapper json)
            throws InvalidBatchException {
        Map<String, Item> items = new HashMap<>();
        manifest.items().forEach(item -> items.put(item.id(), item));
        Set<String> seen = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                // Spreadsheets often start UTF-8 CSV files with a byte order mark.
                name = name.substring(1).strip();
            }
            if (!seen.add(name)) {
                throw new InvalidBatchException("the CSV header names the column \"" + name + "\" twice");
            }
            columns.add(columnOf(name, items));
        }
        return new CsvResponseColumns(columns, json);
    }

    private static Column columnOf(String name, Map<String, Item> items) {
        if (name.equals(RESPONDENT)) {
            return new Column.Respondent();
        }
        if (name.equals(DURATION)) {
            return new Column.Duration();
        }
        Item exact = items.get(name);
        if (exact != null) {
            return new Column.Answer(name, cellOf(exact));
        }
        // Item ids may hold dots themselves, so every split is tried, shortest item id first.
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            Item item = items.get(name.substring(0, dot));
            String suffix = name.substring(dot + 1);
            if (item instanceof Item.ForcedChoice && (suffix.equals("most") || suffix.equals("least"))) {
                return new Column.ForcedChoicePart(item.id(), suffix);
            }
            if (item instanceof Item.ObservationCriterion && !suffix.isEmpty()) {
                return new Column.ObserverRating(item.id(), suffix);
            }
        }
        return new Column.Unknown(name);
    }

    private static Cell cellOf(Item item) {
        return switch (item) {
            case Item.Likert likert -> Cell.NUMBER;
            case Item.Numeric numeric -> Cell.NUMBER;
            case Item.ObservationCriterion criterion -> Cell.NUMBER;
            case Item.SingleChoice choice -> Cell.OPTION;
            case Item.Knowledge knowledge -> Cell.OPTION;
            case Item.MultipleChoice multiple -> Cell.OPTIONS;
            case Item.Ranking ranking -> Cell.OPTIONS;
            // A forced-choice block needs its .most and .least columns; a single cell is refused as wrong-type.
            case Item.ForcedChoice forced -> Cell.TEXT;
            case Item.FreeText text -> Cell.TEXT;
            case Item.RepeatingGroup group -> Cell.JSON;
        };
    }

    int size() {
        return columns.size();
    }


    /** The respondent cell of a row, or {@code null}. */
    String respondent(List<String> cells) {
        if (respondentIndex < 0 || respondentIndex >= cells.size() || cells.get(respondentIndex).isBlank()) {
            return null;
        }
        return cells.get(respondentIndex).strip();
    }

    /** The response set of a row; a blank cell is an unanswered item, a missing trailing cell too. */
    ObjectNode responseSet(List<String> cells) throws InvalidRowException {
        ObjectNode responseSet = NODES.objectNode();
        // Sized for every column, so a wide row does not grow the map again and again.
        ObjectNode answers = new ObjectNode(NODES, new java.util.LinkedHashMap<>(cells.size() * 4 / 3 + 1));
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isBlank()) {
                continue;
            }
            switch (columns.get(i)) {
                case Column.Respondent respondent -> responseSet.put(RESPONDENT, cell.strip());
                case Column.Duration duration -> responseSet.set(DURATION, number(cell));
                case Column.Answer answer -> {
                    if (answers.has(answer.item())) {
                        throw answeredTwice(answer.item());
                    }
                    answers.set(answer.item(), convert(answer, cell));
                }
                case Column.ForcedChoicePart part -> partsOf(answers, part.item()).put(part.part(), cell.strip());
                case Column.ObserverRating rating ->
                        partsOf(answers, rating.item()).set(rating.observer(), number(cell));
                case Column.Unknown unknown -> answers.put(unknown.name(), cell);
            }
        }
        responseSet.set("answers", answers);
        return responseSet;
    }

    private JsonNode convert(Column.Answer answer, String cell) throws InvalidRowException {
        return switch (answer.cell()) {
            case NUMBER -> number(cell);
            case OPTION -> NODES.textNode(cell.strip());
            case TEXT -> NODES.textNode(cell);
            case OPTIONS -> options(cell);
            case JSON -> {
                try {
                    yield json.readTree(cell);
                } catch (JsonProcessingException e) {
                    String reason = e.getOriginalMessage();
                    // Jackson appends where an unclosed object began, which says nothing more in a single cell.
                    int location = reason.indexOf(" (start marker at ");
                    throw new InvalidRowException("column " + answer.item() + " does not hold valid JSON: "
                            + (location < 0 ? reason : reason.substring(0, location)));
                }
            }
        };
    }

    private static ObjectNode partsOf(ObjectNode answers, String item) throws InvalidRowException {
        JsonNode existing = answers.get(item);
        if (existing == null) {
            return answers.putObject(item);
        }
        if (existing instanceof ObjectNode parts) {
            return parts;
        }
        throw answeredTwice(item);
    }

    private static InvalidRowException answeredTwice(String item) {
        return new InvalidRowException("item " + item + " is answered in more than one column");
    }

    /** A number cell; integral values become integers, so {@code 4.0} fits an integer item. */
    static JsonNode number(String cell) {
        String text = cell.strip();
        if (isSmallNaturalNumber(text)) {
            // The usual cell (a rating): skip the pattern and the floating-point parse.
            return NODES.numberNode(Integer.parseInt(text));
        }
        if (!NUMBER.matcher(text).matches()) {
            return NODES.textNode(cell);
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            return NODES.textNode(cell);
        }
        if (value == Math.rint(value) && Math.abs(value) <= LARGEST_EXACT_INTEGER) {
            long integral = (long) value;
            return integral == (int) integral ? NODES.numberNode((int) integral) : NODES.numberNode(integral);
        }
        return NODES.numberNode(value);
    }

    private static boolean isSmallNaturalNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static ArrayNode options(String cell) {
        ArrayNode values = NODES.arrayNode();
        String text = cell.strip();
        if (text.equals("[]")) {
            return values;
        }
        for (String value : text.split("\\|", -1)) {
            values.add(value.strip());
        }
        return values;
    }
}
