package io.github.umdf.tribuo.architecture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a Tribuo user gets on the class path through {@code umdf-tribuo} (its test class path is the
 * same plus JUnit, ArchUnit and the test jars): no ONNX Runtime, no tokenizer natives, no command line
 * and no chart library. The pretrained text encoders live in {@code umdf-text}, which only
 * {@code umdf-tools} depends on.
 */
class DependencyFootprintTest {
    @Test
    void noOnnxRuntimeTokenizersCommandLineOrCharts() {
        for (String cls : new String[] {"ai.onnxruntime.OrtEnvironment", "ai.djl.onnxruntime.engine.OrtEngine",
                "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "io.github.umdf.text.MiniLmEncoder", "picocli.CommandLine",
                "org.jfree.chart.JFreeChart"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(cls, false, getClass().getClassLoader()),
                    cls + " is on umdf-tribuo's class path");
        }
    }
}
