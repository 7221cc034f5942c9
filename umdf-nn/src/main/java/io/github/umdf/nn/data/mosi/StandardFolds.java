package io.github.umdf.nn.data.mosi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.SplitName;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CMU-MultimodalSDK standard folds of a data set: which videos are train, valid and test.
 *
 * <p>File format ({@code standard_folds.json}): one JSON object with exactly the keys
 * {@code train}, {@code valid} and {@code test} ({@code dev}, {@code val} and {@code validation}
 * are accepted for valid), each an array of video id strings. A video may appear in one fold only.
 * Violations are {@link InvalidDataException}s naming the file, the key, what was expected and what
 * was found.
 */
public final class StandardFolds {
    private final EnumMap<SplitName, List<String>> folds;
    private final Map<String, SplitName> splitOf;

    private StandardFolds(EnumMap<SplitName, List<String>> folds) {
        this.folds = folds;
        this.splitOf = new HashMap<>();
        folds.forEach((s, ids) -> ids.forEach(id -> splitOf.put(id, s)));
    }

    /** Folds from lists of video ids; every split must be given, a video may appear once. */
    public static StandardFolds of(Map<SplitName, List<String>> folds) {
        EnumMap<SplitName, List<String>> copy = new EnumMap<>(SplitName.class);
        Map<String, SplitName> seen = new HashMap<>();
        for (SplitName s : SplitName.values()) {
            List<String> ids = folds.get(s);
            if (ids == null) {
                throw new IllegalArgumentException("Expected a list of videos for split '" + s.key() + "', found none");
            }
            for (String id : ids) {
                SplitName before = seen.putIfAbsent(id, s);
                if (before != null) {
                    throw new IllegalArgumentException("Expected each video in one fold, found '" + id + "' in '" + before.key()
                            + "' and '" + s.key() + "'");
                }
            }
            copy.put(s, Collections.unmodifiableList(new ArrayList<>(ids)));
        }
        return new StandardFolds(copy);
    }

    /**
     * Reads a folds file.
     *
     * @throws InvalidDataException naming the file, the key, what was expected and what was found
     * @throws IOException          if the file cannot be read
     */
    public static StandardFolds read(Path file) throws IOException {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r);
        } catch (JsonParseException e) {
            throw new InvalidDataException(file + ": expected a JSON object of folds, found malformed JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonObject()) {
            throw InvalidDataException.of(file, null, null, "a JSON object {\"train\": [...], \"valid\": [...], \"test\": [...]}",
                    root.isJsonNull() ? "an empty file" : "a JSON " + kind(root));
        }
        EnumMap<SplitName, List<String>> folds = new EnumMap<>(SplitName.class);
        Map<String, String> keyOf = new HashMap<>();
        Map<String, String> foldOf = new HashMap<>();
        for (Map.Entry<String, JsonElement> e : ((JsonObject) root).entrySet()) {
            SplitName split;
            try {
                split = SplitName.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw InvalidDataException.of(file, null, e.getKey(), "only the keys train, valid (or dev, val, validation) and test",
                        "the key '" + e.getKey() + "'");
            }
            if (folds.containsKey(split)) {
                throw InvalidDataException.of(file, null, e.getKey(), "one key per split", "'" + e.getKey() + "' after '"
                        + keyOf.get(split.key()) + "' for split " + split.key());
            }
            keyOf.put(split.key(), e.getKey());
            if (!e.getValue().isJsonArray()) {
                throw InvalidDataException.of(file, null, e.getKey(), "an array of video id strings", "a JSON " + kind(e.getValue()));
            }
            List<String> ids = new ArrayList<>();
            for (JsonElement id : e.getValue().getAsJsonArray()) {
                if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString() || id.getAsString().isBlank()) {
                    throw InvalidDataException.of(file, null, e.getKey(), "video id strings", id.toString() + " at position " + ids.size());
                }
                String before = foldOf.putIfAbsent(id.getAsString(), e.getKey());
                if (before != null) {
                    throw InvalidDataException.of(file, null, e.getKey(), "each video in one fold",
                            "'" + id.getAsString() + "' in '" + before + "' and '" + e.getKey() + "'");
                }
                ids.add(id.getAsString());
            }
            folds.put(split, ids);
        }
        for (SplitName s : SplitName.values()) {
            if (!folds.containsKey(s)) {
                throw InvalidDataException.of(file, null, s.key(), "the keys train, valid and test", "no key for " + s.key()
                        + " (keys: " + ((JsonObject) root).keySet() + ")");
            }
        }
        return of(folds);
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "array" : e.isJsonObject() ? "object" : e.isJsonNull() ? "null" : "value " + e;
    }

    /** The videos of a split, in file order. */
    public List<String> videos(SplitName split) {
        return folds.get(split);
    }

    /** The split of a video, if it is in a fold. */
    public Optional<SplitName> splitOf(String videoId) {
        return Optional.ofNullable(splitOf.get(videoId));
    }

    /** Number of videos over the three folds. */
    public int videoCount() {
        return splitOf.size();
    }

    @Override
    public String toString() {
        return "StandardFolds(train=" + folds.get(SplitName.TRAIN).size() + ", valid=" + folds.get(SplitName.VALID).size() + ", test="
                + folds.get(SplitName.TEST).size() + " videos)";
    }
}
