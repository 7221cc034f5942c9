package io.github.umdf.baselines.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The baselines build on {@code umdf-nn} only (its contracts, blocks, losses and training loop), like
 * UMDF itself: no Tribuo, no command line, and no UMDF internals.
 */
@AnalyzeClasses(packages = "io.github.umdf.baselines", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheNetworkModule = noClasses().that().resideInAPackage("io.github.umdf.baselines..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.umdf.tribuo..", "io.github.umdf.tools..", "org.tribuo..",
                    "picocli..", "org.jfree..", "io.github.umdf.nn.umdf..")
            .because("a baseline is a model like UMDF: it implements umdf-nn's contracts and nothing else");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.github.umdf.(**)").should().beFreeOfCycles();
}
