package io.bilan.engine.problem;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The sentences the engine says to a person — the title and detail of a problem, the rules a refusal lists — in the
 * caller's language: French or English, the first of the two the request's {@code Accept-Language} prefers, English
 * otherwise and outside a request. The texts are in {@code Texts.properties} (English) and {@code Texts_fr.properties};
 * {@code {0}}, {@code {1}}... stand for the arguments, written as they are (no number or date formatting).
 */
public final class Texts {

    /** The languages the engine speaks to people. */
    public static final List<String> LANGUAGES = List.of("en", "fr");

    private static final String BUNDLE = "io.bilan.engine.problem.Texts";
    /** The cookie of the pages' language switch (io.bilan.engine.web.PageLanguage). */
    private static final String PAGE_LANGUAGE_COOKIE = "bilan_lang";

    private Texts() {
    }

    /** The text of {@code key} in the caller's language, its arguments in place. */
    public static String of(String key, Object... args) {
        return in(language(), key, args);
    }

    /** The text of {@code key} in {@code language} ({@code fr} or {@code en}), its arguments in place. */
    public static String in(String language, String key, Object... args) {
        String text;
        try {
            text = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), CONTROL).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text " + key, e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Whether a text of that key exists. */
    public static boolean has(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, CONTROL).containsKey(key);
    }

    /** {@code fr} or {@code en}: the first of them the current request accepts, else {@code en}. */
    public static String language() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return "en";
        }
        try {
            HttpHeaders headers = request.getHttpHeaders();
            String path = request.getPath();
            // A page speaks the language chosen with its switch, and so do the refusals it shows; the API follows
            // Accept-Language only.
            jakarta.ws.rs.core.Cookie chosen = path == null || path.startsWith("/api/") ? null
                    : headers.getCookies().get(PAGE_LANGUAGE_COOKIE);
            return chosen != null && LANGUAGES.contains(chosen.getValue()) ? chosen.getValue() : of(headers);
        } catch (RuntimeException e) {
            // An Accept-Language header that cannot be read is no reason to fail a request: English.
            return "en";
        }
    }

    static String of(HttpHeaders headers) {
        for (Locale locale : headers.getAcceptableLanguages()) {
            if (LANGUAGES.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return "en";
    }

    /** English is the base bundle: no fall-back to the machine's default locale. */
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
