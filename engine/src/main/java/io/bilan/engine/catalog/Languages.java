package io.bilan.engine.catalog;

import io.bilan.engine.http.QueryValues;
import io.bilan.engine.problem.Texts;
import io.bilan.runtime.Instrument;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Picks the language of a response: {@code ?lang=}, else the first acceptable one the instrument has, else English. */
public final class Languages {

    private Languages() {
    }

    /**
     * The language of the answer. A {@code lang} the resource has no texts in is a 400 naming the languages it has:
     * the instrument's, or the engine's own ({@link Texts#LANGUAGES}) for resources of no instrument. Accept-Language
     * is a preference, never refused.
     *
     * @param instrument the instrument whose languages count, or {@code null} for the engine's languages
     */
    public static String choose(String lang, HttpHeaders headers, Instrument instrument) {
        return choose(lang, headers, instrument, instrument == null ? Texts.LANGUAGES : List.of());
    }

    /** {@link #choose(String, HttpHeaders, Instrument)}, where {@code lang} may be one of {@code available} too. */
    public static String choose(String lang, HttpHeaders headers, Instrument instrument,
            Collection<String> available) {
        if (lang != null && !lang.isBlank()) {
            String requested = lang.trim().toLowerCase(Locale.ROOT);
            Set<String> known = new TreeSet<>(available);
            if (instrument != null) {
                known.addAll(instrument.manifest().languages());
            }
            QueryValues.oneOf("lang", requested, known);
            return instrument == null ? requested : instrument.language(requested);
        }
        if (headers != null) {
            for (Locale locale : headers.getAcceptableLanguages()) {
                String language = locale.getLanguage();
                if (language.isEmpty() || language.equals("*")) {
                    continue;
                }
                if (instrument == null || instrument.manifest().languages().contains(language)) {
                    return language;
                }
            }
        }
        return instrument == null ? "en" : instrument.language(null);
    }
}
