package io.bilan.runtime.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.instrument.Scale;
import io.bilan.api.report.Flag;
import io.bilan.api.report.NormScores;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScoreReport;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes score reports as CSV rows, one header line and the same columns on every line.
 *
 * <p>The declared scales' columns are known from the manifest. When the instrument has a script or Java
 * scorer, the scales and results it adds are only known from its first report, so refused rows before the
 * first scored row are held back, up to a bound; past it the header is written without them.
 *
 * <p>Every cell goes through {@link CsvLineWriter}: a text cell that a spreadsheet would take for a formula
 * (a respondent id {@code =HYPERLINK(...)}, a script's result, an error quoting the input) is neutralised, while
 * the score columns, always plain numbers, are written as they are.
 */
final class CsvReportWriter {

    static final int PENDING_MAX_ROWS = 10_000;
    static final int PENDING_MAX_CHARS = 1 << 20;

    /** A column and how a report fills it. */
    private record Column(String name, Function<ScoreReport, String> value) {
    }

    private record PendingRefusal(long row, String respondent, String error) {
    }

    private final CsvLineWriter out;
    private final ObjectMapper json;
    private final List<Column> declared;
    private final List<PendingRefusal> pending = new ArrayList<>();
    private long pendingChars;
    private List<Column> columns;

    CsvReportWriter(Writer out, InstrumentManifest manifest, ObjectMapper json) throws IOException {
        this.out = new CsvLineWriter(out);
        this.json = json;
        this.declared = declaredColumns(manifest);
        if (manifest.scoring() == null) {
            fixHeader(List.of());
        }
    }

    void scored(long row, ScoreReport report) throws IOException {
        if (columns == null) {
            fixHeader(addedColumns(report));
        }
        String[] cells = new String[columns.size() + 4];
        cells[0] = Long.toString(row);
        cells[1] = report.respondent() == null ? "" : report.respondent();
        for (int i = 0; i < columns.size(); i++) {
            cells[i + 2] = columns.get(i).value().apply(report);
        }
        cells[cells.length - 2] = report.flags() == null ? "" : report.flags().stream()
                .map(Flag::code).distinct().collect(Collectors.joining(";"));
        cells[cells.length - 1] = "";
        out.write(cells);
    }

    void refused(long row, String respondent, String error) throws IOException {
        if (columns != null) {
            writeRefusal(row, respondent, error);
            return;
        }
        pending.add(new PendingRefusal(row, respondent, error));
        pendingChars += error.length() + (respondent == null ? 0 : respondent.length());
        if (pending.size() >= PENDING_MAX_ROWS || pendingChars >= PENDING_MAX_CHARS) {
            fixHeader(List.of());
        }
    }

    /** Writes the header if no row did, and flushes everything. */
    void finish() throws IOException {
        if (columns == null) {
            fixHeader(List.of());
        }
        out.flush();
    }

    void flush() throws IOException {
        if (columns != null) {
            out.flush();
        }
    }

    private void writeRefusal(long row, String respondent, String error) throws IOException {
        String[] cells = new String[columns.size() + 4];
        Arrays.fill(cells, "");
        cells[0] = Long.toString(row);
        cells[1] = respondent == null ? "" : respondent;
        cells[cells.length - 1] = error;
        out.write(cells);
    }

    private void fixHeader(List<Column> added) throws IOException {
        columns = new ArrayList<>(declared);
        columns.addAll(added);
        String[] header = new String[columns.size() + 4];
        header[0] = "row";
        header[1] = "respondent";
        for (int i = 0; i < columns.size(); i++) {
            header[i + 2] = columns.get(i).name();
        }
        header[header.length - 2] = "flags";
        header[header.length - 1] = "error";
        out.write(header);
        for (PendingRefusal refusal : pending) {
            writeRefusal(refusal.row(), refusal.respondent(), refusal.error());
        }
        pending.clear();
        out.flush();
    }

    private static List<Column> declaredColumns(InstrumentManifest manifest) {
        List<Column> columns = new ArrayList<>();
        for (Scale scale : manifest.scales()) {
            String id = scale.id();
            columns.add(new Column(id + ".raw", report -> number(scaleOf(report, id).raw())));
            columns.add(new Column(id + ".mean", report -> number(scaleOf(report, id).mean())));
            columns.add(new Column(id + ".answered", report -> integer(scaleOf(report, id).answered())));
            List<NormTable> tables = manifest.norms().stream().filter(table -> table.scales().containsKey(id)).toList();
            if (!tables.isEmpty()) {
                columns.add(new Column(id + ".percentile", report -> normOf(report, id, NormScores::percentile)));
                columns.add(new Column(id + ".t", report -> normOf(report, id, NormScores::t)));
                columns.add(new Column(id + ".stanine", report -> normOf(report, id, norm -> (double) norm.stanine())));
                columns.add(new Column(id + ".sten", report -> normOf(report, id, norm -> (double) norm.sten())));
            }
            if (scale.bands() != null || tables.stream().anyMatch(table -> table.bands() != null)) {
                columns.add(new Column(id + ".band", report -> {
                    ScaleResult result = scaleOf(report, id);
                    return result.band() == null ? "" : result.band().id();
                }));
            }
        }
        return columns;
    }

    private List<Column> addedColumns(ScoreReport report) {
        List<Column> columns = new ArrayList<>();
        report.scales().forEach((id, scale) -> {
            if (scale.source() != null) {
                columns.add(new Column(id + ".raw", r -> number(scaleOf(r, id).raw())));
                columns.add(new Column(id + ".mean", r -> number(scaleOf(r, id).mean())));
            }
        });
        if (report.results() != null) {
            report.results().forEach((key, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    columns.add(new Column("results." + key,
                            r -> r.results() == null ? "" : resultCell(r.results().get(key))));
                }
            });
        }
        return columns;
    }

    private static ScaleResult scaleOf(ScoreReport report, String id) {
        ScaleResult result = report.scales().get(id);
        return result != null ? result
                : new ScaleResult(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static String normOf(ScoreReport report, String id, Function<NormScores, Double> part) {
        NormScores norm = scaleOf(report, id).norm();
        return norm == null ? "" : number(part.apply(norm));
    }

    private String resultCell(Object value) {
        return switch (value) {
            case null -> "";
            case String text -> text;
            case Boolean bool -> bool.toString();
            case Integer integer -> integer.toString();
            case Long integer -> integer.toString();
            case BigInteger integer -> integer.toString();
            case BigDecimal decimal -> number(decimal.doubleValue());
            case Number other -> number(other.doubleValue());
            default -> {
                try {
                    yield json.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    yield String.valueOf(value);
                }
            }
        };
    }

    private static String integer(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** Integral values without {@code .0}, others in the shortest form that reads back the same double. */
    static String number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return Double.toString(value);
    }
}
