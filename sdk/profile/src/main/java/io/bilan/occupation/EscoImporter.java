package io.bilan.occupation;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports occupations from the CSV files of the ESCO classification (European Skills, Competences, Qualifications
 * and Occupations, v1.1 or v1.2, as downloaded from esco.ec.europa.eu): {@code occupations_fr.csv} and
 * {@code occupations_en.csv} (titles, descriptions and ISCO-08 unit groups; either may be absent, not both) and
 * {@code occupationSkillRelations_en.csv} or {@code _fr.csv} (essential and optional skills). Columns are found by
 * their header. The sector and the preparation level follow the ISCO-08 unit group; skills that are competences of
 * Bilan's framework become required competences, essential ones at level 3 and optional ones at level 2.
 *
 * <p>ESCO has no interest or work-value figures, and matching needs the six RIASEC scores. An ESCO occupation
 * borrows the mean figures of the occupations of earlier sources that share its ISCO-08 unit group, else its minor
 * group: occupations with that {@code isco} or, through the optional crosswalk {@code isco-onet.csv}
 * ({@code isco08,onetsoc}), with an O*NET-SOC code of that group. Only occupations with figures of their own lend
 * them. ESCO occupations with nothing to borrow from are left out and counted.
 */
public final class EscoImporter {

    static final List<String> LANGUAGES = List.of("fr", "en");
    static final String CROSSWALK = "isco-onet.csv";
    static final int ESSENTIAL = 3;
    static final int OPTIONAL = 2;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOC = Pattern.compile("[0-9]{2}-[0-9]{4}(\\.[0-9]{2})?");

    private EscoImporter() {
    }

    static String occupationsFile(String language) {
        return "occupations_" + language + ".csv";
    }

    static String relationsFile(String language) {
        return "occupationSkillRelations_" + language + ".csv";
    }

    /**
     * The occupations of the ESCO files in {@code folder}, with figures borrowed from the occupations of
     * {@code earlier}, the catalogue of the sources before this one.
     */
    public static EscoImport read(Path folder, OccupationCatalogue earlier) throws CatalogueException, IOException {
        String origin = folder.toString();
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> crosswalk = readCrosswalk(folder, problems);
        if (!problems.isEmpty()) {
            throw new CatalogueException(origin, problems);
        }
        Lenders lenders = new Lenders(earlier, crosswalk);
        if (!lenders.any()) {
            throw new CatalogueException(origin, List.of(earlier.size() == 0
                    ? "ESCO has no interest or work-value figures: an esco: source borrows them from the occupations"
                            + " of earlier sources and must come after one, e.g. built-in,esco:" + folder
                    : "no occupation of the earlier sources can lend its interest and value figures: none has an"
                            + " ISCO-08 unit group (isco) or an O*NET-SOC code listed in " + CROSSWALK));
        }

        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> present = LANGUAGES.stream().filter(l -> Files.isRegularFile(folder.resolve(occupationsFile(l))))
                .toList();
        if (present.isEmpty()) {
            problems.add(occupationsFile("fr") + ", " + occupationsFile("en") + ": missing (expected the ESCO"
                    + " classification's CSV files, in French, English or both, in " + folder + ")");
        }
        for (String language : present) {
            readOccupations(folder.resolve(occupationsFile(language)), language, entries, problems);
        }
        // the relations are the same in every language's download
        Path relations = List.of("en", "fr").stream().map(l -> folder.resolve(relationsFile(l)))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        if (relations == null) {
            problems.add(relationsFile("en") + ", " + relationsFile("fr") + ": missing (the ESCO download has one"
                    + " of them, in the language it was downloaded in)");
        } else {
            readRelations(relations, entries, problems);
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(origin, problems);
        }

        List<Occupation> imported = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int fromMinorGroup = 0;
        for (Map.Entry<String, Entry> each : entries.entrySet()) {
            Entry entry = each.getValue();
            Occupation.BorrowedFigures figures = lenders.figuresFor(entry.isco);
            if (figures == null) {
                leftOut.add(each.getKey());
                continue;
            }
            if (figures.iscoGroup().length() == 3) {
                fromMinorGroup++;
            }
            imported.add(entry.occupation(figures, lenders));
        }
        return new EscoImport(OccupationCatalogue.of(imported), leftOut, fromMinorGroup);
    }

