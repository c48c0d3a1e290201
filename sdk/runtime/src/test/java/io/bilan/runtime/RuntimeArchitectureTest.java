package io.bilan.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The runtime's boundaries: one owner per outside library, no framework, no package cycles. */
class RuntimeArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("io.bilan.runtime");

    @Test
    void noQuarkusNorJakartaEeInTheSdk() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                        "jakarta.enterprise..", "jakarta.inject..", "jakarta.ws.rs..", "jakarta.persistence..",
                        "jakarta.transaction..", "org.eclipse.microprofile..", "org.hibernate..");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheSandboxPackageTouchesGraalJs() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("io.bilan.runtime.script")
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..", "com.oracle.truffle..");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheSchemaPackageTouchesNetworkntJsonSchema() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("io.bilan.runtime.schema")
                .should().dependOnClassesThat().resideInAPackage("com.networknt..");
        rule.check(CLASSES);
    }

    @Test
    void onlyTheSynthesisModuleTouchesPdfBox() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..");
        rule.check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        ArchRule rule = slices().matching("io.bilan.(**)").should().beFreeOfCycles();
        rule.check(CLASSES);
    }
}
