package io.github.umdf.nn.testing;

import io.github.umdf.nn.data.mosi.MosiSdkBuilder;

/**
 * The real CMU-MOSI SDK files of the shared data folder ({@code cmu_mosi/}: labels, timestamped words,
 * standard folds) as a {@link MosiSdkBuilder}; skips the calling test when they are absent.
 */
public final class RealMosi {
    private RealMosi() {
    }

    /** A builder over the real files (default options, hashed features without lexicon until told otherwise). */
    public static MosiSdkBuilder builder() {
        return new MosiSdkBuilder(SharedData.file("cmu_mosi/CMU_MOSI_Opinion_Labels.csd"),
                SharedData.file("cmu_mosi/CMU_MOSI_ModifiedTimestampedWords.csd"), SharedData.file("cmu_mosi/standard_folds.json"));
    }
}