    /** The catalogue id of an ESCO occupation URI: {@code esco-} and the UUID that ends it. */
    public static String idOf(String conceptUri) {
        String last = conceptUri == null ? "" : conceptUri.substring(conceptUri.lastIndexOf('/') + 1);
        if (!UUID.matcher(last).matches()) {
            throw new IllegalArgumentException("conceptUri must end with the occupation's UUID, e.g."
                    + " http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34, not \""
                    + conceptUri + "\"");
        }
        return "esco-" + last.toLowerCase(Locale.ROOT);
    }

    private static void readOccupations(Path file, String language, Map<String, Entry> entries, List<String> problems)
            throws IOException {
        Set<String> seen = new HashSet<>();
        CsvRows.read(file, List.of("conceptUri", "iscoGroup", "preferredLabel"), problems, row -> {
            if (!row.getOrDefault("conceptType", "Occupation").equals("Occupation")) {
                return;
            }
            String uri = row.get("conceptUri");
            String id = idOf(uri);
            if (!seen.add(uri)) {
                throw new IllegalArgumentException(uri + " is given twice");
            }
            String isco = row.get("iscoGroup");
            if (!Isco08.isUnitGroup(isco)) {
                throw new IllegalArgumentException("iscoGroup must be an ISCO-08 unit group, 4 digits such as 2221,"
                        + " not \"" + isco + "\"");
            }
            if (row.get("preferredLabel").isEmpty()) {
                throw new IllegalArgumentException("preferredLabel is empty");
            }
            Entry entry = entries.computeIfAbsent(uri, key -> new Entry(id, isco));
            if (!entry.isco.equals(isco)) {
                throw new IllegalArgumentException(uri + " has iscoGroup " + isco + " here and " + entry.isco
                        + " in the other language's file");
            }
            entry.titles.put(language, row.get("preferredLabel"));
            String description = row.getOrDefault("description", "");
            if (!description.isEmpty()) {
                entry.descriptions.put(language, description);
            }
        });
    }

    private static void readRelations(Path file, Map<String, Entry> entries, List<String> problems) throws IOException {
        Map<String, Competence> framework = new HashMap<>();
        for (Competence competence : Competence.values()) {
            competence.escoUri().ifPresent(uri -> framework.put(uri, competence));
        }
        CsvRows.read(file, List.of("occupationUri", "relationType", "skillUri"), problems, row -> {
            int level = switch (row.get("relationType")) {
                case "essential" -> ESSENTIAL;
                case "optional" -> OPTIONAL;
                default -> throw new IllegalArgumentException("relationType must be essential or optional, not \""
                        + row.get("relationType") + "\"");
            };
            Competence competence = framework.get(row.get("skillUri"));
            Entry entry = entries.get(row.get("occupationUri"));
            if (competence != null && entry != null) {
                entry.competences.merge(competence, level, Math::max);
            }
        });
    }

    /** {@code isco-onet.csv}: the O*NET-SOC codes of each ISCO-08 unit group, when the file is there. */
    private static Map<String, List<String>> readCrosswalk(Path folder, List<String> problems) throws IOException {
        Map<String, List<String>> crosswalk = new HashMap<>();
        Path file = folder.resolve(CROSSWALK);
        if (Files.isRegularFile(file)) {
            CsvRows.read(file, List.of("isco08", "onetsoc"), problems, row -> {
                String isco = Isco08.unitGroup(row.get("isco08"));
                String soc = row.get("onetsoc");
                if (!SOC.matcher(soc).matches()) {
                    throw new IllegalArgumentException("onetsoc must be an O*NET-SOC code such as 29-1141.00 (or a SOC"
                            + " code such as 29-1141), not \"" + soc + "\"");
                }
                crosswalk.computeIfAbsent(isco, key -> new ArrayList<>()).add(soc);
            });
        }
        return crosswalk;
    }

    /** What the ESCO files say about one occupation. */
    private static final class Entry {
        final String id;
        final String isco;
        final Map<String, String> titles = new LinkedHashMap<>();
        final Map<String, String> descriptions = new LinkedHashMap<>();
        final Map<Competence, Integer> competences = new EnumMap<>(Competence.class);

