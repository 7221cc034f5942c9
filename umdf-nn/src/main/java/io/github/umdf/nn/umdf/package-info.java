/**
 * UMDF itself (Li, Yang et al., AAAI 2024), built from the generic blocks of {@code block} and
 * implementing the contracts of {@code model}: its configuration ({@link io.github.umdf.nn.umdf.UmdfConfig}),
 * the network ({@link io.github.umdf.nn.umdf.UmdfNetwork}) with the multi-grained crossmodal
 * interaction module ({@link io.github.umdf.nn.umdf.Mcim}, {@link io.github.umdf.nn.umdf.McimLayer},
 * paper eqs. 7-9) and the dynamic feature integration module ({@link io.github.umdf.nn.umdf.Dfim},
 * eqs. 10-11, or its ablation {@link io.github.umdf.nn.umdf.ConcatFusion}), the unified self-distillation
 * objective over two views ({@link io.github.umdf.nn.umdf.SelfDistillationObjective}), the model that
 * ties them together ({@link io.github.umdf.nn.umdf.UmdfModel}) and the registry entries for UMDF and
 * its ablations ({@link io.github.umdf.nn.umdf.UmdfFamilies}).
 */
package io.github.umdf.nn.umdf;
