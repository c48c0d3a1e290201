package io.bilan.engine.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language of a page: the one the person chose with the switch (a cookie), else the first of their browser's
 * languages the pages speak, else French.
 */
public final class PageLanguage {

    /** The cookie the language switch sets. */
    public static final String COOKIE = "bilan_lang";

    private PageLanguage() {
    }

    public static String of(HttpHeaders headers) {
        var chosen = headers.getCookies().get(COOKIE);
        if (chosen != null && PageTexts.LANGUAGES.contains(chosen.getValue())) {
            return chosen.getValue();
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            if (PageTexts.LANGUAGES.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return PageTexts.LANGUAGES.getFirst();
    }
}
