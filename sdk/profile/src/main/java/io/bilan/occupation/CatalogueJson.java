package io.bilan.occupation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalogue's JSON format, the one the built-in catalogue is written in (see
 * docs/occupations.md): an array of occupations with {@code id}, {@code title}, {@code description},
 * {@code sector}, {@code level}, {@code onet}, {@code isco}, {@code interests} (R..C), {@code values},
 * {@code competences} ({@code [{"id", "level"}]}), {@code routes} and the French details {@code rome},
 * {@code synonyms}, {@code qualification}, {@code trainingMonths}, {@code requires}, {@code conditions}, {@code closeTo}
 * and {@code sources}. Every problem is reported with the occupation's index.
 */
final class CatalogueJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private CatalogueJson() {
    }

    static List<Occupation> read(String text, String origin) throws CatalogueException {
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (IOException e) {
            throw new CatalogueException(origin, List.of("not valid JSON: " + e.getMessage()));
        }
        if (array == null || !array.isArray()) {
            throw new CatalogueException(origin, List.of("expected an array of occupations"));
        }
        List<Occupation> occupations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String where = "[" + i + "] " + node.path("id").asText("?");
            try {
                occupations.add(occupation(node));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(origin, problems);
        }
        return occupations;
    }

    private static Occupation occupation(JsonNode node) {
        Map<RiasecArea, Double> interests = new EnumMap<>(RiasecArea.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("interests").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            interests.put(RiasecArea.of(entry.getKey()), number(entry.getValue(), "interests/" + entry.getKey()));
        }
        Map<WorkValue, Double> values = new EnumMap<>(WorkValue.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            values.put(WorkValue.of(entry.getKey()), number(entry.getValue(), "values/" + entry.getKey()));
        }
        List<Occupation.RequiredCompetence> competences = new ArrayList<>();
        for (JsonNode competence : node.path("competences")) {
            competences.add(new Occupation.RequiredCompetence(Competence.of(competence.path("id").asText()),
                    competence.path("level").asInt()));
        }
        List<LocalizedText> routes = new ArrayList<>();
        node.path("routes").forEach(route -> routes.add(text(route, "routes")));
        return new Occupation(id(node.path("id").asText("")), text(node.path("title"), "title"),
                node.has("description") ? text(node.path("description"), "description") : null,
                Sector.of(node.path("sector").asText()),
                node.hasNonNull("level") ? node.path("level").asInt() : null,
                node.hasNonNull("onet") ? node.path("onet").asText() : null, isco(node.path("isco")), interests, values,
                competences, routes, null, strings(node, "rome"), strings(node, "synonyms"),
                node.hasNonNull("qualification") ? node.path("qualification").asInt() : null,
                node.hasNonNull("trainingMonths") ? node.path("trainingMonths").asInt() : null,
                strings(node, "requires"), conditions(node), strings(node, "closeTo"), sources(node.path("sources")));
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> strings = new ArrayList<>();
        for (JsonNode item : node.path(field)) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            strings.add(item.asText());
        }
        return strings;
    }

    private static java.util.Set<WorkingCondition> conditions(JsonNode node) {
        java.util.Set<WorkingCondition> conditions = java.util.EnumSet.noneOf(WorkingCondition.class);
        strings(node, "conditions").forEach(id -> conditions.add(WorkingCondition.of(id)));
        return conditions;
    }

    private static Occupation.FigureSources sources(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return new Occupation.FigureSources(node.path("interests").asText(null), node.path("values").asText(null),
                node.path("competences").asText(null), node.path("training").asText(null),
                node.path("conditions").asText(null));
    }

    private static String isco(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(
                    "isco must be a string of 4 digits, e.g. \"2221\" (a number loses leading zeros)");
        }
        return node.asText();
    }

    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case words joined by hyphens, e.g. registered-nurse");
        }
        return id;
    }

    private static LocalizedText text(JsonNode node, String field) {
        if (!node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(field + " must be an object of texts by language, e.g. {\"fr\": ..., \"en\": ...}");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> texts.put(entry.getKey(), entry.getValue().asText()));
        return new LocalizedText(texts);
    }

    private static double number(JsonNode node, String field) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return node.asDouble();
    }
}
