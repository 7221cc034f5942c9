package io.github.umdf.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a data set came from: the file (path, SHA-256, modification time), its format and every
 * preprocessing step applied on load. Tribuo data-source provenance is built from it.
 */
public final class DataOrigin implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String sha256;
    private final Instant modified;
    private final String format;
    private final List<String> preprocessing;
    private final Map<String, String> parameters;

    /**
     * @param location      path of the file, or a descriptive location for generated data
     * @param sha256        hex SHA-256 of the file, or empty for generated data
     * @param modified      file modification time, or {@code null}
     * @param format        format name ({@code mmsa-pickle}, {@code mult-pickle}, {@code csd}, {@code umdf-npz}, ...)
     * @param preprocessing the steps applied on load, in order
     * @param parameters    further key/value facts (preset, seed, scale, folds file ...)
     */
    public DataOrigin(String location, String sha256, Instant modified, String format, List<String> preprocessing,
                      Map<String, String> parameters) {
        this.location = Objects.requireNonNull(location);
        this.sha256 = Objects.requireNonNull(sha256);
        this.modified = modified;
        this.format = Objects.requireNonNull(format);
        this.preprocessing = Collections.unmodifiableList(new ArrayList<>(preprocessing));
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Origin of a file on disk, hashing it. */
    public static DataOrigin ofFile(Path file, String format, List<String> preprocessing, Map<String, String> parameters) {
        try {
            return new DataOrigin(file.toAbsolutePath().normalize().toString(), sha256(file),
                    Files.getLastModifiedTime(file).toInstant(), format, preprocessing, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to hash it", e);
        }
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public String location() {
        return location;
    }

    public String sha256() {
        return sha256;
    }

    public Instant modified() {
        return modified;
    }

    public String format() {
        return format;
    }

    public List<String> preprocessing() {
        return preprocessing;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataOrigin)) {
            return false;
        }
        DataOrigin d = (DataOrigin) o;
        return location.equals(d.location) && sha256.equals(d.sha256) && Objects.equals(modified, d.modified)
                && format.equals(d.format) && preprocessing.equals(d.preprocessing) && parameters.equals(d.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, sha256, modified, format, preprocessing, parameters);
    }

    @Override
    public String toString() {
        return format + ":" + location + (sha256.isEmpty() ? "" : " sha256=" + sha256.substring(0, 12) + "…");
    }
}
