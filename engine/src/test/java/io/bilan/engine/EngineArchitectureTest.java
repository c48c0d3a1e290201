package io.bilan.engine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

/**
 * The engine's boundaries: persistence stays out of resources, the error catalogue depends on no feature, no
 * package cycles, and the engine uses a stated, small part of the SDK runtime.
 */
class EngineArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("io.bilan.engine");

    private static final String[] PERSISTENCE = {"jakarta.persistence..", "io.quarkus.hibernate..",
            "org.hibernate..", "io.quarkus.narayana..", "jakarta.transaction.."};

    /** The runtime packages the engine may use: the facade, and what it reads, scores, and reports with. */
    static final String[] RUNTIME_PACKAGES_THE_ENGINE_USES = {
            "io.bilan.runtime",               // BilanRuntime, Instrument, InvalidPackageException
            "io.bilan.runtime.source",        // PackageSource, PackageReadException, PackageWriter
            "io.bilan.runtime.scoring",       // ScoreOptions, InvalidResponseException, ScoringException
            "io.bilan.runtime.batch",         // BatchScorer and its summary, InvalidBatchException
            "io.bilan.runtime.psychometrics", // DataSetStatistics for the statistics endpoint
            "io.bilan.runtime.plugin",        // PluginFolder for bilan.plugins
            "io.bilan.runtime.script",        // SandboxLimits, from the engine's configuration
            "io.bilan.runtime.problem"};      // ValidationCode

    @Test
    void resourcesNeverTouchJpaPanacheOrTransactionsDirectly() {
        ArchRule rule = noClasses()
                .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE);
        rule.check(CLASSES);
    }

    @Test
    void jpaAndPanacheOnlyInEntitiesServicesAndThePersistencePackage() {
        ArchRule rule = noClasses()
                .that().areNotAnnotatedWith(jakarta.persistence.Entity.class)
                .and().areNotAnnotatedWith(jakarta.persistence.Embeddable.class)
                .and().areNotAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
                .and().areNotAnnotatedWith(jakarta.inject.Singleton.class)
                .and().resideOutsideOfPackage("io.bilan.engine.persistence..")
                // The one mapper turns the persistence layer's lock failures into problems.
                .and().doNotHaveFullyQualifiedName("io.bilan.engine.problem.ProblemMapper")
                // A service's own nested classes (a transaction callback) are part of the service.
                .and(DescribedPredicate.not(DescribedPredicate.describe("nested in a service", (JavaClass c) ->
                        c.getEnclosingClass().filter(e -> e.isAnnotatedWith(ApplicationScoped.class)).isPresent())))
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE);
        rule.check(CLASSES);
    }

    @Test
    void theProblemCatalogueDependsOnNoFeature() {
        ArchRule rule = noClasses()
                .that().resideInAPackage("io.bilan.engine.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("io.bilan.engine.catalog..",
                        "io.bilan.engine.scoring..", "io.bilan.engine.occupations..", "io.bilan.engine.profile..",
                        "io.bilan.engine.idempotency..", "io.bilan.engine.security..", "io.bilan.engine.runtime..",
                        "io.bilan.engine.cases..", "io.bilan.engine.http..");
        rule.check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        ArchRule rule = slices().matching("io.bilan.(**)").should().beFreeOfCycles();
        rule.check(CLASSES);
    }

    @Test
    void theEngineUsesOnlyTheStatedRuntimePackages() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat(resideInAPackage("io.bilan.runtime..")
                        .and(not(resideInAnyPackage(RUNTIME_PACKAGES_THE_ENGINE_USES))));
        rule.check(CLASSES);
    }

    @Test
    void onlyPasswordHashTouchesBouncyCastle() {
        ArchRule rule = noClasses()
                .that().doNotHaveFullyQualifiedName("io.bilan.engine.security.PasswordHash")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..");
        rule.check(CLASSES);
    }

    @Test
    void theEngineLeavesGraalJsNetworkntAndPdfBoxToTheSdk() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("org.graalvm..", "com.oracle.truffle..",
                        "com.networknt..", "org.apache.pdfbox..");
        rule.check(CLASSES);
    }
}
