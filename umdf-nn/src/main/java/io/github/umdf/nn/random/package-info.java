/**
 * Seeded randomness below everything else: {@link io.github.umdf.nn.random.KeyedRandom} derives a
 * reproducible stream from an explicit seed and a key (condition, sample id, epoch, ...), so synthetic
 * data, missingness masks and training views never depend on draw order or global state. It depends on
 * nothing in the project.
 */
package io.github.umdf.nn.random;
