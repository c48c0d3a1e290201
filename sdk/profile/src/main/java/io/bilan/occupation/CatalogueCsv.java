package io.bilan.occupation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a centre's own catalogue in CSV (RFC 4180, UTF-8, a header row; see docs/occupations.md for the
 * columns). Every problem is reported with its line and column, and nothing is imported unless all rows are
 * right.
 */
final class CatalogueCsv {

    static final List<String> REQUIRED = List.of("id", "sector", "R", "I", "A", "S", "E", "C");
    static final List<String> VALUE_COLUMNS = List.of("achievement", "working_conditions", "recognition",
            "relationships", "support", "independence");
    static final Set<String> KNOWN = Set.of("id", "title_fr", "title_en", "description_fr", "description_en", "sector",
            "level", "onet", "isco", "R", "I", "A", "S", "E", "C", "achievement", "working_conditions", "recognition",
            "relationships", "support", "independence", "competences", "routes_fr", "routes_en", "rome", "qualification",
            "training_months", "requires", "conditions");

    private CatalogueCsv() {
    }

    static List<Occupation> read(Reader in, String origin) throws CatalogueException, IOException {
        CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        List<String> problems = new ArrayList<>();
        List<Occupation> occupations = new ArrayList<>();
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(in)) {
            if (!rows.hasNext()) {
                throw new CatalogueException(origin, List.of("line 1: the file is empty; expected a header row"));
            }
            List<String> header = List.of(rows.next());
            for (String column : header) {
                if (!KNOWN.contains(column)) {
                    problems.add("line 1: unknown column \"" + column + "\" (known: " + KNOWN + ")");
                }
            }
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    problems.add("line 1: missing column \"" + column + "\"");
                }
            }
            if (!header.contains("title_fr") && !header.contains("title_en")) {
                problems.add("line 1: missing column \"title_en\" or \"title_fr\"");
            }
            if (!problems.isEmpty()) {
                throw new CatalogueException(origin, problems);
            }
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                String[] cells = rows.next();
                if (cells.length != header.size()) {
                    problems.add("line " + line + ": " + cells.length + " cells, the header has " + header.size());
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    row.put(header.get(i), cells[i].strip());
                }
                try {
                    occupations.add(occupation(row));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add("line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(origin, problems);
        }
        return occupations;
    }

    private static Occupation occupation(Map<String, String> row) {
        String id = CatalogueJson.id(row.get("id"));
        Map<RiasecArea, Double> interests = new EnumMap<>(RiasecArea.class);
        for (RiasecArea area : RiasecArea.values()) {
            interests.put(area, number(row, area.letter()));
        }
        Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
        boolean anyValue = VALUE_COLUMNS.stream().anyMatch(column -> !row.getOrDefault(column, "").isEmpty());
        if (anyValue) {
            for (int i = 0; i < VALUE_COLUMNS.size(); i++) {
                values.put(WorkValue.values()[i], number(row, VALUE_COLUMNS.get(i)));
            }
        }
        List<Occupation.RequiredCompetence> competences = new ArrayList<>();
        for (String pair : split(row.get("competences"))) {
            String[] parts = pair.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("column competences: \"" + pair + "\" is not competence:level");
            }
            try {
                competences.add(new Occupation.RequiredCompetence(Competence.of(parts[0].strip()),
                        Integer.parseInt(parts[1].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column competences: \"" + parts[1] + "\" is not a level 1 to 4");
            }
        }
        List<String> routesFr = split(row.get("routes_fr"));
        List<String> routesEn = split(row.get("routes_en"));
        if (!routesFr.isEmpty() && !routesEn.isEmpty() && routesFr.size() != routesEn.size()) {
            throw new IllegalArgumentException("routes_fr and routes_en give " + routesFr.size() + " and "
                    + routesEn.size() + " routes; give them in the same order");
        }
        List<LocalizedText> routes = new ArrayList<>();
        for (int i = 0; i < Math.max(routesFr.size(), routesEn.size()); i++) {
            routes.add(text(i < routesFr.size() ? routesFr.get(i) : null, i < routesEn.size() ? routesEn.get(i) : null));
        }
        String level = row.getOrDefault("level", "");
        java.util.Set<WorkingCondition> conditions = java.util.EnumSet.noneOf(WorkingCondition.class);
        split(row.get("conditions")).forEach(condition -> conditions.add(WorkingCondition.of(condition)));
        String qualification = row.getOrDefault("qualification", "");
        String months = row.getOrDefault("training_months", "");
        return new Occupation(id, text(row.get("title_fr"), row.get("title_en")),
                row.containsKey("description_fr") || row.containsKey("description_en")
                        ? text(row.get("description_fr"), row.get("description_en")) : null,
                Sector.of(row.get("sector")), level.isEmpty() ? null : (int) number(row, "level"),
                row.getOrDefault("onet", "").isEmpty() ? null : row.get("onet"),
                row.getOrDefault("isco", "").isEmpty() ? null : row.get("isco"), interests, values, competences, routes,
                null, split(row.get("rome")), List.of(), qualification.isEmpty() ? null : (int) number(row, "qualification"),
                months.isEmpty() ? null : (int) number(row, "training_months"), split(row.get("requires")), conditions,
                List.of(), row.containsKey("conditions") ? new Occupation.FigureSources(null, null, null, null,
                        "the centre's catalogue") : null);
    }

    private static LocalizedText text(String fr, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (fr != null && !fr.isEmpty()) {
            texts.put("fr", fr);
        }
        if (en != null && !en.isEmpty()) {
            texts.put("en", en);
        }
        if (texts.isEmpty()) {
            return null;
        }
        return new LocalizedText(texts);
    }

    private static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.split("\\|")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static double number(Map<String, String> row, String column) {
        String text = row.getOrDefault(column, "");
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + ": not a number: \"" + text + "\"");
        }
    }
}
