package io.github.umdf.nn.data.csd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * One CMU-MultimodalSDK computational sequence as {@link CsdReader} reads it from a {@code .csd}
 * file: its name (the root group's, e.g. {@code Opinion Segment Labels}), its metadata as strings,
 * and per video id the rows of that video, each an interval {@code [start, end]} in seconds with
 * either a numeric feature vector (labels, COVAREP, Facet, GloVe ...) or a token (word files store
 * {@code (n, 1)} byte strings, {@code sp} marking silence).
 *
 * <p>Rows are kept in file order; {@link Video#sortedByStart()} reorders them. Instances are
 * immutable; accessors return copies.
 */
public final class CsdSequence {
    private final String name;
    private final Map<String, String> metadata;
    private final Map<String, Video> videos;

    CsdSequence(String name, Map<String, String> metadata, Map<String, Video> videos) {
        this.name = Objects.requireNonNull(name);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        this.videos = Collections.unmodifiableMap(new LinkedHashMap<>(videos));
    }

    /** The sequence name: the root group of the file. */
    public String name() {
        return name;
    }

    /** The metadata entries found under {@code <root>/metadata}, as strings; empty when the file has none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The video ids, sorted. */
    public List<String> videoIds() {
        return List.copyOf(videos.keySet());
    }

    /** Number of videos. */
    public int videoCount() {
        return videos.size();
    }

    /** Total number of rows over all videos (segments, words or frames). */
    public long rowCount() {
        return videos.values().stream().mapToLong(Video::size).sum();
    }

    /** Whether the video is in the sequence. */
    public boolean has(String videoId) {
        return videos.containsKey(videoId);
    }

    /**
     * The rows of one video.
     *
     * @throws NoSuchElementException naming the sequence and the video
     */
    public Video video(String videoId) {
        Video v = videos.get(videoId);
        if (v == null) {
            throw new NoSuchElementException("Computational sequence '" + name + "' has no video '" + videoId + "' (it has "
                    + videos.size() + " videos)");
        }
        return v;
    }

    @Override
    public String toString() {
        return "CsdSequence(" + name + ", " + videos.size() + " videos, " + rowCount() + " rows)";
    }

    /**
     * The rows of one video: intervals in seconds and, per row, a numeric feature vector or a token.
     */
    public static final class Video {
        private final String id;
        private final double[] starts;
        private final double[] ends;
        private final float[][] features;
        private final String[] tokens;

        /**
         * @param features one vector per row, or null for a token sequence
         * @param tokens   one token per row, or null for a numeric sequence
         */
        Video(String id, double[] starts, double[] ends, float[][] features, String[] tokens) {
            this.id = id;
            this.starts = starts;
            this.ends = ends;
            this.features = features;
            this.tokens = tokens;
            if ((features == null) == (tokens == null)) {
                throw new IllegalArgumentException("A video has either numeric features or tokens");
            }
        }

        /** The video id. */
        public String id() {
            return id;
        }

        /** Number of rows. */
        public int size() {
            return starts.length;
        }

        /** Start of row {@code i}'s interval, in seconds. */
        public double start(int i) {
            return starts[i];
        }

        /** End of row {@code i}'s interval, in seconds. */
        public double end(int i) {
            return ends[i];
        }

        /** A copy of the intervals, {@code (n, 2)}. */
        public double[][] intervals() {
            double[][] out = new double[starts.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = new double[] {starts[i], ends[i]};
            }
            return out;
        }

        /** Whether rows carry tokens (words) rather than numeric features. */
        public boolean isText() {
            return tokens != null;
        }

        /** Numeric features per row; 0 for a token sequence. */
        public int featureDim() {
            return features == null || features.length == 0 ? 0 : features[0].length;
        }

        /**
         * A copy of row {@code i}'s numeric features.
         *
         * @throws IllegalStateException for a token sequence
         */
        public float[] features(int i) {
            if (features == null) {
                throw new IllegalStateException("Video '" + id + "' holds tokens, not numeric features");
            }
            return features[i].clone();
        }

        /**
         * Row {@code i}'s token.
         *
         * @throws IllegalStateException for a numeric sequence
         */
        public String token(int i) {
            if (tokens == null) {
                throw new IllegalStateException("Video '" + id + "' holds numeric features, not tokens");
            }
            return tokens[i];
        }

        /**
         * A copy of all tokens, in row order.
         *
         * @throws IllegalStateException for a numeric sequence
         */
        public String[] tokens() {
            if (tokens == null) {
                throw new IllegalStateException("Video '" + id + "' holds numeric features, not tokens");
            }
            return tokens.clone();
        }

        /** This video with its rows ordered by interval start (stable: ties keep file order). */
        public Video sortedByStart() {
            int[] order = IntStream.range(0, starts.length).boxed()
                    .sorted(Comparator.comparingDouble(i -> starts[i])).mapToInt(Integer::intValue).toArray();
            double[] s = new double[order.length];
            double[] e = new double[order.length];
            float[][] f = features == null ? null : new float[order.length][];
            String[] t = tokens == null ? null : new String[order.length];
            for (int k = 0; k < order.length; k++) {
                s[k] = starts[order[k]];
                e[k] = ends[order[k]];
                if (f != null) {
                    f[k] = features[order[k]];
                }
                if (t != null) {
                    t[k] = tokens[order[k]];
                }
            }
            return new Video(id, s, e, f, t);
        }

        /** Row indices whose token is not a silence marker ({@link IntervalAligner#SILENCE}) or blank. */
        public List<Integer> spokenRows() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                if (!IntervalAligner.isSilence(token(i))) {
                    out.add(i);
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "Video(" + id + ", " + size() + (isText() ? " tokens" : " rows of " + featureDim() + " features") + ")";
        }
    }
}
