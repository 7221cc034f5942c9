package io.github.umdf.baselines;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.github.umdf.nn.config.Specs;
import io.github.umdf.nn.model.ModelSpec;

/**
 * What the baselines' specifications share: provenance-based equality, validation in
 * {@link #postConfig()} (OLCUT, {@link PropertyException}) and in the builders
 * ({@link IllegalArgumentException}), and deep copies. Subclasses declare their settings as
 * {@code @Config} fields with the original codebase's values as defaults and name the first invalid
 * one in {@link #problem()}.
 */
public abstract class BaselineSpec implements ModelSpec {
    private static final long serialVersionUID = 1L;

    /** Every baseline trains on one (possibly missing) view per sample. */
    @Override
    public int viewsPerSample() {
        return 1;
    }

    /** The first invalid setting, described, or null when the settings are valid. */
    protected abstract String problem();

    @Override
    public void postConfig() {
        String p = problem();
        if (p != null) {
            throw new PropertyException("", getClass().getSimpleName(), p);
        }
    }

    /** A validated deep copy of this specification (what a builder returns). */
    protected final <T extends BaselineSpec> T validatedCopy(Class<T> type) {
        String p = problem();
        if (p != null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": " + p);
        }
        return type.cast(Specs.copy(this));
    }

    /** A problem description when a rate is outside {@code [0, 1)}, else null. */
    protected static String dropoutProblem(String name, float rate) {
        return rate >= 0f && rate < 1f ? null : name + " must be in [0, 1), found " + rate;
    }

    /** A problem description when a size is not positive, else null. */
    protected static String sizeProblem(String name, int size) {
        return size >= 1 ? null : name + " must be positive, found " + size;
    }

    /** The first non-null problem, or null. */
    protected static String first(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "ModelSpec");
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && getProvenance().equals(((BaselineSpec) o).getProvenance());
    }

    @Override
    public int hashCode() {
        return getProvenance().hashCode();
    }
}
