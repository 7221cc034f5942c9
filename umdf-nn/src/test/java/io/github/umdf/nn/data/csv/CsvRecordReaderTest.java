package io.github.umdf.nn.data.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvRecordReaderTest {

    private static List<List<String>> parse(String text, List<Integer> lines) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(text), "t.csv")) {
            List<String> rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
                lines.add(r.recordLine());
            }
        }
        return out;
    }

    @Test
    void followsRfc4180() throws IOException {
        List<Integer> lines = new ArrayList<>();
        List<List<String>> recs = parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\n\"two\nlines\",,z\rlast,\"\",q", lines);
        assertEquals(List.of(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", ""),
                List.of("two\nlines", "", "z"),
                List.of("last", "", "q")), recs);
        assertEquals(List.of(1, 2, 4, 6), lines, "record start lines count quoted line breaks and skip blank lines");
    }
}
