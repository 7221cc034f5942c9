package io.github.umdf.nn.model;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;

import java.io.Serializable;

/**
 * The configuration of one network family (UMDF, an ablation, a baseline): an OLCUT component,
 * so it can be written in a configuration file, recorded in Tribuo provenance and rebuilt from it.
 * Implementations are immutable once configured.
 */
public interface ModelSpec extends Configurable, Provenancable<ConfiguredObjectProvenance>, Serializable {
    /** The registry name of the network family ({@code umdf}, {@code mctn}, ...). */
    String family();

    /**
     * Missing views per training sample the network consumes: 2 for UMDF's self-distillation, 1 for
     * networks trained on one (possibly missing) version of each sample.
     */
    int viewsPerSample();

    /**
     * The loss a regression network trains with; the training loop selects the epoch (and stops early) on
     * the same loss of the validation predictions, so that every model is selected on its own criterion.
     * Mean squared error unless the network says otherwise; classification always uses cross-entropy.
     */
    default RegressionLoss regressionLoss() {
        return RegressionLoss.MSE;
    }

    /** Builds the network for a data set's modalities, shapes and task (parameters not yet allocated). */
    NetworkModel build(DatasetSchema schema);
}
