package io.cutroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure rules, for any root package: the product's ({@code io.cutroom}) and the deliberately broken
 * fixtures' that show each rule failing.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** No package under {@code root} depends, directly or around a loop, on one that depends back on it. */
    static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /**
     * Faces (the CLI, the studio) over use cases over features over the catalog and
     * media over the worker and jobs. A layer may use the layers below it and its own, never one above.
     */
    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Faces").definedBy(root, root + ".cli..", root + ".ui..")
                .layer("UseCases").definedBy(root + ".usecases..", root + ".cluster..")
                .layer("Features").definedBy(root + ".ingest..", root + ".vision..", root + ".reframe..", root + ".color..",
                        root + ".exports..", root + ".playlists..", root + ".curation..", root + ".timelines..", root + ".sidecars..")
                .layer("Core").definedBy(root + ".catalog..", root + ".media..", root + ".audio..")
                .layer("Base").definedBy(root + ".worker..", root + ".jobs..")
                .whereLayer("Faces").mayNotBeAccessedByAnyLayer()
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Faces")
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Faces", "UseCases")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Faces", "UseCases", "Features")
                .whereLayer("Base").mayOnlyBeAccessedByLayers("Faces", "UseCases", "Features", "Core");
    }

    /** No benchmark, evaluation, soak or fuzz class: those are harnesses, kept in bench/ and out of the product jar. */
    static ArchRule noHarness() {
        return noClasses()
                .should().haveSimpleNameEndingWith("Bench").orShould().haveSimpleNameEndingWith("Eval")
                .orShould().haveSimpleNameEndingWith("Evaluation").orShould().haveSimpleNameContaining("Soak")
                .orShould().haveSimpleNameContaining("Fuzz").orShould().resideInAnyPackage("..bench..", "..eval..", "..soak..");
    }
}
