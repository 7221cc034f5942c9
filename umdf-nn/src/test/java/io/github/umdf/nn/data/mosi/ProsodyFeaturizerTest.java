package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.SplitName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProsodyFeaturizerTest {

    @Test
    void columnsOfAThreeWordSegment() {
        // "so" [1.0, 1.2], 0.3 s pause, "very" [1.5, 1.9], no pause, "good" [1.9, 2.5]; nothing before "so" in the video,
        // 0.2 s after "good" to the next word of the video.
        List<TimedWord> words = List.of(
                new TimedWord("so", 1.0, 1.2, Double.POSITIVE_INFINITY, 0.3),
                new TimedWord("very", 1.5, 1.9, 0.3, 0.0),
                new TimedWord("good", 1.9, 2.5, 0.0, 0.2));
        MosiSegment seg = new MosiSegment("v", 0, SplitName.TRAIN, 1.0, 2.6, 1.5f, words, 0.1);
        ProsodyFeaturizer p = new ProsodyFeaturizer();
        assertEquals(List.of("log_duration", "log_pause_before", "log_pause_after", "log_speech_rate", "relative_lengthening", "position"),
                p.columnNames());
        float[][] f = p.features(seg);
        assertEquals(3, f.length);
        assertEquals(6, f[0].length);
        assertEquals((float) Math.log(0.2), f[0][0], 1e-6);
        assertEquals((float) Math.log1p(50.0), f[0][1], 1e-6, "no previous word: the 5 s cap");
        assertEquals((float) Math.log1p(3.0), f[0][2], 1e-6);
        assertEquals((float) Math.log1p(3.0), f[1][1], 1e-6);
        assertEquals(0f, f[1][2]);
        assertEquals((float) Math.log1p(2.0), f[2][2], 1e-6);
        // every window covers the whole segment here: 3 words in 1.5 s
        for (int i = 0; i < 3; i++) {
            assertEquals((float) Math.log(3 / 1.5), f[i][3], 1e-6);
            assertEquals(i / 2f, f[i][5], 1e-7);
        }
        // "good": 0.6 s over 4 letters = 0.15 s per letter against the speaker's 0.1
        assertEquals((float) Math.log(1.5), f[2][4], 1e-6);
        assertEquals((float) Math.log(0.1 / 0.1), f[1][4], 1e-6);
    }

    @Test
    void rateWindowIsLocalAndDurationsAreFloored() {
        List<TimedWord> words = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            words.add(new TimedWord("w" + i, i, i + (i == 6 ? 0.001 : 0.5), 0.5, 0.5));
        }
        float[][] f = new ProsodyFeaturizer().features(new MosiSegment("v", 0, SplitName.TEST, 0, 7, 0f, words, 0.25));
        assertEquals((float) Math.log(3 / 2.5), f[0][3], 1e-6, "words 0..2");
        assertEquals((float) Math.log(5 / 4.5), f[3][3], 1e-6, "words 1..5");
        assertEquals((float) Math.log(0.01), f[6][0], 1e-6, "1 ms floored at 10 ms");
        assertEquals(0, new ProsodyFeaturizer().features(new MosiSegment("v", 1, SplitName.TEST, 0, 0, 0f, List.of(), Double.NaN)).length);
    }
}
