package io.bilan.runtime;

import io.bilan.api.report.Problem;
import io.bilan.runtime.fixture.FixtureResult;
import java.util.List;
import java.util.Optional;

/**
 * Everything the validator found in a package, all at once.
 *
 * @param origin     where the package was read from
 * @param digest     the package digest
 * @param problems   errors, warnings and notes, each with a code, a file and a JSON Pointer
 * @param fixtures   the fixture results, when the package was valid enough to run them
 * @param instrument the loaded instrument when there is no error
 */
public record ValidationReport(String origin, String digest, List<Problem> problems, List<FixtureResult> fixtures,
        Optional<Instrument> instrument) {

    public ValidationReport {
        problems = List.copyOf(problems);
        fixtures = List.copyOf(fixtures);
    }

    /** Whether the package has no error (warnings allowed). */
    public boolean valid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
