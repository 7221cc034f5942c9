package io.github.umdf.tools.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The whole project at once (every module's main classes are on this module's class path): no package
 * cycle anywhere, and the libraries never depend on the command line.
 */
@AnalyzeClasses(packages = "io.github.umdf", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /** Leaves out the other modules' test jars (as files when installed, as folders in the reactor). */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule noPackageCyclesInTheProject = slices().matching("io.github.umdf.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule librariesDoNotKnowTheCommandLine = noClasses().that()
            .resideInAnyPackage("io.github.umdf.nn..", "io.github.umdf.tribuo..", "io.github.umdf.baselines..", "io.github.umdf.text..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.umdf.tools..", "picocli..", "org.jfree..")
            .because("umdf-tools depends on the libraries, never the reverse");

    @ArchTest
    static final ArchRule theCommandLineIsTheOnlyEntryPoint = noMethods().that().haveName("main").and().areStatic()
            .and().haveRawParameterTypes(String[].class)
            .should().beDeclaredInClassesThat().resideInAnyPackage("io.github.umdf.nn..", "io.github.umdf.tribuo..", "io.github.umdf.baselines..",
                    "io.github.umdf.text..")
            .because("library jars carry no main class; benchmarks and tools are commands of umdf-tools");
}
