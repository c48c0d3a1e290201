package io.bilan.occupation;

import io.bilan.api.vocabulary.Competence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words people search occupations by, weighted by where they are found: a title (10), a ROME job title or other
 * synonym (6), the sector (3), the description (2), a required competence (1). Words are folded (no accents, lower
 * case) and lightly stemmed for French: plurals and feminine endings are reduced so that « formatrices » finds
 * « Formateur » and « infirmière scolaire » finds « Infirmier scolaire ». A query word matches a word of an occupation
 * that starts with it; every query word must match; the score is the sum of each word's best weight, a whole word
 * counting fully and a prefix for 0.8, plus 5 when the whole query is found in a title.
 */
final class OccupationSearch {

    static final double TITLE = 10;
    static final double SYNONYM = 6;
    static final double SECTOR = 3;
    static final double DESCRIPTION = 2;
    static final double COMPETENCE = 1;
    static final double PREFIX = 0.8;
    static final double PHRASE = 5;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> STOP_WORDS = Set.of("a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la",
            "le", "les", "ou", "par", "pour", "sur", "un", "une", "dans", "avec", "the", "of", "and", "or", "in", "to");

    private final Map<String, Map<String, Double>> words = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();

    OccupationSearch(Iterable<Occupation> occupations) {
        for (Occupation occupation : occupations) {
            Map<String, Double> weights = new HashMap<>();
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
            words.put(occupation.id(), weights);
            titles.put(occupation.id(), " " + String.join(" ", stems(String.join(" ",
                    occupation.title().texts().values()))) + " ");
        }
    }

    /** The score of an occupation for these query words, or 0 when one of them is not found. */
    double score(String id, List<String> query) {
        Map<String, Double> weights = words.get(id);
        double total = 0;
        for (String word : query) {
            double best = 0;
            for (Map.Entry<String, Double> entry : weights.entrySet()) {
                String token = entry.getKey();
                if (token.equals(word)) {
                    best = Math.max(best, entry.getValue());
                } else if (token.startsWith(word)) {
                    best = Math.max(best, entry.getValue() * PREFIX);
                }
            }
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        if (query.size() > 1 && titles.get(id).contains(" " + String.join(" ", query))) {
            total += PHRASE;
        }
        return total;
    }

    private static void add(Map<String, Double> weights, String text, double weight) {
        for (String stem : stems(text)) {
            weights.merge(stem, weight, Math::max);
        }
    }

    /** The stems of a text's words, stop words left out; a query is read the same way. */
    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : fold(text).split(" ")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
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
