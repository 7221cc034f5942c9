package io.github.umdf.nn.train;

import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.missing.EvaluationMasks;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.umdf.UmdfConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UMDF, trained with its two missing views on the synthetic {@code mosi-aligned} preset (a quarter of
 * MOSI's size, a small network), predicts the validation split clearly better than the training mean.
 * About 30 s on 2 cores.
 */
class SyntheticLearningTest {
    @Test
    void umdfBeatsTheTrainingMeanOnValidationByAMargin() {
        MultimodalDataset ds = SyntheticPresets.generate("mosi-aligned", 1, 0.25);
        List<MultimodalSample> train = ds.split(SplitName.TRAIN);
        List<MultimodalSample> valid = ds.split(SplitName.VALID);
        UmdfConfig net = UmdfConfig.builder().modelDim(16).depth(1).heads(2).build();
        TrainingConfig cfg = TrainingConfig.builder().batchSize(32).epochs(15).learningRate(2e-3).device(DeviceChoice.CPU).build();
        TrainingResult r = new TrainingLoop(net, cfg, TrainingListener.SILENT).train(ds.schema(), train, valid, 1);

        double mean = train.stream().mapToDouble(s -> s.target(0)).average().orElseThrow();
        double meanMae = valid.stream().mapToDouble(s -> Math.abs(s.target(0) - mean)).average().orElseThrow();
        List<SampleMask> complete = new ArrayList<>();
        for (MultimodalSample s : valid) {
            complete.add(EvaluationMasks.mask(1, ModalitySubset.parse("lav"), 0, s));
        }
        double mae;
        try (NetworkSession s = r.network()) {
            float[][] p = s.predict(valid, complete, 64);
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum += Math.abs(p[i][0] - valid.get(i).target(0));
            }
            mae = sum / p.length;
        }
        assertTrue(mae < 0.8 * meanMae, "validation MAE " + mae + " must be below 0.8 x the training mean's " + meanMae);
    }
}
