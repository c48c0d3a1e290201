package io.bilan.occupation;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports occupations from the text files of the O*NET database (tab-separated, a header row, as downloaded
 * from onetcenter.org): {@code Occupation Data.txt} (code, title, description), {@code Interests.txt} (RIASEC,
 * scale {@code OI}, 1-7), {@code Work Values.txt} (extent, scale {@code EX}, 1-7) and, when present,
 * {@code Job Zones.txt} (the preparation level). Occupations without interest scores cannot be matched and are
 * left out; those without work values are kept without them. Titles are O*NET's, in English; the sector
 * follows the O*NET-SOC major group.
 */
public final class OnetImporter {

    static final String OCCUPATIONS = "Occupation Data.txt";
    static final String INTERESTS = "Interests.txt";
    static final String VALUES = "Work Values.txt";
    static final String JOB_ZONES = "Job Zones.txt";

    private OnetImporter() {
    }

    /** The occupations of the O*NET files in {@code folder}. */
    public static OccupationCatalogue read(Path folder) throws CatalogueException, IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String[]> occupations = new LinkedHashMap<>();
        Map<String, Map<RiasecArea, Double>> interests = new LinkedHashMap<>();
        Map<String, Map<WorkValue, Double>> values = new LinkedHashMap<>();
        Map<String, Integer> zones = new LinkedHashMap<>();

        readRows(folder.resolve(OCCUPATIONS), List.of("O*NET-SOC Code", "Title", "Description"), problems,
                row -> occupations.put(row.get("O*NET-SOC Code"),
                        new String[] {row.get("Title"), row.get("Description")}));
        List<String> scored = List.of("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value");
        readRows(folder.resolve(INTERESTS), scored, problems, row -> {
            if ("OI".equals(row.get("Scale ID"))) {
                interests.computeIfAbsent(row.get("O*NET-SOC Code"), code -> new EnumMap<>(RiasecArea.class))
                        .put(RiasecArea.of(row.get("Element Name")), number(row.get("Data Value")));
            }
        });
        readRows(folder.resolve(VALUES), scored, problems, row -> {
            if ("EX".equals(row.get("Scale ID"))) {
                values.computeIfAbsent(row.get("O*NET-SOC Code"), code -> new EnumMap<>(WorkValue.class))
                        .put(WorkValue.of(row.get("Element Name")), number(row.get("Data Value")));
            }
        });
        if (Files.exists(folder.resolve(JOB_ZONES))) {
            readRows(folder.resolve(JOB_ZONES), List.of("O*NET-SOC Code", "Job Zone"), problems,
                    row -> zones.put(row.get("O*NET-SOC Code"), (int) number(row.get("Job Zone"))));
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(folder.toString(), problems);
        }
        List<Occupation> imported = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : occupations.entrySet()) {
            String code = entry.getKey();
            Map<RiasecArea, Double> six = interests.get(code);
            if (six == null || six.size() != 6) {
                continue;
            }
            Map<WorkValue, Double> extent = values.get(code);
            imported.add(new Occupation(idOf(code), LocalizedText.of("en", entry.getValue()[0]),
                    LocalizedText.of("en", entry.getValue()[1]), Sector.ofOnetCode(code), zones.get(code), code, null,
                    six, extent != null && extent.size() == 6 ? extent : Map.of(), List.of(), List.of(), null));
        }
        return OccupationCatalogue.of(imported);
    }

    /** The catalogue id of an O*NET-SOC code: {@code 29-1141.00} is {@code onet-29-1141-00}. */
    public static String idOf(String socCode) {
        return "onet-" + socCode.replace('.', '-');
    }

    /** Takes one row; an IllegalArgumentException becomes a problem at the row's line. */
    private interface RowHandler {
        void accept(Map<String, String> row);
    }

    /** Reads a tab-separated file with a header, giving each row by column name; problems name file and line. */
    private static void readRows(Path file, List<String> columns, List<String> problems, RowHandler handler)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + ": missing (expected the O*NET database's text files in "
                    + file.getParent() + ")");
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> names = header == null ? List.of() : List.of(header.replace("\uFEFF", "").split("\t", -1));
            if (!names.containsAll(columns)) {
                problems.add(file.getFileName() + ":1: expected the columns " + columns + ", found " + names);
                return;
            }
            String text;
            int number = 1;
            while ((text = in.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                String line = file.getFileName() + ":" + number;
                String[] cells = text.split("\t", -1);
                if (cells.length != names.size()) {
                    problems.add(line + ": " + cells.length + " cells, the header has " + names.size());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    row.put(names.get(i), cells[i]);
                }
                try {
                    handler.accept(row);
                } catch (IllegalArgumentException e) {
                    problems.add(line + ": " + e.getMessage());
                }
                if (problems.size() > 100) {
                    return;
                }
            }
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: \"" + text + "\"");
        }
    }
}
