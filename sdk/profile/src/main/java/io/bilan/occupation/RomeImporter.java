package io.bilan.occupation;

import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports the ROME (France Travail's Répertoire opérationnel des métiers et des emplois, ROME 4.0) from the CSV files
 * of its open-data export "RefRomeCsv" (comma-separated, double-quoted, UTF-8, a header row; file names carry the
 * release, e.g. {@code unix_referentiel_code_rome_v460_utf8.csv}):
 * <ul>
 * <li>{@code unix_referentiel_code_rome_v*}: the codes and their titles (required);</li>
 * <li>{@code unix_referentiel_appellation_v*}: the job titles of each code, kept as searchable synonyms (required);</li>
 * <li>{@code unix_texte_v*}: the definition (the description) and access conditions (a route) of each code;</li>
 * <li>{@code unix_rubrique_mobilite_v*}: mobility links, kept as the close occupations of each code;</li>
 * <li>{@code unix_arborescence_centre_interet_v*}: the interest centres ("J'ai envie de...") of each code.</li>
 * </ul>
 *
 * <p>ROME gives no RIASEC or work-value figures. An imported code takes them, in this order: the means of the
 * occupations of earlier sources that carry the same ROME code, else its parent code ({@code code_rome_parent}); else
 * RIASEC scores estimated from its interest centres, each mapped to one or two Holland areas with a stated rationale
 * ({@code rome/interest-centres.csv}), and no work values. Every imported occupation says which in its
 * {@link Occupation.FigureSources}. ROME has no preparation level, qualification, competences of Bilan's framework
 * or working conditions per code in this export; those stay unknown and matching says so.
 */
public final class RomeImporter {

    static final String CODES = "unix_referentiel_code_rome";
    static final String TITLES = "unix_referentiel_appellation";
    static final String TEXTS = "unix_texte";
    static final String MOBILITY = "unix_rubrique_mobilite";
    static final String CENTRES = "unix_arborescence_centre_interet";
    private static final String CENTRE_MAP = "/io/bilan/occupation/rome/interest-centres.csv";
    private static final double PRINCIPAL = 2;
    private static final double SECOND_LETTER = 0.5;

    private RomeImporter() {
    }

    /** The catalogue id of a ROME code: {@code J1506} is {@code rome-j1506}. */
    public static String idOf(String code) {
        return "rome-" + code.toLowerCase(Locale.ROOT);
    }

    /**
     * The occupations of the ROME export in {@code folder}, with figures borrowed from the occupations of
     * {@code earlier} (the sources before this one) that carry the same ROME code, or estimated from interest centres.
     */
    public static RomeImport read(Path folder, OccupationCatalogue earlier) throws CatalogueException, IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Code> codes = new LinkedHashMap<>();
        CsvRows.read(file(folder, CODES, problems), List.of("code_rome", "libelle_rome"), problems, row -> {
            String code = code(row.get("code_rome"));
            String parent = row.getOrDefault("code_rome_parent", "");
            codes.put(code, new Code(code, row.get("libelle_rome"), parent.isBlank() ? code : code(parent)));
        });
        if (!problems.isEmpty()) {
            throw new CatalogueException(folder.toString(), problems);
        }
        CsvRows.read(file(folder, TITLES, problems), List.of("code_rome", "libelle_appellation_long"), problems, row -> {
            Code code = known(codes, row.get("code_rome"));
            code.titles.add(row.get("libelle_appellation_long"));
            String shortTitle = row.getOrDefault("libelle_appellation_court", "");
            if (!shortTitle.isBlank()) {
                code.titles.add(shortTitle);
            }
        });
        Path texts = optional(folder, TEXTS);
        if (texts != null) {
            CsvRows.read(texts, List.of("code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"), problems,
                    row -> {
                        Code code = known(codes, row.get("code_rome"));
                        Map<Integer, String> sentences = "acces_metier".equals(row.get("libelle_type_texte"))
                                ? code.access : "definition".equals(row.get("libelle_type_texte")) ? code.definition : null;
                        if (sentences != null) {
                            sentences.put(number(row.get("position_phrase")), sentence(row.get("libelle_texte")));
                        }
                    });
        }
        Path mobility = optional(folder, MOBILITY);
        if (mobility != null) {
            CsvRows.read(mobility, List.of("code_rome", "code_rome_cible"), problems, row -> {
                Code code = known(codes, row.get("code_rome"));
                known(codes, row.get("code_rome_cible"));
                code.close.add(code(row.get("code_rome_cible")));
            });
        }
        Map<String, String> centreLetters = centreLetters();
        Set<String> unmapped = new java.util.TreeSet<>();
        Path centres = optional(folder, CENTRES);
        if (centres != null) {
            CsvRows.read(centres, List.of("code_centre_interet", "libelle_centre_interet", "code_rome"), problems, row -> {
                Code code = known(codes, row.get("code_rome"));
                String letters = centreLetters.get(row.get("code_centre_interet"));
                if (letters == null) {
                    unmapped.add(row.get("code_centre_interet") + " " + row.get("libelle_centre_interet"));
                    return;
                }
                code.centres.add(row.get("libelle_centre_interet"));
                double weight = "oui".equalsIgnoreCase(row.getOrDefault("principal", "")) ? PRINCIPAL : 1;
                for (int i = 0; i < letters.length(); i++) {
                    code.raw.merge(RiasecArea.of(letters.substring(i, i + 1)), weight * (i == 0 ? 1 : SECOND_LETTER),
                            Double::sum);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(folder.toString(), problems);
        }

        Map<String, List<Occupation>> lenders = new LinkedHashMap<>();
        for (Occupation occupation : earlier.all()) {
            if (occupation.figuresFrom() == null && !occupation.id().startsWith("rome-")) {
                occupation.rome().forEach(code -> lenders.computeIfAbsent(code, c -> new ArrayList<>()).add(occupation));
            }
        }
        List<Occupation> imported = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int borrowed = 0;
        int estimated = 0;
        for (Code code : codes.values()) {
            List<Occupation> lending = lenders.getOrDefault(code.code, List.of());
            String through = code.code;
            if (lending.isEmpty() && !code.parent.equals(code.code)) {
                lending = lenders.getOrDefault(code.parent, List.of());
                through = code.parent;
            }
            Occupation.FigureSources sources;
            Map<RiasecArea, Double> interests;
            Map<WorkValue, Double> values = Map.of();
            if (!lending.isEmpty()) {
                interests = meanInterests(lending);
                values = meanValues(lending);
                String from = "mean of " + lending.stream().map(Occupation::id).toList() + ", the occupations of earlier"
                        + " sources with ROME code " + through;
                sources = new Occupation.FigureSources(from, values.isEmpty() ? null : from, null, null, null);
                borrowed++;
            } else if (!code.raw.isEmpty()) {
                interests = estimate(code.raw);
                sources = new Occupation.FigureSources("estimated by Bilan from ROME's interest centres " + code.centres
                        + " (see docs/occupations.md)", null, null, null, null);
                estimated++;
            } else {
                leftOut.add(code.code);
                continue;
            }
            List<LocalizedText> routes = code.access.isEmpty() ? List.of()
                    : List.of(LocalizedText.of("fr", String.join(" ", code.access.values())));
            LocalizedText description = code.definition.isEmpty() ? null
                    : LocalizedText.of("fr", String.join(" ", code.definition.values()));
            List<String> close = code.close.stream().filter(codes::containsKey).map(RomeImporter::idOf).toList();
            List<String> synonyms = new ArrayList<>(code.titles);
            synonyms.remove(code.title);
            imported.add(new Occupation(idOf(code.code), LocalizedText.of("fr", code.title), description,
                    sectorOf(code.code), null, null, null, interests, values, List.of(), routes, null,
                    List.of(code.code), synonyms, null, null, List.of(), Set.of(), close, sources));
        }
        return new RomeImport(OccupationCatalogue.of(imported), borrowed, estimated, leftOut, List.copyOf(unmapped));
    }

    /**
     * The sector of a ROME code: by its letter (its "grand domaine"), a two- or three-character group overriding it
     * where the letter gathers several sectors (K gathers care, teaching, public service, cleaning and security).
     */
    static Sector sectorOf(String code) {
        String[][] overrides = {
            {"D11", "crafts-trades"}, {"D1202", "crafts-trades"}, {"D1208", "crafts-trades"},
            {"E13", "industry-production"}, {"G1204", "education-training"},
            {"H12", "science-engineering"}, {"H15", "science-engineering"},
            {"K11", "health"}, {"K12", "social-care"}, {"K13", "social-care"}, {"K14", "business-administration"},
            {"K15", "business-administration"}, {"K16", "arts-media-culture"}, {"K17", "public-safety"},
            {"K18", "social-care"}, {"K19", "law-justice"}, {"K21", "education-training"},
            {"K22", "personal-services"}, {"K23", "agriculture-environment"}, {"K24", "science-engineering"},
            {"K25", "public-safety"}, {"K26", "personal-services"},
            {"M12", "finance-insurance"}, {"M18", "it-digital"},
        };
        String best = null;
        for (String[] override : overrides) {
            if (code.startsWith(override[0]) && (best == null || override[0].length() > best.length())) {
                best = override[0];
            }
        }
        if (best != null) {
            for (String[] override : overrides) {
                if (override[0].equals(best)) {
                    return Sector.of(override[1]);
                }
            }
        }
        return switch (code.charAt(0)) {
            case 'A' -> Sector.AGRICULTURE_ENVIRONMENT;
            case 'B', 'I' -> Sector.CRAFTS_TRADES;
            case 'C' -> Sector.FINANCE_INSURANCE;
            case 'D' -> Sector.RETAIL_SALES;
            case 'E', 'L' -> Sector.ARTS_MEDIA_CULTURE;
            case 'F' -> Sector.CONSTRUCTION;
            case 'G' -> Sector.HOSPITALITY_TOURISM;
            case 'H' -> Sector.INDUSTRY_PRODUCTION;
            case 'J' -> Sector.HEALTH;
            case 'K' -> Sector.SOCIAL_CARE;
            case 'M' -> Sector.BUSINESS_ADMINISTRATION;
            case 'N' -> Sector.TRANSPORT_LOGISTICS;
            default -> throw new IllegalArgumentException("not a ROME code: " + code);
        };
    }

    /**
     * RIASEC scores from an interest-centre tally: each centre adds 1 to its first area and 0.5 to its second, the
     * code's principal centre counting double; the highest tally scores 6 on O*NET's 1-7 scale and the others in
     * proportion from 1 (nothing) upwards, rounded to two decimals.
     */
    static Map<RiasecArea, Double> estimate(Map<RiasecArea, Double> raw) {
        double highest = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<RiasecArea, Double> scores = new EnumMap<>(RiasecArea.class);
        for (RiasecArea area : RiasecArea.values()) {
            scores.put(area, Math.round((1 + 5 * raw.getOrDefault(area, 0.0) / highest) * 100) / 100.0);
        }
        return scores;
    }

    private static Map<RiasecArea, Double> meanInterests(List<Occupation> lenders) {
        Map<RiasecArea, Double> mean = new EnumMap<>(RiasecArea.class);
        for (RiasecArea area : RiasecArea.values()) {
            mean.put(area, round(lenders.stream().mapToDouble(o -> o.interests().get(area)).average().orElseThrow()));
        }
        return mean;
    }

    private static Map<WorkValue, Double> meanValues(List<Occupation> lenders) {
        List<Occupation> with = lenders.stream().filter(o -> !o.values().isEmpty()).toList();
        if (with.isEmpty()) {
            return Map.of();
        }
        Map<WorkValue, Double> mean = new EnumMap<>(WorkValue.class);
        for (WorkValue value : WorkValue.values()) {
            mean.put(value, round(with.stream().mapToDouble(o -> o.values().get(value)).average().orElseThrow()));
        }
        return mean;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The interest centres' Holland letters by centre code, from the mapping Bilan ships; empty for no area. */
    static Map<String, String> centreLetters() throws IOException {
        Map<String, String> letters = new TreeMap<>();
        try (InputStream in = RomeImporter.class.getResourceAsStream(CENTRE_MAP)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CENTRE_MAP);
            }
            List<String> problems = new ArrayList<>();
            CsvRows.read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8), CENTRE_MAP,
                    List.of("code", "riasec"), problems, row -> letters.put(row.get("code"), row.get("riasec")));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(CENTRE_MAP + " is broken: " + problems);
            }
        }
        return letters;
    }

    private static final Pattern CODE = Pattern.compile("[A-N][0-9]{4}");

    private static String code(String text) {
        if (!CODE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a ROME code: \"" + text + "\"");
        }
        return text;
    }

    private static Code known(Map<String, Code> codes, String text) {
        Code code = codes.get(code(text));
        if (code == null) {
            throw new IllegalArgumentException("ROME code " + text + " is not in " + CODES);
        }
        return code;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: \"" + text + "\"");
        }
    }

    /** ROME's texts double some apostrophes ({@code d''Etat}); a sentence ends with a full stop. */
    private static String sentence(String text) {
        String clean = text.replace("''", "'").strip();
        return clean.isEmpty() || clean.endsWith(".") || clean.endsWith("!") || clean.endsWith("?") ? clean : clean + ".";
    }

    /** The file of this kind in the folder, whatever its release number; a problem when there is none. */
    private static Path file(Path folder, String kind, List<String> problems) throws IOException {
        Optional<Path> found = find(folder, kind);
        if (found.isEmpty()) {
            problems.add(kind + "_v<release>_utf8.csv: missing (expected the ROME's RefRomeCsv export in " + folder + ")");
            return folder.resolve(kind + "_v000_utf8.csv");
        }
        return found.get();
    }

    private static Path optional(Path folder, String kind) throws IOException {
        return find(folder, kind).orElse(null);
    }

    private static Optional<Path> find(Path folder, String kind) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Pattern name = Pattern.compile(Pattern.quote(kind) + "_v[0-9]+_utf8\\.csv");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches()).sorted().reduce((a, b) -> b);
        }
    }

    /** What the files say of one code. */
    private static final class Code {
        final String code;
        final String title;
        final String parent;
        final Set<String> titles = new LinkedHashSet<>();
        final Map<Integer, String> definition = new TreeMap<>();
        final Map<Integer, String> access = new TreeMap<>();
        final Set<String> close = new LinkedHashSet<>();
        final Set<String> centres = new LinkedHashSet<>();
        final Map<RiasecArea, Double> raw = new EnumMap<>(RiasecArea.class);

        Code(String code, String title, String parent) {
            this.code = code;
            this.title = title;
            this.parent = parent;
        }
    }
}
