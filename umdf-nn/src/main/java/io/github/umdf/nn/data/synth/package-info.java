/**
 * Synthetic data sets shaped like CMU-MOSI, CMU-MOSEI and IEMOCAP, with a planted signal: the label
 * depends on every modality, language most, plus an audio-vision interaction that no single
 * modality reveals, plus noise, so that missing modalities and missing frames measurably hurt
 * (SPEC section 5).
 *
 * <p>{@link io.github.umdf.nn.data.synth.SyntheticPresets} is the registry;
 * {@link io.github.umdf.nn.data.synth.PlantedSignal} holds the equations and constants;
 * {@link io.github.umdf.nn.data.synth.SyntheticGenerator} makes samples as pure functions of
 * (preset, seed, split, index). Write a generated data set with
 * {@link io.github.umdf.nn.data.npz.UmdfArchive} to share it with Python.
 */
package io.github.umdf.nn.data.synth;
