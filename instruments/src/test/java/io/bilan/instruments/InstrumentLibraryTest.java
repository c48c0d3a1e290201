package io.bilan.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.testkit.PackageTestKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every package Bilan ships is valid in French and English without warnings, every fixture passes, and
 * the library is documented: each package has a README for counsellors and a row in the library's table.
 */
class InstrumentLibraryTest {

    static final List<String> SHIPPED = List.of("preliminary-interview", "riasec-interests", "work-values",
            "transversal-competences", "reasoning-aptitude", "roleplay-client-conflict", "career-interview-grid",
            "follow-up", "bilan-satisfaction", "follow-up-satisfaction");

    private static final Path LIBRARY = Path.of(".");
    private static final java.util.regex.Pattern FRENCH = java.util.regex.Pattern.compile("(?m)^#{1,2} Français$");
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("(?m)^#{1,2} English$");

    @TestFactory
    Stream<DynamicNode> everyPackage() {
        return PackageTestKit.requiringLanguages("fr", "en").testsOfEveryPackageIn(LIBRARY);
    }

    @Test
    void theLibraryShipsEveryPackageOfABilan() throws IOException {
        try (Stream<Path> folders = Files.list(LIBRARY)) {
            List<String> packages = folders.filter(folder -> Files.isRegularFile(folder.resolve("manifest.json")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList();
            assertEquals(SHIPPED.stream().sorted().toList(), packages);
        }
    }

    @Test
    void everyPackageHasACounsellorsReadmeInFrenchAndEnglishAndARowInTheLibraryTable() throws IOException {
        String table = Files.readString(LIBRARY.resolve("README.md"));
        for (String id : SHIPPED) {
            String readme = Files.readString(LIBRARY.resolve(id).resolve("README.md"));
            assertTrue(FRENCH.matcher(readme).find() && ENGLISH.matcher(readme).find(),
                    id + "/README.md has a French and an English part");
            assertTrue(table.contains("| [`" + id + "`](" + id + "/README.md) |"), "instruments/README.md lists " + id);
        }
    }
}
