package io.bilan.occupation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of occupations, looked up by id and searched by text, sector and level. Catalogues combine:
 * {@link #with} lets a later source (a centre's own file) replace occupations of an earlier one with the same id.
 */
public final class OccupationCatalogue {

    private static final String BUILT_IN_INDEX = "/io/bilan/occupation/catalogue/index.txt";
    private static final String BUILT_IN_TITLES = "/io/bilan/occupation/catalogue/rome-titles.csv";

    private final Map<String, Occupation> byId;
    private volatile OccupationSearch index;

    private OccupationCatalogue(Map<String, Occupation> byId) {
        this.byId = byId;
    }

    /** The search index, built on the first search: a catalogue only merged into another never needs one. */
    private OccupationSearch index() {
        OccupationSearch built = index;
        if (built == null) {
            built = new OccupationSearch(byId.values());
            index = built;
        }
        return built;
    }

    /** A catalogue of these occupations; ids must be unique. */
    public static OccupationCatalogue of(Collection<Occupation> occupations) {
        Map<String, Occupation> byId = new LinkedHashMap<>();
        for (Occupation occupation : occupations) {
            if (byId.put(occupation.id(), occupation) != null) {
                throw new IllegalArgumentException("occupation id \"" + occupation.id() + "\" is used twice");
            }
        }
        return new OccupationCatalogue(byId);
    }

    /**
     * The catalogue written by the Bilan project: occupations across all sectors and preparation levels, with
     * French and English titles, RIASEC and work-value figures from O*NET 29.3 (CC BY 4.0, USDOL/ETA), key
     * competences of the framework and routes into each.
     */
    public static OccupationCatalogue builtIn() {
        List<Occupation> occupations = new ArrayList<>();
        for (String file : resource(BUILT_IN_INDEX).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            String path = "/io/bilan/occupation/catalogue/" + file;
            try {
                occupations.addAll(CatalogueJson.read(resource(path), path));
            } catch (CatalogueException e) {
                throw new IllegalStateException("the built-in catalogue is broken: " + e.getMessage(), e);
            }
        }
        Map<String, List<String>> titles = romeTitles();
        List<Occupation> withTitles = new ArrayList<>();
        for (Occupation occupation : occupations) {
            List<String> synonyms = new ArrayList<>();
            occupation.rome().forEach(code -> synonyms.addAll(titles.getOrDefault(code, List.of())));
            withTitles.add(occupation.withSynonyms(synonyms));
        }
        return of(withTitles);
    }

    /** The ROME job titles of the codes the built-in catalogue uses, by code (rome-titles.csv: code_rome,title). */
    private static Map<String, List<String>> romeTitles() {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            CsvRows.read(new java.io.StringReader(resource(BUILT_IN_TITLES)), BUILT_IN_TITLES, List.of("code_rome", "title"),
                    problems, row -> titles.computeIfAbsent(row.get("code_rome"), code -> new ArrayList<>())
                            .add(row.get("title")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the built-in catalogue is broken: " + problems);
        }
        return titles;
    }

    /** This catalogue with the occupations of {@code later} added; those with an id already here replace it. */
    public OccupationCatalogue with(OccupationCatalogue later) {
        Map<String, Occupation> merged = new LinkedHashMap<>(byId);
        merged.putAll(later.byId);
        return new OccupationCatalogue(merged);
    }

    /** Every occupation, in the order the sources gave them. */
    public List<Occupation> all() {
        return List.copyOf(byId.values());
    }

    /** How many occupations there are. */
    public int size() {
        return byId.size();
    }

    /** The occupation with this id. */
    public Optional<Occupation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The occupations matching {@code query}. With words, every word must start a word of a title, a ROME job title or
     * synonym, the sector, the description or a required competence, ignoring case and accents and with light French
     * stemming ({@code "formatrices"} finds « Formateur »); best first (see {@link OccupationSearch}), then by English
     * title. Without words, every occupation of the sector and level, by English title.
     */
    public List<Occupation> search(OccupationQuery query) {
        List<String> words = query.text() == null ? List.of() : OccupationSearch.stems(query.text());
        Comparator<Occupation> byTitle = Comparator.comparing(o -> o.title().resolve("en", "fr").toLowerCase(Locale.ROOT));
        List<Occupation> filtered = byId.values().stream()
                .filter(o -> query.sector() == null || o.sector() == query.sector())
                .filter(o -> query.level() == null || query.level().equals(o.level()))
                .toList();
        if (words.isEmpty()) {
            return filtered.stream().sorted(byTitle).toList();
        }
        OccupationSearch search = index();
        Map<String, Double> scores = new java.util.HashMap<>();
        for (Occupation occupation : filtered) {
            double score = search.score(occupation.id(), words);
            if (score > 0) {
                scores.put(occupation.id(), score);
            }
        }
        return filtered.stream().filter(o -> scores.containsKey(o.id()))
                .sorted(Comparator.comparing((Occupation o) -> -scores.get(o.id())).thenComparing(byTitle))
                .toList();
    }

    private static String resource(String path) {
        try (InputStream in = OccupationCatalogue.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
