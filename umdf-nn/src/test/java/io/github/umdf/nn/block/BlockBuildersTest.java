package io.github.umdf.nn.block;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builders of the generic blocks: what they build, and the errors naming a missing or invalid setting. */
class BlockBuildersTest {
    static void assertRejected(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    @Test
    void encoderLayerNamesTheSettingTheExpectationAndTheFinding() {
        assertRejected("EncoderLayer setDim: expected a positive integer, found none (not set)",
                () -> EncoderLayer.builder().setHeads(2).build());
        assertRejected("EncoderLayer setHeads: expected a positive divisor of the dimension 40, found 3",
                () -> EncoderLayer.builder().setDim(40).setHeads(3).build());
        assertRejected("EncoderLayer setHeads: expected a positive divisor of the dimension 40, found none (not set)",
                () -> EncoderLayer.builder().setDim(40).build());
        assertRejected("EncoderLayer optResidualDropout: expected a dropout rate in [0, 1), found 1.0",
                () -> EncoderLayer.builder().setDim(40).setHeads(4).optResidualDropout(1f).build());
        assertRejected("EncoderLayer optNorm: expected a norm placement, found none (not set)",
                () -> EncoderLayer.builder().setDim(40).setHeads(4).optNorm(null).build());
    }

    @Test
    void transformerEncoderNamesTheSettingTheExpectationAndTheFinding() {
        assertRejected("TransformerEncoder setDepth: expected a positive integer, found none (not set)",
                () -> TransformerEncoder.builder().setDim(8).setHeads(2).build());
        assertRejected("TransformerEncoder setDepth: expected a positive integer, found 0",
                () -> TransformerEncoder.builder().setDim(8).setHeads(2).setDepth(0).build());
        assertRejected("TransformerEncoder optAttentionDropout: expected a dropout rate in [0, 1), found -0.1",
                () -> TransformerEncoder.builder().setDim(8).setHeads(2).setDepth(1).optAttentionDropout(-0.1f).build());
    }

    @Test
    void encodersKeepTheirChildNames() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            TransformerEncoder post = TransformerEncoder.builder().setDim(8).setHeads(2).setDepth(2).build();
            TransformerEncoder pre = TransformerEncoder.builder().setDim(8).setHeads(2).setDepth(2).optNorm(NormPlacement.PRE).build();
            post.initialize(m, DataType.FLOAT32, new Shape(1, 1, 8));
            pre.initialize(m, DataType.FLOAT32, new Shape(1, 1, 8));
            assertEquals(List.of("01layer0", "02layer1"), post.getChildren().keys());
            assertEquals(List.of("01layer0", "02layer1", "03finalNorm"), pre.getChildren().keys());
            assertEquals(List.of("01selfAttention", "02attentionNorm", "03feedForward", "04feedForwardNorm"),
                    post.getChildren().get(0).getValue().getChildren().keys());
        }
    }
}
