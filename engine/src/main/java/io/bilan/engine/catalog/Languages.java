package io.bilan.engine.catalog;

import io.bilan.runtime.Instrument;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** Picks the language of a response: {@code ?lang=}, else the first acceptable one the instrument has, else English. */
public final class Languages {

    private Languages() {
    }

    /**
     * @param instrument the instrument whose languages count, or {@code null} when any language will do
     */
    public static String choose(String lang, HttpHeaders headers, Instrument instrument) {
        if (lang != null && !lang.isBlank()) {
            String requested = lang.trim().toLowerCase(Locale.ROOT);
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
