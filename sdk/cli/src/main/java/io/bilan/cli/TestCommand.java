package io.bilan.cli;

import io.bilan.api.report.Problem;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.ValidationReport;
import io.bilan.runtime.fixture.FixtureResult;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bilan test}: runs the fixtures of one or more packages. */
@Command(name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = BilanCommand.Version.class,
        description = {
            "Runs the fixtures of instrument packages (fixtures/*.json): scores each fixture's responses and"
                + " compares the report, or the problems, with what the fixture expects.",
            "Prints each package's path, then `PASS name (file)` or `FAIL name (file)` per fixture with"
                + " each mismatch indented below, then `N passed, M failed`. A package with other errors is"
                + " reported as invalid, with its problems."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every fixture passed",
            "1:a fixture failed or a package is invalid",
            "2:usage error",
            "3:a package cannot be read or is unsafe"},
        footerHeading = "%nExample:%n",
        footer = "  bilan test examples/packages/teamwork-styles")
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "<package>", description = "a package folder or zip")
    private List<Path> packages;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PluginsOption plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int exit = BilanCommand.OK;
        int passed = 0;
        int failed = 0;
        try (BilanRuntime runtime = plugins.runtime().build()) {
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
                out.println(source.origin());
                // Fixture failures are also listed as problems; they are shown below as FAIL lines instead.
                List<Problem> otherErrors = report.errors().stream()
                        .filter(problem -> !problem.code().equals(ValidationCode.FIXTURE_FAILED.code())).toList();
                if (!otherErrors.isEmpty()) {
                    otherErrors.forEach(problem -> out.println("  " + ValidateCommand.line(problem)));
                    out.println("  invalid package: " + ValidateCommand.count(otherErrors.size(), "error")
                            + "; fixtures not run");
                    exit = Math.max(exit, BilanCommand.FAILED);
                    continue;
                }
                if (report.fixtures().isEmpty()) {
                    out.println("  no fixtures: add fixtures/*.json with responses and the expected report");
                }
                for (FixtureResult fixture : report.fixtures()) {
                    out.println((fixture.passed() ? "PASS " : "FAIL ") + fixture.name() + " (" + fixture.file() + ")");
                    fixture.mismatches().forEach(mismatch -> out.println("    " + mismatch));
                    if (fixture.passed()) {
                        passed++;
                    } else {
                        failed++;
                        exit = Math.max(exit, BilanCommand.FAILED);
                    }
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return exit;
    }
}
