package io.github.umdf.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the operating system says about this process (Linux {@code /proc}; elsewhere every figure
 * is NaN): resident memory now and at its peak, page faults and CPU time, and which C allocator
 * serves native memory. libtorch allocates its CPU tensors through the C allocator, so the
 * allocator decides how often a training step maps fresh pages (and pays a page fault per 4 KiB).
 */
public final class ProcessStats {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    /** Clock ticks per second of {@code /proc/self/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private ProcessStats() {
    }

    /** A reading of the counters that grow: minor and major page faults, user and system CPU seconds. */
    public record Counters(long minorFaults, long majorFaults, double userSeconds, double systemSeconds) {
        /** This reading minus an earlier one. */
        public Counters minus(Counters earlier) {
            return new Counters(minorFaults - earlier.minorFaults, majorFaults - earlier.majorFaults,
                    userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds);
        }
    }

    /** The growing counters now; zeros where {@code /proc} is not there. */
    public static Counters counters() {
        try {
            String stat = Files.readString(STAT);
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state): minflt = field 10, majflt = 12, utime = 14, stime = 15
            return new Counters(Long.parseLong(f[7]), Long.parseLong(f[9]),
                    Long.parseLong(f[11]) / TICKS, Long.parseLong(f[12]) / TICKS);
        } catch (IOException | RuntimeException e) {
            return new Counters(0, 0, 0, 0);
        }
    }

    /** Resident set size now, MB, or NaN. */
    public static double residentMb() {
        return statusKb("VmRSS:") / 1024.0;
    }

    /** Peak resident set size since the start or the last {@link #resetPeak()}, MB, or NaN. */
    public static double peakResidentMb() {
        return statusKb("VmHWM:") / 1024.0;
    }

    /**
     * Restarts the peak resident set size from the current one (Linux: {@code 5 > clear_refs}).
     *
     * @return false where the kernel does not allow it (the peak then counts from the start)
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The C allocator serving this process: {@code tcmalloc} or {@code jemalloc} when one is mapped
     * (preloaded), else {@code glibc} followed by the {@code MALLOC_*} tunables set in the environment.
     */
    public static String allocator() {
        try {
            for (String line : Files.readAllLines(MAPS)) {
                if (line.contains("libtcmalloc")) {
                    return "tcmalloc (" + line.substring(line.lastIndexOf(' ') + 1) + ")";
                }
                if (line.contains("libjemalloc")) {
                    return "jemalloc (" + line.substring(line.lastIndexOf(' ') + 1) + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (no /proc/self/maps)";
        }
        Map<String, String> tunables = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("MALLOC_")) {
                tunables.put(k, v);
            }
        });
        if (tunables.isEmpty()) {
            return "glibc (defaults)";
        }
        StringBuilder s = new StringBuilder("glibc (");
        tunables.forEach((k, v) -> s.append(s.length() > 7 ? " " : "").append(k).append('=').append(v));
        return s.append(')').toString();
    }

    /** One line: the minor page faults and the user and system CPU seconds of {@code delta}, per step. */
    public static String perStep(Counters delta, int steps) {
        return String.format(Locale.ROOT, "%.0f minor page faults/step, %.2f s user + %.2f s system CPU/step",
                delta.minorFaults() / (double) steps, delta.userSeconds() / steps, delta.systemSeconds() / steps);
    }

    private static double statusKb(String key) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
