package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.npz.UmdfArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Full-size generation of the largest aligned preset: time and heap, and an archive round trip of
 * 1.9 GB. Long: run with {@code -Plong}.
 */
@Tag("long")
class SyntheticFullScaleTest {
    @TempDir
    Path dir;

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void moseiAlignedAtScaleOne() throws Exception {
        long before = usedHeap();
        long t0 = System.nanoTime();
        MultimodalDataset ds = SyntheticPresets.generate("mosei-aligned", 1L, 1.0);
        double gen = (System.nanoTime() - t0) / 1e9;
        long used = usedHeap() - before;
        assertEquals(16326, ds.split(SplitName.TRAIN).size());
        assertEquals(22856, ds.size());
        System.out.printf("mosei-aligned scale 1: %d samples generated in %.1f s on %d cores, heap held %.2f GB (max heap %.2f GB)%n",
                ds.size(), gen, Runtime.getRuntime().availableProcessors(), used / 1e9, Runtime.getRuntime().maxMemory() / 1e9);

        Path file = dir.resolve("mosei-aligned.npz");
        long t1 = System.nanoTime();
        UmdfArchive.write(ds, file);
        double write = (System.nanoTime() - t1) / 1e9;
        long size = Files.size(file);
        ds = null;
        usedHeap();
        long t2 = System.nanoTime();
        MultimodalDataset back = UmdfArchive.read(file);
        double read = (System.nanoTime() - t2) / 1e9;
        System.out.printf("archive %.2f GB: written in %.1f s, read (with SHA-256) in %.1f s%n", size / 1e9, write, read);
        assertEquals(22856, back.size());
        assertEquals(SyntheticPresets.generator("mosei-aligned", 1L).sample(SplitName.TEST, 4658), back.split(SplitName.TEST).get(4658));
    }
}
