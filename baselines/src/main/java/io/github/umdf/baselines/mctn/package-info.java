/**
 * MCTN (Pham et al., AAAI 2019): hierarchical cyclic sequence-to-sequence translations from the text
 * to the other modalities whose encoder states are the joint representation; predictions read the
 * text alone. {@link io.github.umdf.baselines.mctn.MctnConfig} holds the settings (defaults from
 * hainow/MCTN), {@link io.github.umdf.baselines.mctn.MctnNetwork} the blocks,
 * {@link io.github.umdf.baselines.mctn.MctnModel} the objective and the departures from the
 * original, {@link io.github.umdf.baselines.mctn.MctnFamily} the registry entry.
 */
package io.github.umdf.baselines.mctn;
