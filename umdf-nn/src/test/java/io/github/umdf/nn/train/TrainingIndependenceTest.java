package io.github.umdf.nn.train;

import io.github.umdf.nn.block.FusedAttention;
import io.github.umdf.nn.block.InferenceAttention;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.umdf.UmdfConfig;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training's numbers do not depend on the trainings before it in the JVM: the same training gives
 * the same bits as the first training of a fresh JVM (a child process started here), also after
 * another training in this one. Process-wide state that a training changes (a TorchScript module
 * shared by every network, whose graph executor switches to an optimised plan after its first call
 * and back-propagates differently in the last bits) fails it; the rest of the test suite cannot be
 * relied on to run first, hence the child JVM.
 */
class TrainingIndependenceTest {
    private static final String PREFIX = "fingerprint ";
    /** What the child JVM inherits: the engine's thread counts and the attention implementations (and the Vector API module). */
    private static final List<String> INHERITED = List.of("ai.djl.offline", "ai.djl.pytorch.num_threads",
            "ai.djl.pytorch.num_interop_threads", FusedAttention.PROPERTY, InferenceAttention.PROPERTY);

    /**
     * A tiny UMDF training (attention dropout on, so both fused attention modules run) and its result's
     * bits: the validation losses and a hash of the selected parameters. (Smaller networks, e.g. width 8
     * and one MCIM layer, happened to give the same bits either way.)
     */
    static String fingerprint(long seed) {
        UmdfConfig spec = UmdfConfig.builder().modelDim(16).heads(2).depth(2).encoderLayers(1).build();
        TrainingConfig config = TrainingConfig.builder().batchSize(4).epochs(2).learningRate(3e-3).device(DeviceChoice.CPU).build();
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 8);
        List<MultimodalSample> train = TestSamples.random(schema, 8, 1);
        List<MultimodalSample> valid = TestSamples.random(schema, 4, 2);
        TrainingResult r = new TrainingLoop(spec, config, TrainingListener.SILENT).train(schema, train, valid, seed);
        try (NetworkSession s = r.network()) {
            StringBuilder b = new StringBuilder();
            r.history().forEach(e -> b.append(Long.toHexString(Double.doubleToRawLongBits(e.validLoss()))).append(' '));
            return b.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.parameterBytes()))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child JVM: one training, the first in its process. */
    public static void main(String[] args) {
        System.out.println(PREFIX + fingerprint(Long.parseLong(args[0])));
    }

    @Test
    void aTrainingGivesTheNumbersOfTheFirstTrainingInAFreshJvm() throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        if (InferenceAttention.vectorModulePresent()) {
            cmd.addAll(List.of("--add-modules", "jdk.incubator.vector")); // validation runs the Vector API attention
        }
        for (String key : INHERITED) {
            if (System.getProperty(key) != null) {
                cmd.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrainingIndependenceTest.class.getName(), "7"));
        File log = File.createTempFile("training-independence", ".log");
        log.deleteOnExit();
        Process child = new ProcessBuilder(cmd).redirectError(log).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "the child JVM timed out");
        String err = Files.readString(log.toPath());
        assertEquals(0, child.exitValue(), out + err);
        String fresh = out.lines().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no fingerprint from the child JVM:\n" + out + err));

        fingerprint(5); // another training first, whatever ran before this test
        assertEquals(fresh, fingerprint(7), "seed 7 after seed 5 in this JVM, against seed 7 alone in a fresh JVM");
    }
}
