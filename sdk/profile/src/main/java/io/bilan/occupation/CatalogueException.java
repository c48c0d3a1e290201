package io.bilan.occupation;

import java.util.List;

/** A catalogue file that cannot be read, with every problem found, each naming its file and line. */
public final class CatalogueException extends Exception {

    private final List<String> problems;

    /** A failure with its problems, e.g. {@code "catalogue.csv:12: column R: not a number: x"}. */
    public CatalogueException(String origin, List<String> problems) {
        super(origin + ": " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                + String.join("; ", problems.subList(0, Math.min(problems.size(), 20)))
                + (problems.size() > 20 ? "; ..." : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, each with its place. */
    public List<String> problems() {
        return problems;
    }
}
