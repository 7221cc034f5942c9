package io.github.umdf.text.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The place of {@code umdf-text}, held by the build: it builds on {@code umdf-nn}'s plain data model
 * (the {@code TextEncoder} contract, the MOSI builder's options) and on DJL's ONNX Runtime engine and
 * tokenizer, and knows nothing of the networks, Tribuo, the baselines or the command line.
 */
@AnalyzeClasses(packages = "io.github.umdf.text", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    private static final String NN = "io.github.umdf.nn.";

    @ArchTest
    static final ArchRule onlyThePlainDataModelOfTheNetworkModule = noClasses().that().resideInAPackage("io.github.umdf.text..")
            .should().dependOnClassesThat().resideInAnyPackage(NN + "ops..", NN + "block..", NN + "loss..", NN + "missing..", NN + "config..",
                    NN + "model..", NN + "train..", NN + "umdf..", "ai.djl.pytorch..")
            .because("text encoders turn transcripts into the data model's frames; networks and training are not their business");

    @ArchTest
    static final ArchRule noTribuoBaselinesOrCommandLine = noClasses().that().resideInAPackage("io.github.umdf.text..")
            .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "io.github.umdf.tribuo..", "io.github.umdf.baselines..",
                    "io.github.umdf.tools..", "picocli..", "org.jfree..", "dev.langchain4j..")
            .because("umdf-text sits beside umdf-tribuo and the baselines, under the command line; of langchain4j's jar only its "
                    + "model files are used");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.github.umdf.(**)").should().beFreeOfCycles();
}