        Entry(String id, String isco) {
            this.id = id;
            this.isco = isco;
        }

        Occupation occupation(Occupation.BorrowedFigures figures, Lenders lenders) {
            List<Occupation.RequiredCompetence> required = competences.entrySet().stream()
                    .sorted(Map.Entry.<Competence, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> new Occupation.RequiredCompetence(e.getKey(), e.getValue())).toList();
            return new Occupation(id, new LocalizedText(titles),
                    descriptions.isEmpty() ? null : new LocalizedText(descriptions), Isco08.sector(isco),
                    Isco08.level(isco), null, isco, lenders.interests(figures), lenders.values(figures), required,
                    List.of(), figures);
        }
    }

    /** The occupations of earlier sources that have figures of their own, found by ISCO-08 group. */
    private static final class Lenders {
        private final List<Occupation> withFigures;
        private final Map<String, List<String>> crosswalk;
        private final Map<String, Occupation> byId = new HashMap<>();
        private final Map<String, List<Occupation>> byGroup = new HashMap<>();

        Lenders(OccupationCatalogue earlier, Map<String, List<String>> crosswalk) {
            this.withFigures = earlier.all().stream().filter(o -> o.figuresFrom() == null).toList();
            this.crosswalk = crosswalk;
            withFigures.forEach(o -> byId.put(o.id(), o));
        }

        /** Whether any occupation could lend figures at all. */
        boolean any() {
            Set<String> socs = new LinkedHashSet<>();
            crosswalk.values().forEach(socs::addAll);
            return withFigures.stream().anyMatch(o -> o.isco() != null || o.onetCode() != null && matches(o, socs));
        }

        /** Where the figures of an occupation of unit group {@code isco} come from, or {@code null} if nowhere. */
        Occupation.BorrowedFigures figuresFor(String isco) {
            for (String group : List.of(isco, Isco08.minorGroup(isco))) {
                List<Occupation> found = in(group);
                if (!found.isEmpty()) {
                    return new Occupation.BorrowedFigures(group, found.stream().map(Occupation::id).toList());
                }
            }
            return null;
        }

        Map<RiasecArea, Double> interests(Occupation.BorrowedFigures figures) {
            Map<RiasecArea, Double> means = new EnumMap<>(RiasecArea.class);
            List<Occupation> from = figures.occupations().stream().map(byId::get).toList();
            for (RiasecArea area : RiasecArea.values()) {
                means.put(area, mean(from.stream().map(o -> o.interests().get(area)).toList()));
            }
            return means;
        }

        /** The mean work values of those that have them; none if none has. */
        Map<WorkValue, Double> values(Occupation.BorrowedFigures figures) {
            List<Occupation> from = figures.occupations().stream().map(byId::get)
                    .filter(o -> !o.values().isEmpty()).toList();
            Map<WorkValue, Double> means = new EnumMap<>(WorkValue.class);
            if (!from.isEmpty()) {
                for (WorkValue value : WorkValue.values()) {
                    means.put(value, mean(from.stream().map(o -> o.values().get(value)).toList()));
                }
            }
            return means;
        }

        /** The lenders of an ISCO-08 unit or minor group, in catalogue order. */
        private List<Occupation> in(String group) {
            return byGroup.computeIfAbsent(group, key -> {
                Set<String> socs = new LinkedHashSet<>();
                crosswalk.forEach((isco, codes) -> {
                    if (isco.startsWith(key)) {
                        socs.addAll(codes);
                    }
                });
                return withFigures.stream().filter(o -> o.isco() != null && o.isco().startsWith(key)
                        || o.onetCode() != null && matches(o, socs)).toList();
            });
        }

        /** Whether the O*NET-SOC code of {@code o} is one of {@code socs}, or in one of its SOC codes. */
        private static boolean matches(Occupation o, Set<String> socs) {
            String code = o.onetCode();
            return socs.contains(code) || code.length() > 7 && socs.contains(code.substring(0, 7));
        }

        private static double mean(List<Double> numbers) {
            double sum = numbers.stream().mapToDouble(Double::doubleValue).sum();
            return Math.round(sum / numbers.size() * 100) / 100.0;
        }
    }
}
