package io.bilan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.report.Problem;
import io.bilan.api.report.ScoreReport;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.script.SandboxLimits;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.batch.InvalidBatchException;
import io.bilan.runtime.psychometrics.DataSetStatistics;
import io.bilan.runtime.psychometrics.ScaleStatistics;
import io.bilan.runtime.scoring.InvalidResponseException;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.scoring.ScoringException;
import java.io.FilterInputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bilan score}: scores one response set, or a CSV or NDJSON batch streamed row by row. */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Scores responses with an instrument package. The format of <responses> comes from its extension"
                + " (.json, .csv, .ndjson or .jsonl) or --format; the results are written in the same format.",
            "%njson: one response set {\"respondent\": ..., \"answers\": {...}, \"durationSeconds\": ...}; prints"
                + " its score report. Refused responses are listed on standard error as `pointer: message`.",
            "%ncsv, ndjson: a batch, streamed row by row. Each row gets its results or its error; the summary"
                + " `scored N rows, refused M` goes to standard error.",
            "%nCSV input has a header row: respondent, durationSeconds (both optional), one column per item"
                + " (multiple-choice and ranking values separated by |, forced-choice blocks as <item>.most and"
                + " <item>.least, observer ratings as <item>.<observer>, repeating groups as JSON)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every response set was scored",
            "1:responses were refused, or the package is invalid",
            "2:usage error",
            "3:the package or responses cannot be read, or the output cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bilan score examples/packages/teamwork-styles responses.json",
            "  bilan score examples/packages/teamwork-styles cohort.csv --lang fr -o results.csv",
            "  bilan score examples/packages/teamwork-styles cohort.csv -o results.csv --statistics scales.json",
            "  cat cohort.ndjson | bilan score teamwork-styles-1.0.0.zip - --format ndjson"})
final class ScoreCommand implements Callable<Integer> {

    enum Format { JSON, CSV, NDJSON }

    /** The largest single response set read, in bytes; batches are streamed instead. */
    static final int MAX_RESPONSE_SET_BYTES = BatchScorer.MAX_ROW_CHARS;

    @Parameters(index = "0", paramLabel = "<package>", description = "a package folder or zip")
    private Path packagePath;

    @Parameters(index = "1", paramLabel = "<responses>",
            description = "a response file, or - for standard input (then --format is needed)")
    private String responses;

    @Option(names = "--lang", paramLabel = "<language>",
            description = "the report's language, e.g. fr (default: English if the instrument has it, else its"
                    + " first language)")
    private String language;

    @Option(names = "--norm", paramLabel = "<id>",
            description = "the norm table to convert scores with (default: the instrument's first)")
    private String norm;

