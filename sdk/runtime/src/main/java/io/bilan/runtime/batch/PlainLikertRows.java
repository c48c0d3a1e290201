package io.bilan.runtime.batch;

import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.response.ResponseSchema;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common row of a researcher's data set, read straight into answers: a respondent and Likert ratings, each cell
 * blank or an integer written with digits only, within its format's bounds. Such a row is surely valid, so it skips
 * the JSON response set and the response check that the general path builds for every row. Anything else in a row
 * (a space, a sign, a decimal point, a value out of range, a blank required item, a long respondent) sends that row
 * down the general path, which accepts or explains it as before; a test compares both paths on generated rows.
 * Keeps the respondent of the row last read, so one instance serves one batch at a time.
 */
final class PlainLikertRows {

    private static final Integer[] SMALL = new Integer[101];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = i;
        }
    }

    /** Per column: the item id, or {@code null} for the respondent column. */
    private final String[] items;
    private final int[] min;
    private final int[] max;
    private final boolean[] required;
    /** Item id to its column, for every row's {@link Answers}. */
    private final Map<String, Integer> columnOf = new HashMap<>();
    /** Per column, where the scales read its answer ({@link Instrument#answerIndex}), or -1. */
    private final int[] answerIndex;
    private final int answerCount;
    private String respondent;

    private PlainLikertRows(String[] items, int[] min, int[] max, boolean[] required, Instrument instrument) {
        this.items = items;
        this.answerCount = instrument.answerCount();
        this.answerIndex = new int[items.length];
        this.min = min;
        this.max = max;
        this.required = required;
        for (int i = 0; i < items.length; i++) {
            if (items[i] != null) {
                columnOf.put(items[i], i);
            }
            answerIndex[i] = items[i] == null ? -1 : instrument.answerIndex(items[i]);
        }
    }

    /**
     * The reader of plain rows for these columns, or {@code null} when the instrument or the columns do not allow
     * it: a script or Java scorer, a column other than the respondent and Likert items, or a required item with no
     * column.
     */
    static PlainLikertRows of(List<CsvResponseColumns.Column> columns, Instrument instrument) {
        InstrumentManifest manifest = instrument.manifest();
        if (manifest.scoring() != null) {
            return null;
        }
        Map<String, Item> byId = new HashMap<>();
        manifest.items().forEach(item -> byId.put(item.id(), item));
        int n = columns.size();
        String[] items = new String[n];
        int[] min = new int[n];
        int[] max = new int[n];
        boolean[] required = new boolean[n];
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < n; i++) {
            switch (columns.get(i)) {
                case CsvResponseColumns.Column.Respondent respondent -> items[i] = null;
                case CsvResponseColumns.Column.Answer answer
                        when byId.get(answer.item()) instanceof Item.Likert likert
                        && manifest.likertFormats().get(likert.format()) instanceof LikertFormat format -> {
                    // The manifest's own id, as the scoring plan looks items up: see ScoringPlan.compile.
                    items[i] = likert.id();
                    min[i] = format.min();
                    max[i] = format.max();
                    required[i] = likert.required();
                    covered.add(answer.item());
                }
                default -> {
                    return null;
                }
            }
        }
        for (Item item : manifest.items()) {
            if (item.required() && !covered.contains(item.id())) {
                return null;
            }
        }
        return new PlainLikertRows(items, min, max, required, instrument);
    }

    /**
     * A plain row read into answers (item id to Integer) and its respondent, straight from the row's characters;
     * {@code null} when it is not plain.
     */
    Row read(CsvRowReader.Row cells) {
        Object[] values = new Object[items.length];
        Object[] byIndex = new Object[answerCount];
        if (!scan(cells, values, byIndex, null)) {
            return null;
        }
        return new Row(new Answers(items, columnOf, values), byIndex, respondent);
    }

    /**
     * Reads a plain row's ratings into {@code answers} as numbers, by {@link Instrument#answerIndex} ({@code NaN} when
     * unanswered), and its respondent into {@link #respondent()}; {@code false} when the row is not plain.
     */
    boolean readNumbers(CsvRowReader.Row cells, double[] answers) {
        java.util.Arrays.fill(answers, Double.NaN);
        return scan(cells, null, null, answers);
    }

    /** The respondent of the row last read, or {@code null}. */
    String respondent() {
        return respondent;
    }

    /**
     * Checks that a row is plain, reading its respondent and its ratings into whichever of {@code values} (by column),
     * {@code byIndex} (by answer index) and {@code numbers} (by answer index) is given.
     */
    private boolean scan(CsvRowReader.Row cells, Object[] values, Object[] byIndex, double[] numbers) {
        respondent = null;
        int size = cells.size();
        if (size > items.length) {
            return false;
        }
        char[] text = cells.text();
        int end = 0;
        for (int i = 0; i < size; i++) {
            int start = end;
            end = cells.end(i);
            if (items[i] == null) {
                String cell = cells.cell(i);
                if (!cell.isBlank()) {
                    respondent = cell.strip();
                    if (respondent.length() > ResponseSchema.MAX_RESPONDENT_LENGTH) {
                        return false;
                    }
                }
                continue;
            }
            if (start == end) {
                if (required[i]) {
                    return false;
                }
                continue;
            }
            // One digit is the common rating.
            int value = end - start == 1 ? digit(text[start]) : digits(text, start, end);
            if (value < min[i] || value > max[i]) {
                return false;
            }
            int index = answerIndex[i];
            if (values != null) {
                values[i] = value < SMALL.length ? SMALL[value] : Integer.valueOf(value);
                if (index >= 0) {
                    byIndex[index] = values[i];
                }
            }
            if (numbers != null && index >= 0) {
                numbers[index] = value;
            }
        }
        // Missing trailing cells are unanswered items.
        for (int i = size; i < items.length; i++) {
            if (required[i]) {
                return false;
            }
        }
        return true;
    }

    /** The value of a digit, or -1. */
    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : -1;
    }

    /** The value of {@code text[start..end)} when it holds 1 to 9 digits, or -1. */
    private static int digits(char[] text, int start, int end) {
        if (end - start > 9) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A plain row: its answers by item id, the same by {@link Instrument#answerIndex}, and its respondent. */
    record Row(Map<String, Object> answers, Object[] answersByIndex, String respondent) {
    }

    /**
     * A row's answers, item id to Integer for each answered item, as a read-only map over the row's array of cells:
     * the columns are known once per batch, so a row fills an array instead of a hash table of its own.
     */
    private static final class Answers extends AbstractMap<String, Object> {
        /** Per column, the item id, or {@code null} for the respondent column. */
        private final String[] items;
        private final Map<String, Integer> columnOf;
        /** Per column, the answer, or {@code null} when unanswered. */
        private final Object[] values;

        Answers(String[] items, Map<String, Integer> columnOf, Object[] values) {
            this.items = items;
            this.columnOf = columnOf;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            Integer column = columnOf.get(key);
            return column == null ? null : values[column];
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> answered = new LinkedHashMap<>();
            for (int i = 0; i < items.length; i++) {
                if (values[i] != null) {
                    answered.put(items[i], values[i]);
                }
            }
            return Collections.unmodifiableMap(answered).entrySet();
        }
    }
}
