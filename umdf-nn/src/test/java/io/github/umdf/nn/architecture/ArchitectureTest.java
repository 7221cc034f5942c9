package io.github.umdf.nn.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of {@code umdf-nn}, held by the build. From the bottom: seeded randomness, the plain data
 * model and its readers, missingness; the engine and tensor helpers; settings; generic blocks and losses;
 * the model contracts; the training loop and UMDF itself, side by side. Nothing here knows Tribuo, the
 * baselines or the command line.
 */
@AnalyzeClasses(packages = "io.github.umdf.nn", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    private static final String NN = "io.github.umdf.nn.";

    @ArchTest
    static final ArchRule theDataModelIsPlainJava = noClasses().that().resideInAPackage(NN + "data..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "ai.onnxruntime..", "org.tribuo..",
                    NN + "ops..", NN + "block..", NN + "loss..", NN + "missing..", NN + "config..", NN + "model..",
                    NN + "train..", NN + "umdf..", "io.github.umdf.tribuo..", "io.github.umdf.baselines..", "io.github.umdf.tools..")
            .because("the data model and its readers are plain arrays: usable without DJL, ONNX or anything above them");

    @ArchTest
    static final ArchRule theNetworkModuleDoesNotKnowTribuo = noClasses().that().resideInAPackage("io.github.umdf.nn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "io.github.umdf.tribuo..", "io.github.umdf.baselines..",
                    "io.github.umdf.tools..", "picocli..", "org.jfree..")
            .because("umdf-nn is the bottom module: Tribuo integration, baselines and the command line build on it");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.github.umdf.nn.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("random").definedBy(NN + "random..")
            .layer("data").definedBy(NN + "data..")
            .layer("missing").definedBy(NN + "missing..")
            .layer("ops").definedBy(NN + "ops..")
            .layer("config").definedBy(NN + "config..")
            .layer("block").definedBy(NN + "block..")
            .layer("loss").definedBy(NN + "loss..")
            .layer("model").definedBy(NN + "model..")
            .layer("train").definedBy(NN + "train..")
            .layer("umdf").definedBy(NN + "umdf..")
            .whereLayer("random").mayNotAccessAnyLayer()
            .whereLayer("data").mayOnlyAccessLayers("random")
            .whereLayer("missing").mayOnlyAccessLayers("data", "random")
            .whereLayer("ops").mayNotAccessAnyLayer()
            .whereLayer("config").mayOnlyAccessLayers("missing", "data", "ops")
            .whereLayer("block").mayOnlyAccessLayers("ops", "data")
            .whereLayer("loss").mayOnlyAccessLayers("ops", "data", "config")
            // the default training step opens the training-attention tape (block.TrainingAttention): a downward access
            .whereLayer("model").mayOnlyAccessLayers("config", "missing", "data", "ops", "block")
            .whereLayer("train").mayOnlyAccessLayers("model", "config", "loss", "missing", "data", "ops", "random")
            .whereLayer("umdf").mayOnlyAccessLayers("model", "block", "loss", "config", "missing", "data", "ops");
}
