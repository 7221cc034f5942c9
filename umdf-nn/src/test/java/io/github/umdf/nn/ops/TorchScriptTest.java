package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import io.github.umdf.nn.block.FusedAttention;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class TorchScriptTest {
    private static PtSymbolBlock sdpa(NDManager manager) {
        return TorchScript.forNetwork(manager, FusedAttention.class, "Sdpa", "sdpa.torchscript.py");
    }

    @Test
    void aNetworkSharesItsModuleAcrossItsSubManagersAndNeverWithAnotherNetwork() {
        Engines.engine();
        try (NDManager a = NDManager.newBaseManager(); NDManager b = NDManager.newBaseManager()) {
            PtSymbolBlock m = sdpa(a);
            try (NDManager step = a.newSubManager(); NDManager inner = step.newSubManager()) {
                assertSame(m, sdpa(step), "a step's sub-manager uses its network's module");
                assertSame(m, sdpa(inner));
            }
            assertNotSame(m, sdpa(b), "another network compiles its own (the graph executor's state is per module)");
            a.close();
            try (NDManager again = NDManager.newBaseManager()) {
                assertNotSame(m, sdpa(again));
            }
        }
    }
}
