package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/** Small helpers every layer uses: running a one-input block, dropout that vanishes outside training. */
public final class Layers {
    private Layers() {
    }

    /** The single output of {@code block} on {@code x}. */
    public static NDArray apply(ParameterStore ps, Block block, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).head();
    }

    /** Dropout with {@code rate} while training; the input itself otherwise (or when the rate is 0). */
    public static NDArray dropout(NDArray x, float rate, boolean training) {
        return training && rate > 0f ? Dropout.dropout(x, rate, true).head() : x;
    }
}
