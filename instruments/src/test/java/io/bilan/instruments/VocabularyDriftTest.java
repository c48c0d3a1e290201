package io.bilan.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java enums own the labels of the shared vocabularies; nothing else may say otherwise. Scripts read them from
 * the runtime's {@code vocabulary} and write none out; the tables of the documentation are the ones these enums
 * give; every scale mapped to an area or a value is labelled with its name; the READMEs call areas and values by
 * their names.
 */
class VocabularyDriftTest {

    private static final Path LIBRARY = Path.of(".");
    private static final Path DOCS = Path.of("../docs");
    private static final List<String> LANGUAGES = List.of("fr", "en");
    /** Names the scripts and the enums once disagreed on; none may come back. */
    private static final Set<String> RETIRED = Set.of("Accomplissement", "Autonomie");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'");
    /** A markdown table cell that is a code followed by a name, e.g. {@code `R` Réaliste}. */
    private static final Pattern LABELLED_CODE = Pattern.compile("\\|\\s*`([a-zA-Z-]+)`\\s+([^|`]+?)\\s*(?=\\|)");

    @Test
    void noScriptWritesOutALabelOfTheVocabularies() throws IOException {
        Set<String> labels = new TreeSet<>(RETIRED);
        for (String language : LANGUAGES) {
            Stream.of(RiasecArea.values()).forEach(a -> labels.add(a.label(language)));
            Stream.of(WorkValue.values()).forEach(v -> labels.add(v.label(language)));
            Stream.of(Competence.values()).forEach(c -> labels.add(c.label(language)));
            Stream.of(Competence.Cluster.values()).forEach(c -> labels.add(c.label(language)));
            Stream.of(BilanPhase.values()).forEach(p -> labels.add(p.label(language)));
        }
        List<String> found = new ArrayList<>();
        for (Path script : scripts()) {
            Matcher literal = STRING_LITERAL.matcher(withoutComments(Files.readString(script)));
            while (literal.find()) {
                String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                String name = text.replaceFirst(" \\([RIASEC]\\)$", "");
                if (labels.contains(name)) {
                    found.add(LIBRARY.relativize(script) + ": \"" + text + "\"");
                }
            }
        }
        assertEquals(List.of(), found, "scripts take these names from vocabulary instead of writing them out");
    }

    @Test
    void theDocumentedVocabularyTablesAreTheEnums() throws IOException {
        String page = Files.readString(DOCS.resolve("package-format.md"));
        for (String table : List.of(
                table("Area", RiasecArea.values(), RiasecArea::letter, RiasecArea::label),
                table("Work value", WorkValue.values(), WorkValue::code, WorkValue::label),
                table("Phase", BilanPhase.values(), BilanPhase::code, BilanPhase::label))) {
            assertTrue(page.contains(table), "docs/package-format.md has this table, as the enums give it:\n" + table);
        }
    }

    @Test
    void everyAreaOrValueNamedInATableOfTheDocsIsNamedAsTheEnumsSay() throws IOException {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Stream.of(RiasecArea.values()).forEach(a -> names.put(a.letter(), List.of(a.label("fr"), a.label("en"))));
        Stream.of(WorkValue.values()).forEach(v -> names.put(v.code(), List.of(v.label("fr"), v.label("en"))));
        List<Path> pages = new ArrayList<>(markdown(DOCS));
        pages.add(LIBRARY.resolve("README.md"));
        try (Stream<Path> folders = Files.list(LIBRARY)) {
            folders.map(folder -> folder.resolve("README.md")).filter(Files::isRegularFile).forEach(pages::add);
        }
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String line : Files.readAllLines(page)) {
                if (!line.startsWith("|")) {
                    continue;
                }
                Matcher cell = LABELLED_CODE.matcher(line);
                while (cell.find()) {
                    List<String> expected = names.get(cell.group(1));
                    if (expected != null) {
                        checked++;
                        if (!expected.contains(cell.group(2))) {
                            wrong.add(page + ": `" + cell.group(1) + "` " + cell.group(2) + ", expected one of " + expected);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        // riasec-interests and work-values describe their six areas and values in French and in English.
        assertTrue(checked >= 24, "the READMEs' tables of areas and values are checked, found " + checked);
    }

    @Test
    void everyScaleMappedToAnAreaOrAValueIsLabelledWithItsName() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String id : InstrumentLibraryTest.SHIPPED) {
            JsonNode manifest = json.readTree(LIBRARY.resolve(id).resolve("manifest.json").toFile());
            Map<String, JsonNode> scales = new LinkedHashMap<>();
            manifest.path("scales").forEach(scale -> scales.put(scale.path("id").asText(), scale));
            for (JsonNode outcome : manifest.path("outcomes")) {
                Function<String, String> name = switch (outcome.path("type").asText()) {
                    case "interest" -> RiasecArea.of(outcome.path("area").asText())::label;
                    case "work-value" -> WorkValue.of(outcome.path("value").asText())::label;
                    // A competence's evidence is often one facet of it ("Accueillir la réclamation et écouter").
                    default -> null;
                };
                JsonNode scale = scales.get(outcome.path("scale").asText());
                if (name == null || scale == null) {
                    continue;
                }
                for (String language : LANGUAGES) {
                    checked++;
                    String label = scale.path("label").path(language).asText();
                    if (!label.startsWith(name.apply(language))) {
                        wrong.add(id + " scale " + scale.path("id").asText() + " (" + language + "): \"" + label
                                + "\" does not start with \"" + name.apply(language) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        // Six areas in riasec-interests, six values in work-values, both in career-interview-grid; in two languages.
        assertTrue(checked >= 48, "the mapped scales of the library are checked, found " + checked);
    }

    private static <E> String table(String heading, E[] entries, Function<E, String> code,
            java.util.function.BiFunction<E, String, String> label) {
        StringBuilder table = new StringBuilder("| " + heading + " | English | Français |\n|---|---|---|\n");
        for (E entry : entries) {
            table.append("| `").append(code.apply(entry)).append("` | ").append(label.apply(entry, "en"))
                    .append(" | ").append(label.apply(entry, "fr")).append(" |\n");
        }
        return table.toString();
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(LIBRARY)) {
            List<Path> scripts = files.filter(file -> file.toString().endsWith(".js"))
                    .filter(file -> !file.startsWith(LIBRARY.resolve("target"))).sorted().toList();
            assertTrue(scripts.size() >= InstrumentLibraryTest.SHIPPED.size(), "the scripts are found: " + scripts);
            return scripts;
        }
    }

    private static List<Path> markdown(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    // Line comments only: the scripts explain themselves in // comments, which may name the vocabularies freely.
    private static String withoutComments(String script) {
        return script.lines().map(line -> line.replaceFirst("^\\s*//.*", "")).reduce("", (a, b) -> a + b + "\n");
    }
}
