package io.bilan.engine.web;

import io.quarkus.qute.TemplateData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of the pages in one language, from {@code web/messages_<lang>.properties} (UTF-8). Every key exists in
 * French and English (a test compares them); templates read them as {@code {t.get('player.submit')}}.
 */
@TemplateData
public final class PageTexts {

    /** The languages of the pages, the first being the default. */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    /**
     * The files of texts, {@code web/<part>_<lang>.properties}: the beneficiary's pages, then the pages of each
     * audience; a part not (yet) shipped is skipped.
     */
    static final List<String> PARTS = List.of("messages", "staff", "workspace", "observe");

    private static final Map<String, PageTexts> BY_LANGUAGE = Map.of("fr", load("fr"), "en", load("en"));

    private final String language;
    private final Properties texts;

    private PageTexts(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    /** The texts in {@code language}, French for a language the pages do not speak. */
    public static PageTexts of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("fr"));
    }

    public String language() {
        return language;
    }

    /** The text of {@code key}; the key itself when missing, so that a gap shows instead of failing the page. */
    public String get(String key) {
        return texts.getProperty(key, key);
    }

    /** The text of {@code key} with {@code {0}}, {@code {1}}... replaced. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), Locale.forLanguageTag(language)).format(arguments);
    }

    /** The text of {@code key} if there is one, else {@code fallback}. */
    public String getOr(String key, String fallback) {
        return texts.getProperty(key, fallback);
    }

    /** Every key, for the test that French and English say the same things. */
    public java.util.Set<String> keys() {
        return texts.stringPropertyNames();
    }

    private static PageTexts load(String language) {
        Properties texts = new Properties();
        for (String part : PARTS) {
            try (InputStream in = PageTexts.class.getResourceAsStream("/web/" + part + "_" + language + ".properties")) {
                if (in != null) {
                    texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PageTexts(language, texts);
    }
}
