package io.bilan.cli;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.instrument.Scale;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.BatchSummary;
import io.bilan.runtime.batch.InvalidBatchException;
import io.bilan.runtime.psychometrics.NormBuilder;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.script.SandboxLimits;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.DoubleStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bilan norms}: a norm table of one scale from a scored sample, in the package format. */
@Command(name = "norms",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Scores a CSV sample (the input of bilan score) and prints a norm table of one scale as JSON, ready to"
                + " add to the manifest's norms: one row per score of the sample with its percentile rank"
                + " (below + equal/2)/n x 100, T = 50 + 10z from the sample's mean and SD, stanine and sten from z"
                + " in half-SD bands. Rows are looked up by the raw score, or by the mean for a mean scale.",
            "%nThe population text is given in every language of the package: translate it before publishing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the table was printed",
            "1:the package is invalid, or the sample has fewer than two different scores",
            "2:usage error",
            "3:the package or sample cannot be read"},
        footerHeading = "%nExample:%n",
        footer = "  bilan norms examples/packages/teamwork-styles sample.csv --scale coordinating --population \"French adults\"")
final class NormsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<package>", description = "a package folder or zip")
    private Path packagePath;

    @Parameters(index = "1", paramLabel = "<data.csv>", description = "the sample, one respondent per row")
    private Path data;

    @Option(names = "--scale", required = true, paramLabel = "<id>", description = "the declared scale to norm")
    private String scale;

    @Option(names = "--population", required = true, paramLabel = "<text>", description = "who the sample is")
    private String population;

    @Option(names = "--id", paramLabel = "<id>", defaultValue = "sample",
            description = "the table's id (default: ${DEFAULT-VALUE})")
    private String id;

    @Option(names = "--collected", paramLabel = "<when>", description = "when the sample was collected, e.g. 2025")
    private String collected;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        try (BilanRuntime runtime = plugins.runtime().sandboxLimits(SandboxLimits.offline()).build()) {
            Instrument instrument;
            try {
                instrument = ValidPackage.load(runtime, packagePath, err);
            } catch (ValidPackage.Refused refused) {
                return refused.exitCode();
            }
            Scale declared = instrument.manifest().scales().stream().filter(s -> s.id().equals(scale)).findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), instrument.coordinates()
                            + " declares no scale \"" + scale + "\"; it has "
                            + instrument.manifest().scales().stream().map(Scale::id).toList()));
            boolean mean = declared.aggregation() == Scale.Aggregation.MEAN;
            DoubleStream.Builder scores = DoubleStream.builder();
            BatchSummary summary;
            try (Reader in = new InputStreamReader(Files.newInputStream(data), StandardCharsets.UTF_8.newDecoder())) {
                summary = new BatchScorer(instrument, ScoreOptions.in("en"), runtime.json(), (responseSet, report) -> {
                    ScaleResult result = report.scales().get(scale);
                    if (result != null && result.status() == ScaleStatus.SCORED) {
                        scores.add(mean ? result.mean() : result.raw());
                    }
                }).scoreCsv(in, Writer.nullWriter());
            } catch (CharacterCodingException e) {
                err.println("bilan: " + data + " is not valid UTF-8 text");
                return BilanCommand.UNREADABLE;
            } catch (InvalidBatchException e) {
                err.println("bilan: " + data + ": " + e.getMessage());
                return BilanCommand.FAILED;
            } catch (IOException e) {
                err.println("bilan: " + BilanCommand.messageOf(e));
                return BilanCommand.UNREADABLE;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            instrument.manifest().languages().forEach(language -> texts.put(language, population));
            NormTable table;
            try {
                table = NormBuilder.build(id, new LocalizedText(texts), collected, scale,
                        mean ? NormTable.Basis.MEAN : NormTable.Basis.RAW, scores.build().toArray());
            } catch (IllegalArgumentException e) {
                err.println("bilan: " + e.getMessage());
                return BilanCommand.FAILED;
            }
            err.println("normed scale " + scale + " on " + table.sampleSize() + " scores (rows scored "
                    + summary.scored() + ", refused " + summary.refused() + ")");
            spec.commandLine().getOut().println(runtime.json().writerWithDefaultPrettyPrinter().writeValueAsString(table));
            return BilanCommand.OK;
        }
    }
}
