package io.github.umdf.tools.toy;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.NetworkModel;

/**
 * The toy model's settings: what a new model adds to the project, as the registry-derived suites
 * ({@code RegistrySuiteTest}) expect — a {@link ModelSpec} that is an OLCUT component.
 */
public final class ToySpec implements ModelSpec {
    private static final long serialVersionUID = 1L;
    /** The registry name. */
    public static final String FAMILY = "toy-mean";

    @Config(description = "Hidden units of the one hidden layer.")
    private int hidden = 4;

    @Override
    public void postConfig() {
        if (hidden < 1) {
            throw new PropertyException("", "ToySpec", "hidden must be positive, found " + hidden);
        }
    }

    /** Hidden units. */
    public int hidden() {
        return hidden;
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public int viewsPerSample() {
        return 1;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new ToyModel(this, schema);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "ModelSpec");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToySpec && ((ToySpec) o).hidden == hidden;
    }

    @Override
    public int hashCode() {
        return hidden;
    }
}
