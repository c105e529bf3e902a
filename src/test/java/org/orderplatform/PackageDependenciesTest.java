package org.orderplatform;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The map of docs/architecture.md, kept true by the compiled code: features depend one way
 * ({@code processing -> order -> auth -> user -> platform}), {@code platform} uses no feature, and no two packages
 * inside a feature or inside {@code platform} need each other. A new import against the grain fails here, with the
 * offending class and line.
 */
class PackageDependenciesTest {

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.orderplatform");

    @Test
    void shouldLetFeaturesDependOnlyDownTheChain() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Application").definedBy("org.orderplatform")
                .layer("Processing").definedBy("org.orderplatform.processing..")
                .layer("Order").definedBy("org.orderplatform.order..")
                .layer("Auth").definedBy("org.orderplatform.auth..")
                .layer("User").definedBy("org.orderplatform.user..")
                .layer("Platform").definedBy("org.orderplatform.platform..")
                .whereLayer("Application").mayNotBeAccessedByAnyLayer()
                .whereLayer("Processing").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Order").mayOnlyBeAccessedByLayers("Application", "Processing")
                .whereLayer("Auth").mayOnlyBeAccessedByLayers("Application", "Processing", "Order")
                .whereLayer("User").mayOnlyBeAccessedByLayers("Application", "Processing", "Order", "Auth")
                .check(MAIN_CODE);
    }

    @Test
    void shouldKeepThePackagesOfEachFeatureFreeOfCycles() {
        slices().matching("org.orderplatform.(*)..").should().beFreeOfCycles().check(MAIN_CODE);
        slices().matching("org.orderplatform.processing.(**)").should().beFreeOfCycles().check(MAIN_CODE);
    }

    @Test
    void shouldKeepThePlatformPackagesFreeOfCycles() {
        slices().matching("org.orderplatform.platform.(**)").should().beFreeOfCycles().check(MAIN_CODE);
    }
}
