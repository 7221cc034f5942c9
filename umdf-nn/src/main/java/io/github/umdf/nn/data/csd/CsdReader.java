package io.github.umdf.nn.data.csd;

import io.github.umdf.nn.data.InvalidDataException;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Reads a CMU-MultimodalSDK computational sequence ({@code .csd}, an HDF5 file) through jHDF.
 *
 * <p>Layout: exactly one top-level group, named after the sequence (for example
 * {@code Opinion Segment Labels} or {@code CMU_MOSI_ModifiedTimestampedWords}), holding
 * <ul>
 *   <li>{@code <root>/data/<video id>/features}: {@code (n, k)} numbers (read as float32; labels are
 *       {@code (n, 1)} sentiment) or {@code (n, 1)} fixed-length byte strings (words, {@code S12} in the
 *       MOSI word file, {@code sp} = silence); {@code (n,)} is accepted for both;</li>
 *   <li>{@code <root>/data/<video id>/intervals}: {@code (n, 2)} start and end in seconds, one row per
 *       feature row;</li>
 *   <li>{@code <root>/metadata} (optional): one dataset per entry ({@code dimension names},
 *       {@code root name}, {@code computational sequence description} ...), read as strings whatever
 *       their type (a one-element dataset gives its element, a longer one its elements joined by
 *       newlines; a missing value gives the empty string). Values are kept as stored: SDK files often
 *       hold them JSON-encoded ({@code "CMU-MOSI"} with the quotes). A file without metadata reads with
 *       empty metadata.</li>
 * </ul>
 *
 * <p>Checks on load: one root group, a {@code data} group, both datasets per video, intervals of
 * shape {@code (n, 2)} with one row per feature row, finite and with {@code start <= end}. Violations
 * are {@link InvalidDataException}s naming the file, the dataset path, what was expected and what
 * was found. Nothing is reordered or dropped; see {@link IntervalAligner} for alignment and the MOSI
 * word-file shift.
 */
public final class CsdReader {
    private static final Logger LOG = Logger.getLogger(CsdReader.class.getName());

    /** A reader. It holds no state; one instance may read many files. */
    public CsdReader() {
    }

    /**
     * Reads every video of a file.
     *
     * @throws InvalidDataException if the file is not a valid computational sequence
     * @throws IOException          if the file cannot be read
     */
    public CsdSequence read(Path file) throws IOException {
        return read(file, id -> true);
    }

