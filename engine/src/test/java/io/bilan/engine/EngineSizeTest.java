package io.bilan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class of the engine is longer than about 350 lines unless docs/architecture.md says, in its "Size" table,
 * why it earns its size; and the table names no class that is back under the limit or gone.
 */
class EngineSizeTest {

    private static final int LIMIT = 350;
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "bilan", "engine");
    private static final Path DOC = Path.of("..", "docs", "architecture.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+\\.[A-Z][A-Za-z]+)` \\| \\d+ \\|");

    @Test
    void everyClassOverTheLimitIsExplainedAndEveryExplainedClassIsOverIt() throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.java$", "");
                try (Stream<String> text = Files.lines(file)) {
                    lines.put(name, text.count());
                }
            }
        }
        assertTrue(lines.containsKey("cases.Observations"), "the engine's sources were not found: " + lines.keySet());
        TreeSet<String> over = new TreeSet<>();
        lines.forEach((name, count) -> {
            if (count > LIMIT) {
                over.add(name);
            }
        });
        assertEquals(over, explained(), "classes over " + LIMIT + " lines, by size: " + sizes(lines, over));
    }

    /** The classes the "Size" section of docs/architecture.md lists. */
    private static TreeSet<String> explained() throws IOException {
        List<String> doc = Files.readAllLines(DOC);
        int start = doc.indexOf("## Size");
        assertTrue(start >= 0, "docs/architecture.md has no \"## Size\" section");
        TreeSet<String> listed = new TreeSet<>();
        for (String line : doc.subList(start + 1, doc.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                listed.add(row.group(1));
            }
        }
        return listed;
    }

    private static String sizes(Map<String, Long> lines, TreeSet<String> names) {
        StringBuilder text = new StringBuilder();
        names.forEach(name -> text.append(name).append(' ').append(lines.get(name)).append("; "));
        return text.toString();
    }
}
