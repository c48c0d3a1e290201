package io.bilan.examples;

import io.bilan.testkit.PackageTestKit;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every example package is valid in French and English, without warnings, and every fixture passes. */
class ExamplePackagesTest {

    @TestFactory
    Stream<DynamicNode> examplePackages() {
        return PackageTestKit.requiringLanguages("fr", "en").testsOfEveryPackageIn(Path.of(""));
    }
}
