package io.bilan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.report.Problem;
import io.bilan.api.report.Severity;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.ValidationReport;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bilan validate}: every problem of one or more packages. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Checks instrument packages completely: manifest structure and semantics, scoring script, and,"
                + " when nothing else is wrong, the fixtures.",
            "Prints every problem as `error|warning CODE file#pointer: message`, one per line, then a"
                + " summary line per package."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no package has errors (warnings allowed)",
            "1:a package has errors",
            "2:usage error",
            "3:a package cannot be read or is unsafe"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  bilan validate examples/packages/teamwork-styles",
            "  bilan validate --require-languages fr,en --format json dist/*.zip"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { TEXT, JSON }

    @Parameters(arity = "1..*", paramLabel = "<package>", description = "a package folder or zip")
    private List<Path> packages;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text (default) or json: the problems as one JSON array, each with its package")
    private Format format;

    @Option(names = "--require-languages", split = ",", paramLabel = "<language>",
            description = "languages every package must declare, e.g. fr,en (default: none)")
    private Set<String> requiredLanguages = Set.of();

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = BilanCommand.OK;
        try (BilanRuntime runtime = plugins.runtime().requiredLanguages(requiredLanguages).build()) {
            ObjectMapper json = runtime.json();
            ArrayNode all = json.createArrayNode();
            for (Path path : packages) {
                PackageSource source;
                try {
                    source = runtime.read(path);
                } catch (PackageReadException e) {
                    err.println("bilan: " + e.getMessage());
                    exit = Math.max(exit, BilanCommand.UNREADABLE);
                    continue;
                }
                ValidationReport report = runtime.validate(source);
                if (!report.valid()) {
                    exit = Math.max(exit, BilanCommand.FAILED);
                }
                if (format == Format.JSON) {
                    for (Problem problem : report.problems()) {
                        ObjectNode node = json.createObjectNode().put("package", source.origin());
                        node.setAll((ObjectNode) json.valueToTree(problem));
                        all.add(node);
                    }
                } else {
                    report.problems().forEach(problem -> out.println(line(problem)));
                    out.println(summary(source.origin(), report.problems()));
                }
            }
            if (format == Format.JSON) {
                out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            }
        }
        out.flush();
        return exit;
    }

    /** {@code error|warning|info CODE file#pointer: message}. */
    static String line(Problem problem) {
        String where = (problem.file() == null ? "" : problem.file())
                + (problem.pointer() == null ? "" : "#" + problem.pointer());
        return problem.severity().code() + " " + problem.code() + (where.isEmpty() ? "" : " " + where)
                + ": " + problem.message();
    }

    /** {@code origin: valid|invalid, N errors, M warnings}. */
    static String summary(String origin, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.stream().filter(problem -> problem.severity() == Severity.WARNING).count();
        return origin + ": " + (errors == 0 ? "valid" : "invalid") + ", " + count(errors, "error") + ", "
                + count(warnings, "warning");
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
