package io.cutroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each structure rule fails on a deliberate violation, so a rule that passes means something. */
class ArchitectureRulesTest {
    @Test
    void theCycleRuleFailsOnTwoPackagesThatUseEachOther() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.cutroom.archfixture.cycle");
        assertThat(ArchitectureRules.freeOfCycles("io.cutroom.archfixture.cycle").evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void theLayerRuleFailsOnTheCatalogUsingAFace() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.cutroom.archfixture.layers");
        var result = ArchitectureRules.layers("io.cutroom.archfixture.layers").evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("Repository") && line.contains("Command"));
    }

    @Test
    void theHarnessRuleFailsOnABenchmarkInTheProduct() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.cutroom.archfixture.harness");
        var result = ArchitectureRules.noHarness().evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("ProbeBench"));
    }

    @Test
    void bothRulesPassWithoutTheViolatingClass() {
        JavaClasses faceOnly = new ClassFileImporter().importPackages("io.cutroom.archfixture.layers.cli");
        assertThat(ArchitectureRules.layers("io.cutroom.archfixture.layers").evaluate(faceOnly).hasViolation()).isFalse();
        JavaClasses halfCycle = new ClassFileImporter().importPackages("io.cutroom.archfixture.cycle.left");
        assertThat(ArchitectureRules.freeOfCycles("io.cutroom.archfixture.cycle").evaluate(halfCycle).hasViolation()).isFalse();
    }
}
