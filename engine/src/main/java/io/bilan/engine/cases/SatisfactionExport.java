package io.bilan.engine.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.Item;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.Caller;
import io.bilan.runtime.batch.CsvLineWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers to the satisfaction questionnaires of a centre's bilans, for its quality audits: one row per
 * questionnaire answered, or the figures they add up to. Rows carry no name, no case id and no counsellor, only a
 * row number, the package version, the phase and the day; free-text comments only when asked for. A counsellor
 * exports their centre's answers, whichever cases they work on: the export is the centre's, not a case's.
 */
@ApplicationScoped
public class SatisfactionExport {

    /** The satisfaction questionnaires Bilan ships, the one of the end of the bilan first. */
    public static final List<String> INSTRUMENTS = List.of("bilan-satisfaction", "follow-up-satisfaction");
    private static final String SCALE = "satisfaction";
    private static final List<String> BANDS = List.of("low", "medium", "high");

    private final CaseJson json;
    private final ScoringService scoring;
    private final ObjectMapper mapper;

    SatisfactionExport(CaseJson json, ScoringService scoring, ObjectMapper mapper) {
        this.json = json;
        this.scoring = scoring;
        this.mapper = mapper;
    }

    /** What to export. */
    public record Request(String instrument, LocalDate from, LocalDate to, boolean aggregate, boolean comments) {
    }

    /** The export, as rows of named cells in column order. */
    public record Table(List<String> columns, List<Map<String, Object>> rows) {

        /** RFC 4180 CSV with a header, every cell through the runtime's injection-safe writer. */
        public String csv() {
            StringWriter out = new StringWriter();
            CsvLineWriter writer = new CsvLineWriter(out);
            try {
                writer.write(columns.toArray(String[]::new));
                for (Map<String, Object> row : rows) {
                    writer.write(columns.stream().map(column -> cell(row.get(column))).toArray(String[]::new));
                }
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }

        /** One JSON object per line, every column present (null when empty). */
        public String ndjson(ObjectMapper mapper) {
            StringBuilder out = new StringBuilder();
            for (Map<String, Object> row : rows) {
                ObjectNode line = mapper.createObjectNode();
                columns.forEach(column -> line.set(column, mapper.valueToTree(row.get(column))));
                out.append(line).append('\n');
            }
            return out.toString();
        }

        private static String cell(Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof Double number) {
                // Four decimals at most, no trailing zeros: 4.5, 2.8333, 5.
                return new BigDecimal(number).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            }
            return String.valueOf(value);
        }
    }

    @Transactional
    public Table export(Caller caller, Request request) {
        String centre = caller.centre().orElseThrow(() -> CaseRuleException.of("no-centre", Texts.of("rule.no-centre")));
        String instrument = request.instrument() == null ? INSTRUMENTS.getFirst() : request.instrument();
        if (!INSTRUMENTS.contains(instrument)) {
            throw InvalidRequestException.at("instrument", "not-a-satisfaction-questionnaire",
                    Texts.of("satisfaction.instrument", String.join(", ", INSTRUMENTS)));
        }
        LocalDate from = request.from() == null ? LocalDate.of(1900, 1, 1) : request.from();
        LocalDate to = request.to() == null ? LocalDate.of(3000, 1, 1) : request.to().plusDays(1);
        if (!from.isBefore(to)) {
            throw InvalidRequestException.at("to", "empty-period", Texts.of("satisfaction.period"));
        }
        List<Item> items = scoring.instrument(instrument, "latest").manifest().items().stream()
                .filter(item -> request.comments() || !(item instanceof Item.FreeText)).toList();
        List<CaseAdministration> answered = CaseAdministration.ofInstrumentInCentre(instrument, centre,
                from.atStartOfDay().atOffset(ZoneOffset.UTC), to.atStartOfDay().atOffset(ZoneOffset.UTC));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CaseAdministration administration : answered) {
            rows.add(row(rows.size() + 1, administration, items));
        }
        return request.aggregate() ? aggregate(instrument, items, rows) : perResponse(items, rows);
    }

    private Map<String, Object> row(int number, CaseAdministration administration, List<Item> items) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("response", number);
        row.put("instrument", administration.instrumentId);
        row.put("version", administration.version);
        row.put("phase", administration.phase);
        row.put("answered_on", administration.administeredAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString());
        JsonNode answers = json.read(administration.responses, JsonNode.class).path("answers");
        for (Item item : items) {
            JsonNode answer = answers.get(item.id());
            row.put(column(item.id()), answer == null || answer.isNull() ? null
                    : answer.isNumber() ? (Object) answer.asDouble() : answer.isTextual() ? answer.asText() : answer.toString());
        }
        ScoreReport report = json.report(administration);
        ScaleResult satisfaction = report.scales() == null ? null : report.scales().get(SCALE);
        row.put("satisfaction_status", satisfaction == null || satisfaction.status() == null ? null
                : satisfaction.status().code());
        row.put("satisfaction_mean", satisfaction == null ? null : satisfaction.mean());
        row.put("satisfaction_band", satisfaction == null || satisfaction.band() == null ? null
                : satisfaction.band().id());
        return row;
    }

    private static Table perResponse(List<Item> items, List<Map<String, Object>> rows) {
        List<String> columns = new ArrayList<>(List.of("response", "instrument", "version", "phase", "answered_on"));
        items.forEach(item -> columns.add(column(item.id())));
        columns.addAll(List.of("satisfaction_status", "satisfaction_mean", "satisfaction_band"));
        return new Table(columns, rows);
    }

    /**
     * One row: how many answered and were scored, the mean of the scale's means, how many fell in each band, the mean
     * of each rated item over those who answered it, and the count of each answer to each choice.
     */
    private static Table aggregate(String instrument, List<Item> items, List<Map<String, Object>> rows) {
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("instrument", instrument);
        total.put("responses", rows.size());
        List<Double> means = rows.stream().map(row -> (Double) row.get("satisfaction_mean"))
                .filter(java.util.Objects::nonNull).toList();
        total.put("scored", means.size());
        total.put("satisfaction_mean", means.isEmpty() ? null : means.stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow());
        for (String band : BANDS) {
            total.put("band_" + band, rows.stream().filter(row -> band.equals(row.get("satisfaction_band"))).count());
        }
        for (Item item : items) {
            if (item instanceof Item.Likert) {
                List<Double> answers = rows.stream().map(row -> row.get(column(item.id())))
                        .filter(Double.class::isInstance).map(Double.class::cast).toList();
                total.put("mean_" + column(item.id()), answers.isEmpty() ? null
                        : answers.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                total.put("n_" + column(item.id()), answers.size());
            } else if (item instanceof Item.SingleChoice) {
                Map<String, Long> counts = new TreeMap<>();
                item.options().forEach(option -> counts.put(String.valueOf(option.value()), 0L));
                rows.forEach(row -> {
                    Object answer = row.get(column(item.id()));
                    if (answer != null) {
                        counts.merge(String.valueOf(answer), 1L, Long::sum);
                    }
                });
                item.options().forEach(option -> total.put(column(item.id()) + "_" + column(String.valueOf(option.value())),
                        counts.get(String.valueOf(option.value()))));
            }
        }
        return new Table(List.copyOf(total.keySet()), List.of(total));
    }

    /** An item id as a column name R and pandas take without quoting: {@code overall-now} is {@code overall_now}. */
    private static String column(String id) {
        return id.replaceAll("[^A-Za-z0-9]+", "_");
    }
}