    @Option(names = "--format", paramLabel = "<format>",
            description = "json, csv or ndjson (default: from the extension of <responses>)")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "write the results to this file instead of standard output")
    private Path output;

    @Option(names = "--statistics", paramLabel = "<file.json>",
            description = "for a batch: also write the statistics of each scale of the data set (n, mean, SD,"
                    + " Cronbach's alpha, item-total and item-rest correlations, alpha if item dropped) as JSON;"
                    + " items going against their scale are listed on standard error")
    private Path statistics;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Format resolved = resolveFormat();
        if (statistics != null && resolved == Format.JSON) {
            throw new ParameterException(spec.commandLine(), "--statistics needs a batch: a CSV or NDJSON file");
        }
        try (BilanRuntime runtime = plugins.runtime().sandboxLimits(SandboxLimits.offline()).build()) {
            Instrument instrument;
            try {
                instrument = ValidPackage.load(runtime, packagePath, err);
            } catch (ValidPackage.Refused refused) {
                return refused.exitCode();
            }
            if (norm != null && instrument.manifest().norms().stream().map(NormTable::id).noneMatch(norm::equals)) {
                throw new ParameterException(spec.commandLine(), instrument.coordinates() + " has no norm table \""
                        + norm + "\"; it has " + instrument.manifest().norms().stream().map(NormTable::id).toList());
            }
            ScoreOptions options = new ScoreOptions(language, norm);
            try (InputStream in = openInput(); Writer out = openOutput()) {
                return switch (resolved) {
                    case JSON -> scoreOne(runtime, instrument, options, in, out);
                    case CSV, NDJSON -> scoreBatch(runtime, instrument, options, resolved, in, out);
                };
            } catch (CharacterCodingException e) {
                err.println("bilan: " + responses + " is not valid UTF-8 text; save it as UTF-8"
                        + " (in a spreadsheet: CSV UTF-8)");
                return BilanCommand.UNREADABLE;
            } catch (IOException e) {
                err.println("bilan: " + BilanCommand.messageOf(e));
                return BilanCommand.UNREADABLE;
            }
        }
    }

    private int scoreOne(BilanRuntime runtime, Instrument instrument, ScoreOptions options, InputStream in,
            Writer out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        byte[] content = in.readNBytes(MAX_RESPONSE_SET_BYTES + 1);
        if (content.length > MAX_RESPONSE_SET_BYTES) {
            err.println("bilan: " + responses + " is larger than " + MAX_RESPONSE_SET_BYTES
                    + " bytes; score large batches as CSV or NDJSON");
            return BilanCommand.FAILED;
        }
        JsonNode responseSet;
        try {
            responseSet = runtime.json().readTree(content);
        } catch (JsonProcessingException e) {
            err.println("bilan: " + responses + " is not valid JSON: " + e.getOriginalMessage());
            return BilanCommand.FAILED;
        }
        ScoreReport report;
        try {
            report = instrument.score(responseSet, options);
        } catch (InvalidResponseException e) {
            for (Problem problem : e.problems()) {
                err.println((problem.pointer() == null || problem.pointer().isEmpty() ? "(response set)" : problem.pointer())
                        + ": " + problem.message());
            }
            err.println("bilan: the responses in " + responses + " do not fit " + instrument.coordinates());
            return BilanCommand.FAILED;
        } catch (ScoringException e) {
            err.println("bilan: scoring failed (" + e.code() + "): " + e.getMessage());
            return BilanCommand.FAILED;
        }
        out.write(runtime.json().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        out.write(System.lineSeparator());
        out.flush();
        return BilanCommand.OK;
    }

    private int scoreBatch(BilanRuntime runtime, Instrument instrument, ScoreOptions options, Format batchFormat,
            InputStream in, Writer out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // A strict decoder: text that is not UTF-8 is an error, not silently replaced characters.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        DataSetStatistics data = statistics == null ? null : new DataSetStatistics(instrument);
        BatchScorer scorer = data == null ? new BatchScorer(instrument, options, runtime.json())
                : new BatchScorer(instrument, options, runtime.json(), data);
        BatchSummary summary;
        try {
            summary = batchFormat == Format.CSV ? scorer.scoreCsv(reader, out) : scorer.scoreNdjson(reader, out);
        } catch (InvalidBatchException e) {
            err.println("bilan: " + responses + ": " + e.getMessage());
            return BilanCommand.FAILED;
        }
        err.println("scored " + summary.scored() + " rows, refused " + summary.refused());
        if (data != null) {
            List<ScaleStatistics> scales = data.scales();
            scales.forEach(scale -> scale.warnings().forEach(warning ->
                    err.println("warning: scale " + scale.scale() + ": " + warning.message())));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("instrument", instrument.coordinates());
            document.put("rows", summary.scored());
            document.put("scales", scales);
            Files.writeString(statistics, runtime.json().writerWithDefaultPrettyPrinter().writeValueAsString(document)
                    + System.lineSeparator());
        }
        return summary.refused() == 0 ? BilanCommand.OK : BilanCommand.FAILED;
    }

    private Format resolveFormat() {
        if (format != null) {
            return format;
        }
        String name = responses.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Format.NDJSON;
        }
        throw new ParameterException(spec.commandLine(), "cannot tell the format of " + responses
                + " from its name: give --format json, csv or ndjson");
    }

    private InputStream openInput() throws IOException {
        return responses.equals("-") ? new UnclosedInputStream(System.in) : Files.newInputStream(Path.of(responses));
    }

    private Writer openOutput() throws IOException {
        if (output != null) {
            return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        // PrintWriter hides write errors; checking at each flush stops a batch whose reader went away.
        return new FilterWriter(stdout) {
            @Override
            public void flush() throws IOException {
                if (stdout.checkError()) {
                    throw new IOException("cannot write to standard output");
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Standard input, which closing the command's input must leave open. */
    private static final class UnclosedInputStream extends FilterInputStream {
        UnclosedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
