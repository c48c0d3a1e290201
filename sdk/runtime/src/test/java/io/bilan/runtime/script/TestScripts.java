package io.bilan.runtime.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The scoring scripts under {@code src/test/resources/io/bilan/runtime/script}. */
final class TestScripts {

    private TestScripts() {
    }

    static String read(String name) {
        try (InputStream in = TestScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
