package io.github.umdf.tribuo.provenance;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import java.util.List;

/**
 * Rebuilds OLCUT components from their recorded provenance: a trainer from a model's trainer
 * provenance, a network specification from its own. The recorded configuration goes through
 * {@link ProvenanceUtil#extractConfiguration} into a fresh {@link ConfigurationManager}, which
 * instantiates the component and its nested components and runs their {@code postConfig}
 * validation, exactly as a configuration file would.
 */
public final class ConfiguredObjects {
    private ConfiguredObjects() {
    }

    /**
     * The object a provenance describes.
     *
     * @param provenance the recorded provenance (a configured object: trainer, model specification ...)
     * @param type       the expected type
     * @throws IllegalArgumentException when the provenance describes another type or cannot be configured
     */
    public static <C extends Configurable> C rebuild(ConfiguredObjectProvenance provenance, Class<C> type) {
        List<ConfigurationData> configuration = ProvenanceUtil.extractConfiguration(provenance);
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(configuration);
        String name = configuration.get(0).getName();
        Configurable c;
        try {
            c = cm.lookup(name);
        } catch (PropertyException e) {
            throw new IllegalArgumentException("Cannot rebuild " + provenance.getClassName() + " from its provenance: " + e.getMessage(), e);
        }
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException("The provenance describes a " + provenance.getClassName() + ", expected a " + type.getName());
        }
        return type.cast(c);
    }
}
