/**
 * Settings shared by the model contracts and the training loop: the training regime
 * ({@link io.github.umdf.nn.config.TrainingConfig}, OLCUT-configurable, with its missingness regime),
 * the paper's three data sets with their per-data-set defaults ({@link io.github.umdf.nn.config.PaperDataset})
 * and deep copies of specifications ({@link io.github.umdf.nn.config.Specs}). It sits below
 * {@code model} and {@code train} so that neither depends on the other through it.
 */
package io.github.umdf.nn.config;
