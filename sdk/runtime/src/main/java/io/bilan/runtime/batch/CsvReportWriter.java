package io.bilan.runtime.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Scale;
import io.bilan.api.report.Flag;
import io.bilan.api.report.NormScores;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.scoring.NumericRowScorer;
import io.bilan.runtime.scoring.ScoringPlan;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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

    /** Adds a report's cells of some columns to the current line. */
    private interface Cells {
        void append(ScoreReport report, CsvLineWriter line);
    }

    /** Consecutive columns and how a report fills them: all of a scale's columns look the scale up once. */
    private record Columns(List<String> names, Cells cells) {
    }

    private record PendingRefusal(long row, String respondent, String error) {
    }

    private final CsvLineWriter out;
    private final ObjectMapper json;
    private final List<Columns> declared;
    private final List<PendingRefusal> pending = new ArrayList<>();
    private long pendingChars;
    private List<Columns> columns;
    private int columnCount;

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
        out.integer(row);
        out.text(report.respondent());
        for (Columns group : columns) {
            group.cells().append(report, out);
        }
        out.text(flags(report.flags()));
        out.text("");
        out.endLine();
    }

    /**
     * Writes a row scored by {@code scores} without a report, as {@link #scored} writes its report: only for an
     * instrument {@link ScoringPlan#numericRows} accepts, whose columns are each declared
     * scale's raw score, mean and answered count.
     */
    void scored(long row, String respondent, NumericRowScorer scores) throws IOException {
        out.integer(row);
        out.text(respondent);
        for (int s = 0, n = scores.scaleCount(); s < n; s++) {
            if (scores.scored(s)) {
                out.number(scores.raw(s));
                out.number(scores.mean(s));
            } else {
                out.empty(2);
            }
            out.integer(scores.answered(s));
        }
        out.text(scores.insufficientData() ? ScoringPlan.INSUFFICIENT_DATA : "");
        out.text("");
        out.endLine();
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
        out.integer(row);
        out.text(respondent);
        out.empty(columnCount + 1);
        out.text(error);
        out.endLine();
    }

    private void fixHeader(List<Columns> added) throws IOException {
        columns = new ArrayList<>(declared);
        columns.addAll(added);
        List<String> header = new ArrayList<>();
        header.add("row");
        header.add("respondent");
        columns.forEach(group -> header.addAll(group.names()));
        columnCount = header.size() - 2;
        header.add("flags");
        header.add("error");
        out.write(header.toArray(String[]::new));
        for (PendingRefusal refusal : pending) {
            writeRefusal(refusal.row(), refusal.respondent(), refusal.error());
        }
        pending.clear();
        out.flush();
    }

    /** The distinct flag codes joined by {@code ;}. */
    private static String flags(List<Flag> flags) {
        if (flags == null || flags.isEmpty()) {
            return "";
        }
        if (flags.size() == 1) {
            return String.valueOf(flags.getFirst().code());
        }
        return flags.stream().map(Flag::code).distinct().collect(Collectors.joining(";"));
    }

    private static List<Columns> declaredColumns(InstrumentManifest manifest) {
        List<Columns> columns = new ArrayList<>();
        for (Scale scale : manifest.scales()) {
            String id = scale.id();
            List<String> names = new ArrayList<>(List.of(id + ".raw", id + ".mean", id + ".answered"));
            boolean normed = manifest.norms().stream().anyMatch(table -> table.scales().containsKey(id));
            if (normed) {
                names.addAll(List.of(id + ".percentile", id + ".t", id + ".stanine", id + ".sten"));
            }
            boolean banded = scale.bands() != null || manifest.norms().stream()
                    .anyMatch(table -> table.scales().containsKey(id) && table.bands() != null);
            if (banded) {
                names.add(id + ".band");
            }
            columns.add(new Columns(List.copyOf(names), (report, line) -> {
                ScaleResult result = report.scales().get(id);
                if (result == null) {
                    line.empty(names.size());
                    return;
                }
                line.number(result.raw());
                line.number(result.mean());
                line.integer(result.answered());
                if (normed) {
                    NormScores norm = result.norm();
                    if (norm == null) {
                        line.empty(4);
                    } else {
                        line.number(norm.percentile());
                        line.number(norm.t());
                        line.number((double) norm.stanine());
                        line.number((double) norm.sten());
                    }
                }
                if (banded) {
                    line.text(result.band() == null ? "" : result.band().id());
                }
            }));
        }
        return columns;
    }

    private List<Columns> addedColumns(ScoreReport report) {
        List<Columns> columns = new ArrayList<>();
        report.scales().forEach((id, scale) -> {
            if (scale.source() != null) {
                columns.add(new Columns(List.of(id + ".raw", id + ".mean"), (r, line) -> {
                    ScaleResult result = scaleOf(r, id);
                    line.number(result.raw());
                    line.number(result.mean());
                }));
            }
        });
        if (report.results() != null) {
            report.results().forEach((key, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    columns.add(new Columns(List.of("results." + key),
                            (r, line) -> line.text(r.results() == null ? "" : resultCell(r.results().get(key)))));
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
