package io.github.umdf.spark.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The whole project with the Spark module: Spark and Scala are known to {@code io.github.umdf.spark}
 * only, which knows the command line's campaigns ({@code tools.protocol}) and not its commands.
 */
@AnalyzeClasses(packages = "io.github.umdf", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /** Leaves out the other modules' test jars. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule noPackageCyclesInTheProject = slices().matching("io.github.umdf.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheSparkModuleKnowsSpark = noClasses().that().resideOutsideOfPackage("io.github.umdf.spark..")
            .and().resideInAPackage("io.github.umdf..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..")
            .because("Spark, Scala and Hadoop must not reach a Tribuo user or the plain command line");

    @ArchTest
    static final ArchRule theEngineUsesTheCampaignsNotTheCommands = noClasses().that().resideInAPackage("io.github.umdf.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.umdf.tools.cli..", "picocli..")
            .because("the engine is a library piece the command line finds through ServiceLoader");
}
