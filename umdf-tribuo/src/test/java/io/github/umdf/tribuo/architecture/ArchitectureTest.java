package io.github.umdf.tribuo.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of {@code umdf-tribuo}, held by the build: output adapters and provenance tools below the
 * Tribuo trainer and model; data sources, the evaluation protocol and reruns above them. A Tribuo user
 * gets no command line, chart library, logging binding or baseline through this module.
 */
@AnalyzeClasses(packages = "io.github.umdf.tribuo", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    private static final String T = "io.github.umdf.tribuo";

    @ArchTest
    static final ArchRule theLibraryDoesNotKnowTheCommandLine = noClasses().that().resideInAPackage(T + "..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.umdf.tools..", "io.github.umdf.baselines..", "picocli..",
                    "org.jfree..", "org.slf4j..", "java.util.logging.config..")
            .because("a Tribuo user depends on umdf-tribuo without the command line's dependencies");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.github.umdf.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("output").definedBy(T + ".output..")
            .layer("provenance").definedBy(T + ".provenance..")
            .layer("model").definedBy(T)
            .layer("data").definedBy(T + ".data..")
            .layer("evaluation").definedBy(T + ".evaluation..")
            .layer("rerun").definedBy(T + ".rerun..")
            .whereLayer("output").mayNotAccessAnyLayer()
            .whereLayer("provenance").mayNotAccessAnyLayer()
            .whereLayer("model").mayOnlyAccessLayers("output", "provenance")
            .whereLayer("data").mayOnlyAccessLayers("model", "output")
            .whereLayer("evaluation").mayOnlyAccessLayers("model", "output")
            .whereLayer("rerun").mayOnlyAccessLayers("model", "data", "output", "provenance");
}
