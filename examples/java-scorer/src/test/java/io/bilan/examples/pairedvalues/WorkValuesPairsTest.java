package io.bilan.examples.pairedvalues;

import io.bilan.testkit.PackageTestKit;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The package scored by this project's scorer: valid in French and English, every fixture passes, and
 * scoring is deterministic. The kit finds the scorer on the test class path through its plugin.
 */
class WorkValuesPairsTest {

    @TestFactory
    Stream<DynamicNode> workValuesPairs() {
        return PackageTestKit.requiringLanguages("fr", "en").tests(Path.of("work-values-pairs"));
    }
}
