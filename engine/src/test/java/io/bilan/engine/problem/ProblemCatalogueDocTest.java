package io.bilan.engine.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilan.runtime.problem.ValidationCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/problems.md lists exactly the engine's problem types and the SDK's validation codes, with their status. */
class ProblemCatalogueDocTest {

    private static final Path DOC = Path.of("..", "docs", "problems.md");
    private static final Pattern TYPE_ROW = Pattern.compile(
            "^\\| `(urn:bilan:problem:[a-z0-9-]+)` \\| (\\d{3}) \\| ([^|]+) \\|");
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `([a-z0-9<>-]+)` \\| (error|warning|info) \\|");

    @Test
    void everyProblemTypeIsDocumentedWithItsStatusAndTitleAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : lines()) {
            Matcher row = TYPE_ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1) + " " + row.group(2) + " " + row.group(3).trim());
            }
        }
        Set<String> catalogue = Arrays.stream(ProblemType.values())
                .map(type -> type.uri() + " " + type.status() + " " + type.title())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogue, documented);
    }

    @Test
    void everyValidationCodeIsDocumentedWithItsSeverityAndNoOther() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : lines()) {
            Matcher row = CODE_ROW.matcher(line);
            if (row.find()) {
                documented.add(row.group(1) + " " + row.group(2));
            }
        }
        Set<String> catalogue = Arrays.stream(ValidationCode.values())
                .map(code -> code.code() + " " + code.severity().code())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogue, documented);
    }

    @Test
    void noUndocumentedTypeIsMentionedAnywhereInThePage() throws IOException {
        Set<String> known = Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toSet());
        Matcher mention = Pattern.compile("urn:bilan:problem:[a-z0-9-]+").matcher(Files.readString(DOC));
        Set<String> unknown = new TreeSet<>();
        while (mention.find()) {
            if (!known.contains(mention.group())) {
                unknown.add(mention.group());
            }
        }
        assertEquals(Set.of(), unknown);
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(DOC);
    }
}
