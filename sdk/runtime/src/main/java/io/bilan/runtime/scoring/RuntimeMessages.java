package io.bilan.runtime.scoring;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The runtime's own texts shown to people (flags it raises), in French and English. */
final class RuntimeMessages {

    /** Patterns parsed once per language and key: flags are raised on hot paths such as batch scoring. */
    private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();

    private RuntimeMessages() {
    }

    static String format(String language, String key, Object... arguments) {
        Locale locale = Locale.forLanguageTag(language);
        String pattern = PATTERNS.computeIfAbsent(language + ":" + key, unused -> ResourceBundle.getBundle(
                "io.bilan.runtime.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key));
        // MessageFormat is not thread-safe, and cheap next to the bundle lookup it replaces.
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
