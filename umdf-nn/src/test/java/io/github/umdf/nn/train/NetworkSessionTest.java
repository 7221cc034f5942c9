package io.github.umdf.nn.train;

import ai.djl.Device;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.umdf.UmdfConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkSessionTest {
    static final UmdfConfig SMALL = UmdfConfig.builder().modelDim(8).heads(2).depth(1).encoderLayers(1).build();

    private static boolean same(float[][] a, float[][] b) {
        for (int i = 0; i < a.length; i++) {
            if (!java.util.Arrays.equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    @Test
    void loadedParametersAreThoseThatPredictAndTheyTrainFurther() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> samples = TestSamples.random(schema, 8, 3);
        var masks = BatchBuilder.completeMasks(samples);
        try (NetworkSession a = NetworkSession.create(SMALL, schema, Device.cpu(), 1);
             NetworkSession b = NetworkSession.create(SMALL, schema, Device.cpu(), 2)) {
            float[][] pa = a.predict(samples, masks, 4);
            float[][] before = b.predict(samples, masks, 4);
            assertFalse(same(pa, before), "two seeds, two networks");
            b.loadParameters(a.parameterBytes());
            float[][] pb = b.predict(samples, masks, 4);
            for (int i = 0; i < pa.length; i++) {
                assertArrayEquals(pa[i], pb[i], 0f, "the loaded parameters must be the ones that predict");
            }
            // training continues on the loaded parameters
            TrainingLoop.Stepper stepper = new TrainingLoop.Stepper(b, TrainingConfig.builder().learningRate(1e-2).build(), 2, 1);
            Map<String, Float> losses = stepper.step(samples, 0, 0);
            assertTrue(losses.get("gradNorm") > 0, "gradients flow after loading: " + losses);
            assertFalse(same(pa, b.predict(samples, masks, 4)), "a step must change the predictions");
        }
    }

    @Test
    void parametersOfAnotherNetworkAreRefusedClearly() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        try (NetworkSession a = NetworkSession.create(SMALL, schema, Device.cpu(), 1);
             NetworkSession b = NetworkSession.create(SMALL.toBuilder().depth(2).build(), schema, Device.cpu(), 1)) {
            byte[] bytes = a.parameterBytes();
            Exception e = assertThrows(RuntimeException.class, () -> b.loadParameters(bytes));
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }

    @Test
    void parametersOfAnotherShapeAreRefusedNamingTheParameterAndBothShapes() {
        // DJL loads arrays of any shape: language with 7 features instead of 6 must not load silently
        DatasetSchema six = TestSamples.schema(Task.REGRESSION, 5);
        DatasetSchema seven = six.toBuilder().modality(Modality.LANGUAGE, 5, 7).build();
        try (NetworkSession a = NetworkSession.create(SMALL, six, Device.cpu(), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NetworkSession.load(SMALL, seven, Device.cpu(), a.parameterBytes()));
            assertTrue(e.getMessage().matches("The parameters do not fit this network \\(umdf for test-regression\\): \\S*language\\S* has "
                    + "shape \\(.*6.*\\), the network expects \\(.*7.*\\)"), e.getMessage());
        }
    }
}
