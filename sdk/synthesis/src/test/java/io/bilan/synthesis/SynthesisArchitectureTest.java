package io.bilan.synthesis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The synthesis module's boundaries: it alone owns PDFBox; no framework, no package cycles. */
class SynthesisArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("io.bilan.synthesis");

    @Test
    void noQuarkusNorJakartaEeInTheSdk() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                        "jakarta.enterprise..", "jakarta.inject..", "jakarta.ws.rs..", "jakarta.persistence..",
                        "jakarta.transaction..", "org.eclipse.microprofile..", "org.hibernate..");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheRuntimeSandboxTouchesGraalJs() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..", "com.oracle.truffle..");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheRuntimeSchemaPackageTouchesNetworkntJsonSchema() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAPackage("com.networknt..");
        rule.check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        ArchRule rule = slices().matching("io.bilan.(**)").should().beFreeOfCycles();
        rule.check(CLASSES);
    }
}