    /**
     * Reads the videos of a file whose ids pass {@code videoFilter} (to keep memory low when only a
     * fold is needed).
     *
     * @throws InvalidDataException if the file is not a valid computational sequence
     * @throws IOException          if the file cannot be read
     */
    public CsdSequence read(Path file, Predicate<String> videoFilter) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no computational sequence file there");
        }
        try (HdfFile hdf = new HdfFile(file)) {
            Group root = root(file, hdf);
            Map<String, String> metadata = metadata(root);
            Node data = root.getChild("data");
            if (!(data instanceof Group)) {
                throw InvalidDataException.of(file, null, root.getName() + "/data", "a group of videos",
                        data == null ? "nothing (children: " + root.getChildren().keySet() + ")" : "a dataset");
            }
            Map<String, CsdSequence.Video> videos = new TreeMap<>();
            for (Map.Entry<String, Node> e : ((Group) data).getChildren().entrySet()) {
                if (videoFilter.test(e.getKey())) {
                    videos.put(e.getKey(), video(file, root.getName(), e.getKey(), e.getValue()));
                }
            }
            CsdSequence seq = new CsdSequence(root.getName(), metadata, videos);
            LOG.fine(() -> "Read " + seq + " from " + file);
            return seq;
        } catch (InvalidDataException e) {
            throw e;
        } catch (HdfException | java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            String truncated = truncation(file);
            if (truncated != null) {
                throw new InvalidDataException(file + ": " + truncated, e);
            }
            throw new InvalidDataException(file + ": expected an HDF5 computational sequence, found a problem: " + e.getMessage(), e);
        }
    }

    /**
     * Why a file that jHDF cannot read is truncated, or null when it is not: the HDF5 superblock records
     * the end-of-file address, and a download or copy that stopped early leaves fewer bytes than that.
     */
    static String truncation(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long end = Superblock.readSuperblock(channel, 0).getEndOfFileAddress();
            if (size < end) {
                return String.format(Locale.ROOT, "the file is truncated: it has %,d bytes, its HDF5 superblock says %,d "
                        + "(an interrupted download or copy?); fetch it again", size, end);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // no readable superblock: not a truncated HDF5 file, the caller's message applies
        }
    }

    private static Group root(Path file, HdfFile hdf) {
        List<Group> groups = new ArrayList<>();
        for (Node n : hdf.getChildren().values()) {
            if (n instanceof Group) {
                groups.add((Group) n);
            }
        }
        if (groups.size() != 1) {
            throw InvalidDataException.of(file, null, "/", "exactly one top-level group (the sequence name)",
                    groups.size() + " groups " + hdf.getChildren().keySet());
        }
        return groups.get(0);
    }

    private static Map<String, String> metadata(Group root) {
        Map<String, String> out = new LinkedHashMap<>();
        Node md = root.getChild("metadata");
        if (md instanceof Group) {
            for (Map.Entry<String, Node> e : ((Group) md).getChildren().entrySet()) {
                if (e.getValue() instanceof Dataset) {
                    out.put(e.getKey(), asText((Dataset) e.getValue()));
                }
            }
        }
        return out;
    }

    private static String asText(Dataset d) {
        if (d.isEmpty()) {
            return "";
        }
        Object flat = d.isScalar() ? d.getData() : d.getDataFlat();
        if (flat == null) {
            return "";
        }
        if (!flat.getClass().isArray()) {
            return String.valueOf(flat);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Array.getLength(flat); i++) {
            Object o = Array.get(flat, i);
            parts.add(o == null ? "" : String.valueOf(o));
        }
        return String.join("\n", parts);
    }

    private static CsdSequence.Video video(Path file, String rootName, String id, Node node) {
        String base = rootName + "/data/" + id;
        if (!(node instanceof Group)) {
            throw InvalidDataException.of(file, null, base, "a group with 'features' and 'intervals'", "a dataset");
        }
        Group g = (Group) node;
        Dataset features = dataset(file, base, g, "features");
        Dataset intervals = dataset(file, base, g, "intervals");

        int[] idim = intervals.getDimensions();
        int n = intervals.isEmpty() ? (idim.length > 0 ? idim[0] : 0) : idim[0];
        if (idim.length != 2 || idim[1] != 2) {
            throw InvalidDataException.of(file, null, base + "/intervals", "shape (n, 2)", "shape " + Arrays.toString(idim));
        }
        int[] fdim = features.getDimensions();
        if (fdim.length < 1 || fdim.length > 2 || fdim[0] != n) {
            throw InvalidDataException.of(file, null, base + "/features", "shape (n=" + n + ", k), one row per interval",
                    "shape " + Arrays.toString(fdim));
        }
        double[] starts = new double[n];
        double[] ends = new double[n];
        if (n > 0) {
            double[] flat = numbers(intervals.getDataFlat());
            for (int i = 0; i < n; i++) {
                starts[i] = flat[2 * i];
                ends[i] = flat[2 * i + 1];
                if (!Double.isFinite(starts[i]) || !Double.isFinite(ends[i]) || starts[i] > ends[i]) {
                    throw InvalidDataException.of(file, null, base + "/intervals", "finite intervals with start <= end",
                            "[" + starts[i] + ", " + ends[i] + "] at row " + i);
                }
            }
        }
        int k = fdim.length == 2 ? fdim[1] : 1;
        if (features.getJavaType() == String.class) {
            if (k != 1) {
                throw InvalidDataException.of(file, null, base + "/features", "one string per row, shape (n, 1)",
                        "shape " + Arrays.toString(fdim));
            }
            String[] tokens = new String[n];
            if (n > 0) {
                Object flat = features.getDataFlat();
                for (int i = 0; i < n; i++) {
                    Object o = Array.get(flat, i);
                    tokens[i] = o == null ? "" : o.toString();
                }
            }
            return new CsdSequence.Video(id, starts, ends, null, tokens);
        }
        Class<?> type = features.getJavaType();
        if (!(type.isPrimitive() && type != boolean.class && type != char.class) && !Number.class.isAssignableFrom(type)) {
            throw InvalidDataException.of(file, null, base + "/features", "numbers or fixed-length strings",
                    "elements of type " + type.getSimpleName());
        }
        float[][] rows = new float[n][k];
        if (n > 0 && k > 0) {
            Object flat = features.getDataFlat();
            if (flat instanceof float[]) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(flat, i * k, rows[i], 0, k);
                }
            } else {
                double[] d = numbers(flat);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < k; j++) {
                        rows[i][j] = (float) d[i * k + j];
                    }
                }
            }
        }
        return new CsdSequence.Video(id, starts, ends, rows, null);
    }

    /** A flat numeric array of any primitive or boxed type as doubles. */
    private static double[] numbers(Object flat) {
        if (flat instanceof double[]) {
            return (double[]) flat;
        }
        double[] out = new double[Array.getLength(flat)];
        if (flat instanceof float[]) {
            float[] f = (float[]) flat;
            for (int i = 0; i < out.length; i++) {
                out[i] = f[i];
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) Array.get(flat, i)).doubleValue();
            }
        }
        return out;
    }

    private static Dataset dataset(Path file, String base, Group g, String name) {
        Node n = g.getChild(name);
        if (!(n instanceof Dataset)) {
            throw InvalidDataException.of(file, null, base + "/" + name, "a dataset '" + name + "'",
                    n == null ? "only " + g.getChildren().keySet() : "a group");
        }
        return (Dataset) n;
    }
}
