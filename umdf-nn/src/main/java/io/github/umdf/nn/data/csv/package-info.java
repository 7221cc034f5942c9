/**
 * Utterance-level tables: {@link io.github.umdf.nn.data.csv.UtteranceCsvReader} reads a CSV file with
 * one row per sample (id, split, label columns, and per modality the feature columns
 * {@code <modality>_<j>}, each modality a single frame) into a
 * {@link io.github.umdf.nn.data.MultimodalDataset}; a modality whose cells are all empty is absent from
 * that sample. Parsing follows RFC 4180 with a small streaming parser, so the module needs no CSV
 * library.
 */
package io.github.umdf.nn.data.csv;
