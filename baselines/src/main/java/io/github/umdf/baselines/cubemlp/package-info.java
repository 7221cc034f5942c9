/**
 * CubeMLP (Sun et al., ACM MM 2022): the unimodal features stacked into a cube (time, modality,
 * feature) and mixed by MLPs along each of the three axes, a complete-modality method.
 * {@link io.github.umdf.baselines.cubemlp.CubeMlpConfig} holds the settings (defaults from
 * kiva12138/CubeMLP's published MOSI run), {@link io.github.umdf.baselines.cubemlp.AxisMixer} the MLP
 * along one axis, {@link io.github.umdf.baselines.cubemlp.CubeMixingBlock} the three of them in turn,
 * {@link io.github.umdf.baselines.cubemlp.RecurrentEncoder} the audio and vision extractors,
 * {@link io.github.umdf.baselines.cubemlp.CubeMlpNetwork} the network,
 * {@link io.github.umdf.baselines.cubemlp.CubeMlpModel} the objective and the departures from the
 * original, {@link io.github.umdf.baselines.cubemlp.CubeMlpFamily} the registry entry.
 */
package io.github.umdf.baselines.cubemlp;
