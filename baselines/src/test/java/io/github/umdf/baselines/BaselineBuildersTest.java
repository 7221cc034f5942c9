package io.github.umdf.baselines;

import io.github.umdf.baselines.cubemlp.AxisMixer;
import io.github.umdf.baselines.cubemlp.RecurrentEncoder;
import io.github.umdf.baselines.mctn.AttentionDecoder;
import io.github.umdf.baselines.transm.DecoderLayer;
import io.github.umdf.baselines.transm.RecurrentEmbedding;
import io.github.umdf.baselines.transm.TransformerStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builders of the baselines' blocks: what they build, and the errors naming a missing or invalid setting. */
class BaselineBuildersTest {
    private static void assertRejected(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    @Test
    void packedRecurrence() {
        assertRejected("PackedRecurrence setCell: expected LSTM or GRU, found none (not set)",
                () -> PackedRecurrence.builder().setInputDim(3).setHidden(4).build());
        assertRejected("PackedRecurrence setHidden: expected a positive integer, found 0",
                () -> PackedRecurrence.builder().setCell(PackedRecurrence.Cell.GRU).setInputDim(3).setHidden(0).build());
        PackedRecurrence uni = PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM).setInputDim(3).setHidden(4).build();
        PackedRecurrence bi = PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM).setInputDim(3).setHidden(4)
                .optBidirectional(true).build();
        assertEquals(List.of("01forward"), uni.getChildren().keys());
        assertEquals(4, uni.outputDim());
        assertEquals(List.of("01forward", "02backward"), bi.getChildren().keys());
        assertEquals(8, bi.outputDim(), "directions concatenated by default");
    }

    @Test
    void gcnetBlocks() {
        assertRejected("StackedBiLstm optLayers: expected a positive integer, found 0",
                () -> io.github.umdf.baselines.gcnet.StackedBiLstm.builder().setInputDim(3).setHidden(4).optLayers(0).build());
        assertRejected("StackedBiLstm optDropout: expected a dropout rate in [0, 1), found 1.0",
                () -> io.github.umdf.baselines.gcnet.StackedBiLstm.builder().setInputDim(3).setHidden(4).optDropout(1f).build());
        assertRejected("RelationalGraphConvolution: expected at least one relation, found 0",
                () -> new io.github.umdf.baselines.gcnet.RelationalGraphConvolution(3, 2, 0));
        assertRejected("GraphConvolution: expected positive input width and units, found 0, 2",
                () -> new io.github.umdf.baselines.gcnet.GraphConvolution(0, 2));
    }

    @Test
    void recurrentEmbedding() {
        assertRejected("RecurrentEmbedding setUnits: expected a positive integer, found none (not set)",
                () -> RecurrentEmbedding.builder().setInputDim(5).setDim(8).build());
        assertRejected("RecurrentEmbedding optRnnDropout: expected a dropout rate in [0, 1), found 1.5",
                () -> RecurrentEmbedding.builder().setInputDim(5).setUnits(6).setDim(8).optRnnDropout(1.5f).build());
        assertEquals(List.of("01gru", "02dense"), RecurrentEmbedding.builder().setInputDim(5).setUnits(6).setDim(8).build()
                .getChildren().keys());
    }

    @Test
    void transformerStack() {
        assertRejected("TransformerStack setFfnDim: expected a positive integer, found none (not set)",
                () -> TransformerStack.builder().setDepth(1).setDim(8).setHeads(2).build());
        assertRejected("TransformerStack setHeads: expected a positive divisor of the dimension 8, found 3",
                () -> TransformerStack.builder().setDepth(1).setDim(8).setHeads(3).setFfnDim(12).build());
        assertEquals(List.of("01layer0", "02layer1"), TransformerStack.builder().setDepth(2).setDim(8).setHeads(2).setFfnDim(12)
                .build().getChildren().keys());
    }

    @Test
    void decoderLayer() {
        assertRejected("DecoderLayer setDim: expected a positive integer, found -8",
                () -> DecoderLayer.builder().setDim(-8).setHeads(2).setFfnDim(12).build());
        assertEquals(List.of("01selfAttention", "02selfNorm", "03feedForward", "04feedForwardNorm"),
                DecoderLayer.builder().setDim(8).setHeads(2).setFfnDim(12).build().getChildren().keys());
        assertEquals(List.of("01selfAttention", "02selfNorm", "03crossAttention", "04crossNorm", "05feedForward", "06feedForwardNorm"),
                DecoderLayer.builder().setDim(8).setHeads(2).setFfnDim(12).optCrossAttention(true).build().getChildren().keys());
    }

    @Test
    void attentionDecoder() {
        assertRejected("AttentionDecoder setOutputDim: expected a positive integer, found none (not set)",
                () -> AttentionDecoder.builder().setMemoryDim(8).setHidden(8).build());
        assertRejected("AttentionDecoder optDropout: expected a dropout rate in [0, 1), found 1.0",
                () -> AttentionDecoder.builder().setMemoryDim(8).setHidden(8).setOutputDim(3).optDropout(1f).build());
        assertEquals(List.of("01memoryKey", "02stateQuery", "03score", "04inputGates", "05recurrentGates", "06output"),
                AttentionDecoder.builder().setMemoryDim(8).setHidden(8).setOutputDim(3).build().getChildren().keys());
    }

    @Test
    void axisMixer() {
        assertRejected("AxisMixer setAxis: expected 1 (time), 2 (modality) or 3 (feature), found 0",
                () -> AxisMixer.builder().setAxis(0).setInputSize(4).setOutputSize(2).build());
        assertRejected("AxisMixer setOutputSize: expected a positive integer, found none (not set)",
                () -> AxisMixer.builder().setAxis(1).setInputSize(4).build());
        assertRejected("AxisMixer optDropout: expected a dropout rate in [0, 1), found 1.0",
                () -> AxisMixer.builder().setAxis(2).setInputSize(3).setOutputSize(3).optDropout(1f).build());
        assertEquals(List.of("01norm", "02fc1", "03fc2", "04residual"),
                AxisMixer.builder().setAxis(3).setInputSize(4).setOutputSize(2).build().getChildren().keys());
    }

    @Test
    void recurrentEncoder() {
        assertRejected("RecurrentEncoder setHidden: expected a positive integer, found none (not set)",
                () -> RecurrentEncoder.builder().setInputDim(5).build());
        assertRejected("RecurrentEncoder optLayers: expected a positive integer, found 0",
                () -> RecurrentEncoder.builder().setInputDim(5).setHidden(8).optLayers(0).build());
        assertEquals(List.of("01gru0", "02gru1", "03norm"),
                RecurrentEncoder.builder().setInputDim(5).setHidden(8).optLayers(2).build().getChildren().keys());
    }
}
