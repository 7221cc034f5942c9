/**
 * Benchmarks run as plain {@code main} classes (not tests): {@link io.github.umdf.tribuo.bench.LoadBenchmark}
 * measures the heap and time needed to hold a full-size data set as Tribuo examples.
 */
package io.github.umdf.tribuo.bench;
