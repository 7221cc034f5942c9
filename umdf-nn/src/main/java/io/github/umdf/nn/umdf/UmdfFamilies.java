package io.github.umdf.nn.umdf;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelSpec;

import java.util.function.UnaryOperator;

/**
 * UMDF and its variants as registry entries: the full model, the four ablations of paper Table 3,
 * and the same network trained on complete data only (the control of SPEC section 4's robustness
 * claim). Each is a nested class so that {@link java.util.ServiceLoader} can instantiate it.
 */
public final class UmdfFamilies {
    private static final String CITATION = "Li, Yang et al., AAAI 2024";

    private UmdfFamilies() {
    }

    private abstract static class Base implements ModelFamily {
        private final String name;
        private final ModelGroup group;
        private final String description;
        private final UnaryOperator<UmdfConfig.Builder> change;

        Base(String name, ModelGroup group, String description, UnaryOperator<UmdfConfig.Builder> change) {
            this.name = name;
            this.group = group;
            this.description = description;
            this.change = change;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String citation() {
            return CITATION;
        }

        @Override
        public ModelGroup group() {
            return group;
        }

        @Override
        public ModelSpec defaultSpec(PaperDataset dataset) {
            return change.apply(UmdfConfig.paper(dataset).toBuilder()).build();
        }

        @Override
        public TrainingConfig defaultTraining(PaperDataset dataset) {
            return TrainingConfig.paper(dataset);
        }

        /** The change of this variant applied to a user's UMDF configuration. */
        @Override
        public ModelSpec fromBase(ModelSpec base, PaperDataset dataset) {
            return base instanceof UmdfConfig ? change.apply(((UmdfConfig) base).toBuilder()).build() : defaultSpec(dataset);
        }
    }

    /** UMDF as the paper describes it. */
    public static final class Umdf extends Base {
        public Umdf() {
            super("umdf", ModelGroup.UMDF, "Unified self-distillation (MMD + logits), MCIM and DFIM; trained on two random missing views", b -> b);
        }
    }

    /** Table 3: without the feature distillation loss. */
    public static final class WithoutFeatureDistillation extends Base {
        public WithoutFeatureDistillation() {
            super("umdf-no-fea", ModelGroup.ABLATION, "UMDF without L_fea (lambda1 = 0)", b -> b.lambdaFeature(0));
        }
    }

    /** Table 3: without the logits distillation loss. */
    public static final class WithoutLogitsDistillation extends Base {
        public WithoutLogitsDistillation() {
            super("umdf-no-logits", ModelGroup.ABLATION, "UMDF without L_logits (lambda2 = 0)", b -> b.lambdaLogits(0));
        }
    }

    /** Table 3: without MCIM. */
    public static final class WithoutMcim extends Base {
        public WithoutMcim() {
            super("umdf-no-mcim", ModelGroup.ABLATION, "UMDF with every crossmodal attention replaced by self-attention", b -> b.useMcim(false));
        }
    }

    /** Table 3: without DFIM. */
    public static final class WithoutDfim extends Base {
        public WithoutDfim() {
            super("umdf-no-dfim", ModelGroup.ABLATION, "UMDF with DFIM replaced by a concatenation", b -> b.useDfim(false));
        }
    }

    /** The UMDF network trained on complete data only. */
    public static final class CompleteData extends Base {
        public CompleteData() {
            super("umdf-complete-data", ModelGroup.CONTROL, "The UMDF network trained on complete data only (both views complete)", b -> b);
        }

        @Override
        public TrainingConfig defaultTraining(PaperDataset dataset) {
            return trainingFromBase(super.defaultTraining(dataset));
        }

        @Override
        public TrainingConfig trainingFromBase(TrainingConfig base) {
            return base.toBuilder().missingness(MissingnessConfig.complete()).build();
        }
    }
}
