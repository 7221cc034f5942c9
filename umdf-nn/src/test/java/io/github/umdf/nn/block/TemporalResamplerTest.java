package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class TemporalResamplerTest {
    @Test
    void adaptivePoolingWindowsAsPyTorch() {
        // adaptive_avg_pool1d from 5 to 2: windows [0, 3) and [2, 5)
        float t = 1f / 3;
        assertArrayEquals(new float[] {t, t, t, 0, 0, 0, 0, t, t, t},
                TemporalResampler.matrix(Resampling.ADAPTIVE_AVG_POOL, 2, 5), 1e-7f);
    }

    @Test
    void linearInterpolationAsPyTorchAlignCornersFalse() {
        // 2 -> 4: sources -0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped to the last)
        assertArrayEquals(new float[] {1, 0, 0.75f, 0.25f, 0.25f, 0.75f, 0, 1},
                TemporalResampler.matrix(Resampling.LINEAR, 4, 2), 1e-6f);
    }

    @Test
    void maskedAverageIgnoresPadding() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 100}, new Shape(1, 4, 1));
            NDArray valid = m.create(new float[] {1, 1, 1, 0}, new Shape(1, 4));
            TemporalResampler.Resampled r = TemporalResampler.resample(Resampling.ADAPTIVE_AVG_POOL, x, valid, 2);
            // windows [0, 2) and [2, 4): means of {1, 2} and {3} (100 is padding)
            Tensors.assertValues(new float[] {1.5f, 3f}, r.sequence(), 1e-6);
            Tensors.assertValues(new float[] {1, 1}, r.valid(), 0);
            TemporalResampler.Resampled same = TemporalResampler.resample(Resampling.ADAPTIVE_AVG_POOL, x, null, 4);
            assertNull(same.valid());
        }
    }

    @Test
    void theRecordNamesTheSequenceAndItsValidity() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 6, 1));
            NDArray valid = m.create(new float[] {1, 1, 1, 1, 0, 0}, new Shape(1, 6));
            // the same length: the inputs themselves
            TemporalResampler.Resampled same = TemporalResampler.resample(Resampling.LINEAR, x, valid, 6);
            assertSame(x, same.sequence());
            assertSame(valid, same.valid());
            // without a validity mask: no output validity, every step is valid
            TemporalResampler.Resampled unmasked = TemporalResampler.resample(Resampling.ADAPTIVE_AVG_POOL, x, null, 3);
            assertEquals(new Shape(1, 3, 1), unmasked.sequence().getShape());
            assertNull(unmasked.valid());
            Tensors.assertValues(new float[] {1.5f, 3.5f, 5.5f}, unmasked.sequence(), 1e-6);
            // windows [0, 2), [2, 4), [4, 6): the last holds only padding, so it is zero and invalid
            TemporalResampler.Resampled masked = TemporalResampler.resample(Resampling.ADAPTIVE_AVG_POOL, x, valid, 3);
            assertEquals(new Shape(1, 3), masked.valid().getShape());
            Tensors.assertValues(new float[] {1.5f, 3.5f, 0f}, masked.sequence(), 1e-6);
            Tensors.assertValues(new float[] {1, 1, 0}, masked.valid(), 0);
        }
    }
}
