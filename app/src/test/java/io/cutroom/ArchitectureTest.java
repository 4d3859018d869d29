package io.cutroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Only the ui package may touch JavaFX: every other package runs headless, from tests and the CLI. */
@AnalyzeClasses(packages = "io.cutroom", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyUiDependsOnJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.cutroom.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule coreDoesNotDependOnFaces = noClasses()
            .that().resideInAnyPackage("io.cutroom.catalog..", "io.cutroom.media..", "io.cutroom.audio..",
                    "io.cutroom.ingest..", "io.cutroom.jobs..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cutroom.ui..", "io.cutroom.cli..");
}
