package io.github.umdf.tools.bench;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * How much heap and time it takes to hold a full-size data set as Tribuo examples: generates the
 * synthetic {@code mosei-aligned} preset at scale 1 (16,326 training samples of 50 x (300 + 74 + 35)
 * floats), builds a {@link MutableDataset} of its training split, and prints the heap used after
 * garbage collection at each stage with the times. Run with {@code -Xmx4g}; the target is to stay
 * well under 4 GiB.
 *
 * <pre>
 * java -Xmx4g -cp ... io.github.umdf.tools.bench.LoadBenchmark [preset [seed]]
 * </pre>
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    /**
     * Runs the benchmark and prints its figures to {@code out}.
     *
     * @param preset a synthetic preset, generated at scale 1
     * @param seed   the generator seed
     */
    public static void run(String preset, long seed, PrintStream out) {
        long max = Runtime.getRuntime().maxMemory();
        out.printf(Locale.ROOT, "preset %s, seed %d, max heap %.2f GiB, %d processors%n", preset, seed, gib(max),
                Runtime.getRuntime().availableProcessors());
        long base = usedAfterGc();

        long t0 = System.nanoTime();
        DataSplits<Regressor> data = MultimodalDataSources.synthetic(preset, seed, 1.0, new RegressorAdapter());
        long t1 = System.nanoTime();
        long afterData = usedAfterGc();
        long raw = rawBytes(data);
        out.printf(Locale.ROOT, "generated %s: %.1f s; heap after GC %.2f GiB (+%.2f GiB; sample arrays %.2f GiB)%n",
                data.dataset(), (t1 - t0) / 1e9, gib(afterData), gib(afterData - base), gib(raw));

        long t2 = System.nanoTime();
        MutableDataset<Regressor> train = new MutableDataset<>(data.train());
        long t3 = System.nanoTime();
        long afterTribuo = usedAfterGc();
        out.printf(Locale.ROOT, "MutableDataset of the train split: %d examples, %d features in the feature map, %.2f s; "
                        + "heap after GC %.2f GiB (+%.1f MiB for the Tribuo examples, %.0f bytes each)%n",
                train.size(), train.getFeatureMap().size(), (t3 - t2) / 1e9, gib(afterTribuo),
                (afterTribuo - afterData) / (1024.0 * 1024.0), (afterTribuo - afterData) / (double) train.size());
        out.printf(Locale.ROOT, "peak heap (JVM pools) %.2f GiB%n", gib(peak()));
        // keep both alive until the measurements are done
        if (train.size() + data.dataset().size() < 0) {
            out.println();
        }
    }

    private static long rawBytes(DataSplits<?> data) {
        long bytes = 0;
        for (SplitName s : SplitName.values()) {
            for (MultimodalSample sample : data.dataset().split(s)) {
                for (Modality m : sample.modalities()) {
                    FrameSequence seq = sample.require(m);
                    bytes += (long) seq.length() * seq.dim() * Float.BYTES + seq.length();
                }
            }
        }
        return bytes;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peak() {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double gib(long bytes) {
        return bytes / (1024.0 * 1024.0 * 1024.0);
    }
}
