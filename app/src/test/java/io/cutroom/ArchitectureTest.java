package io.cutroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package structure, as {@code docs/architecture.md} draws it: no cycles between packages, dependencies
 * pointing down the layers, only {@code ui} touching JavaFX, and no harness in the product. {@code ArchitectureRulesTest} shows each rule
 * failing on a deliberate violation.
 */
@AnalyzeClasses(packages = "io.cutroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyUiDependsOnJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.cutroom.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = ArchitectureRules.freeOfCycles("io.cutroom");

    @ArchTest
    static final ArchRule dependenciesPointDownTheLayers = ArchitectureRules.layers("io.cutroom");

    /** Benchmarks, evaluations, the soak and the fuzz corpus live in bench/, never in the product jar. */
    @ArchTest
    static final ArchRule noHarnessInTheProduct = ArchitectureRules.noHarness();
}
