/**
 * A Self-MM-style comparator (Yu et al., AAAI 2021): LSTM subnets per modality, a fusion head and
 * unimodal heads trained with self-supervised unimodal labels (ULGM), a complete-modality method.
 * {@link io.github.umdf.baselines.selfmm.SelfMmConfig} holds the settings (defaults from thuiar/MMSA),
 * {@link io.github.umdf.baselines.selfmm.RecurrentSubnet}, {@link io.github.umdf.baselines.selfmm.PostHead}
 * and {@link io.github.umdf.baselines.selfmm.SelfMmNetwork} the blocks,
 * {@link io.github.umdf.baselines.selfmm.UnimodalLabelGenerator} the label generation (plain Java state),
 * {@link io.github.umdf.baselines.selfmm.SelfMmModel} the objective and the departures from the
 * original, {@link io.github.umdf.baselines.selfmm.SelfMmFamily} the registry entry.
 */
package io.github.umdf.baselines.selfmm;
