package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A text in several languages, written in JSON as an object from ISO 639-1 code to text:
 * {@code {"fr": "Consignes", "en": "Instructions"}}.
 */
public record LocalizedText(Map<String, String> texts) {

    @JsonCreator
    public LocalizedText {
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(texts, "texts")));
    }

    /** A text in one language. */
    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    /** A text in French and English. */
    public static LocalizedText of(String fr, String frText, String en, String enText) {
        var texts = new LinkedHashMap<String, String>();
        texts.put(fr, frText);
        texts.put(en, enText);
        return new LocalizedText(texts);
    }

    @JsonValue
    @Override
    public Map<String, String> texts() {
        return texts;
    }

    /** The text in {@code language}, if present. */
    public Optional<String> in(String language) {
        return Optional.ofNullable(texts.get(language));
    }

    /**
     * The text in {@code language}, else in {@code fallback}, else the first one: a report is always
     * readable, and the package validator makes sure shipped packages have every declared language.
     */
    public String resolve(String language, String fallback) {
        String text = texts.get(language);
        if (text == null) {
            text = texts.get(fallback);
        }
        return text != null ? text : texts.values().stream().findFirst().orElse("");
    }

    /** The languages this text is written in. */
    public Set<String> languages() {
        return texts.keySet();
    }
}
