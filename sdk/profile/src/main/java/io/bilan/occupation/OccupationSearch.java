package io.bilan.occupation;

import io.bilan.api.vocabulary.Competence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The words people search occupations by, weighted by where they are found: a title (10), a ROME job title or other
 * synonym (6), the sector (3), the description (2), a required competence or a working condition it commonly involves
 * (1: « infirmier de nuit » finds the nurses, whose work has night shifts, below a title with « nuit »). Words are
 * folded (no accents, lower case, ROME's gender marks such as « Agent(e) » or « Chef(fe) » left out) and lightly
 * stemmed for French: plurals and feminine endings are reduced so that « formatrices » finds « Formateur » and
 * « infirmière scolaire » finds « Infirmier scolaire ». A query word matches a word of an occupation that starts with it;
 * every query word must match; the score is the sum of each word's best weight, a whole word counting fully and a
 * prefix for 0.8; a query of several words found together in a title earns 5 more, else found together in a job title 4
 * more; a query that is a whole title or job title earns 5 more still, so that any of ROME's job titles, typed as it is
 * written, finds its occupations first.
 */
final class OccupationSearch {

    static final double TITLE = 10;
    static final double SYNONYM = 6;
    static final double SECTOR = 3;
    static final double DESCRIPTION = 2;
    static final double COMPETENCE = 1;
    static final double CONDITION = 1;
    static final double PREFIX = 0.8;
    static final double PHRASE = 5;
    static final double SYNONYM_PHRASE = 4;
    static final double WHOLE = 5;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** ROME's short gender marks glued to a word: « Agent(e) », « Chef(fe) », « Infirmier(ère) ». */
    private static final Pattern GENDER_MARK = Pattern.compile("(?<=\\p{L})\\(\\p{Ll}{1,6}\\)");
    private static final Set<String> STOP_WORDS = Set.of("a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la",
            "le", "les", "ou", "par", "pour", "sur", "un", "une", "dans", "avec", "the", "of", "and", "or", "in", "to");

    private final Map<String, NavigableMap<String, Double>> words = new HashMap<>();
    private final Map<String, List<String>> titles = new HashMap<>();
    private final Map<String, List<String>> synonyms = new HashMap<>();

    OccupationSearch(Iterable<Occupation> occupations) {
        for (Occupation occupation : occupations) {
            NavigableMap<String, Double> weights = new TreeMap<>();
            add(weights, occupation.id().replace('-', ' '), TITLE);
            occupation.title().texts().values().forEach(title -> add(weights, title, TITLE));
            occupation.synonyms().forEach(title -> add(weights, title, SYNONYM));
            add(weights, occupation.sector().label("fr") + " " + occupation.sector().label("en"), SECTOR);
            if (occupation.description() != null) {
                occupation.description().texts().values().forEach(text -> add(weights, text, DESCRIPTION));
            }
            for (Occupation.RequiredCompetence required : occupation.competences()) {
                Competence competence = required.competence();
                add(weights, competence.label("fr") + " " + competence.label("en"), COMPETENCE);
            }
            for (WorkingCondition condition : occupation.conditions()) {
                add(weights, condition.label("fr") + " " + condition.label("en"), CONDITION);
            }
            words.put(occupation.id(), weights);
            titles.put(occupation.id(), occupation.title().texts().values().stream().map(OccupationSearch::phrase)
                    .toList());
            synonyms.put(occupation.id(), occupation.synonyms().stream().map(OccupationSearch::phrase).distinct()
                    .toList());
        }
    }

    /** The score of an occupation for these query words (read by {@link #stems}), 0 when one of them is not found. */
    double score(String id, List<String> query) {
        NavigableMap<String, Double> weights = words.get(id);
        double total = 0;
        for (String word : query) {
            Double exact = weights.get(word);
            double best = exact == null ? 0 : exact;
            for (double weight : weights.subMap(word, false, word + Character.MAX_VALUE, false).values()) {
                best = Math.max(best, weight * PREFIX);
            }
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        String asked = " " + String.join(" ", query) + " ";
        boolean wholeTitle = titles.get(id).stream().anyMatch(asked::equals);
        boolean wholeSynonym = !wholeTitle && synonyms.get(id).stream().anyMatch(asked::equals);
        if (query.size() > 1) {
            if (wholeTitle || titles.get(id).stream().anyMatch(title -> title.contains(asked))) {
                total += PHRASE;
            } else if (wholeSynonym || synonyms.get(id).stream().anyMatch(title -> title.contains(asked))) {
                total += SYNONYM_PHRASE;
            }
        }
        return wholeTitle || wholeSynonym ? total + WHOLE : total;
    }

    private static void add(Map<String, Double> weights, String text, double weight) {
        for (String stem : stems(text)) {
            weights.merge(stem, weight, Math::max);
        }
    }

    /** A text's stems between spaces, to find a query's words together in it. */
    private static String phrase(String text) {
        return " " + String.join(" ", stems(text)) + " ";
    }

    /**
     * The stems of a text's words, stop words left out and a stem repeated right after itself, or after « ou », kept
     * once (« Formateur / Formatrice » and « Infirmier ou infirmière » are one word, « Formateur de formateurs » two);
     * a query is read the same way.
     */
    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        String previous = null;
        for (String word : fold(text).split(" ")) {
            if (STOP_WORDS.contains(word)) {
                previous = word.equals("ou") ? previous : null;
            } else if (!word.isEmpty()) {
                String stem = stem(word);
                if (!stem.equals(previous)) {
                    stems.add(stem);
                }
                previous = stem;
            }
        }
        return stems;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(GENDER_MARK.matcher(text).replaceAll(""), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replaceAll("[^a-z0-9]+", " ").strip();
    }
    /**
     * A light French stem: plural endings, then feminine endings brought to the masculine (-trice, -euse, -ère, -ive,
     * -elle, -enne, -ée), then a final e. Short words are kept as they are.
     */
    static String stem(String word) {
        String w = word;
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("aux") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "al";
        } else if (w.endsWith("s") || w.endsWith("x")) {
            w = w.substring(0, w.length() - 1);
        }
        String[][] endings = {{"trice", "teur"}, {"euse", "eur"}, {"iere", "ier"}, {"ere", "er"}, {"ive", "if"},
            {"elle", "el"}, {"enne", "en"}, {"ee", "e"}};
        for (String[] ending : endings) {
            if (w.endsWith(ending[0]) && w.length() > ending[0].length() + 2) {
                w = w.substring(0, w.length() - ending[0].length()) + ending[1];
                break;
            }
        }
        if (w.endsWith("e") && w.length() > 4) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
