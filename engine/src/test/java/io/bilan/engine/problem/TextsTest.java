package io.bilan.engine.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every sentence the engine says to a person exists in English and in French, with the same arguments. */
class TextsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d}");

    @Test
    void everyEnglishTextHasAFrenchOneWithTheSameArguments() throws IOException {
        Properties english = load("Texts.properties");
        Properties french = load("Texts_fr.properties");
        List<String> wrong = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!french.containsKey(key)) {
                wrong.add(key + ": no French text");
            } else if (!arguments(english.getProperty(key)).equals(arguments(french.getProperty(key)))) {
                wrong.add(key + ": arguments " + arguments(english.getProperty(key)) + " in English, "
                        + arguments(french.getProperty(key)) + " in French");
            }
        }
        for (String key : french.stringPropertyNames()) {
            if (!english.containsKey(key) && !key.startsWith("title.")) {
                wrong.add(key + ": no English text");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyProblemTypeHasAFrenchTitle() throws IOException {
        Properties french = load("Texts_fr.properties");
        for (ProblemType type : ProblemType.values()) {
            String title = french.getProperty("title." + type.code());
            assertTrue(title != null && !title.isBlank() && !title.equals(type.title()), type.code());
        }
    }

    @Test
    void argumentsTakeTheirPlacesAndOutsideARequestTheEngineSpeaksEnglish() {
        assertEquals("en", Texts.language());
        assertEquals("from investigation the next phase is conclusion",
                Texts.of("rule.not-the-next-phase", "investigation", "conclusion"));
        assertEquals("cet entretien porterait le bilan à 1500 minutes ; un bilan de compétences dure au plus 24 heures "
                + "(reste 60 minutes)", Texts.in("fr", "rule.over-legal-maximum", 1500, 60));
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
