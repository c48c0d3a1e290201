package @JAVA_PACKAGE@;

import io.bilan.testkit.PackageTestKit;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The package in this folder: valid without warnings, every fixture passes, scoring is deterministic. */
class @TEST_CLASS@ {

    @TestFactory
    Stream<DynamicNode> @TEST_METHOD@() {
        return PackageTestKit.requiringLanguages("fr", "en").tests(Path.of("").toAbsolutePath());
    }
}
