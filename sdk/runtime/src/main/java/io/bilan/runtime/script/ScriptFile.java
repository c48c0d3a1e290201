package io.bilan.runtime.script;

import java.util.Objects;

/**
 * A JavaScript file of a package compiled with its script: an included file run before the script, in the same
 * scope ({@code "scoring": {"include": [...]}} in the manifest).
 *
 * @param name the package-relative path, used in messages, e.g. {@code shared/text.js}
 * @param text the JavaScript source
 */
public record ScriptFile(String name, String text) {

    public ScriptFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }
}
