package dev.rowan.examples.csv2xlsx.convert;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A long conversion tells the log how far it got; a short one stays quiet. */
class ProgressLogTest {

    /** Held so the logger (and the handler on it) is not collected during the test. */
    private final Logger logger = Logger.getLogger("rowan.csv2xlsx");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setLevel(null);
    }

    @Test
    void everyNRowsALineSaysHowManyRowsAndHowMuchOfTheFile() throws Exception {
        String csv = "id,name\n" + "1,abcdefgh\n".repeat(2_500);

        Workbooks.convert(CsvToXlsx.builder().progressEvery(1_000).build(), csv);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("INFO Converting CSV to XLSX: 1,000 rows written so far, 0\\.\\d MB of CSV read\\.");
        assertThat(lines.get(1)).startsWith("INFO Converting CSV to XLSX: 2,000 rows written so far, ");
        assertThat(lines.get(2)).matches("INFO Converted CSV to XLSX: 2,500 rows on 1 sheet from 0\\.0 MB of CSV in \\d+\\.\\d s\\.");
    }

    @Test
    void theMegabytesReadGrowWithTheFile() throws Exception {
        String row = "1," + "x".repeat(1_000) + "\n";   // 1,003 bytes: 1,100 rows are a little over 1 MB
        String csv = "id,text\n" + row.repeat(1_100);

        Workbooks.convert(CsvToXlsx.builder().progressEvery(550).build(), csv);

        // Reading runs a little ahead of writing (buffers), so halfway is "about half" of the file.
        assertThat(megabytes(lines.get(0))).isBetween(0.5, 0.7);
        assertThat(megabytes(lines.get(1))).isBetween(1.0, 1.1);
        assertThat(lines.get(2)).contains("1,100 rows on 1 sheet from 1.1 MB of CSV");
    }

    private static double megabytes(String line) {
        Matcher m = Pattern.compile("([0-9.]+) MB of CSV").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aShortFileLogsNothing() throws Exception {
        Workbooks.convert("id,name\n1,a\n2,b\n");

        assertThat(lines).isEmpty();
    }

    @Test
    void zeroTurnsTheLinesOff() throws Exception {
        Workbooks.convert(CsvToXlsx.builder().progressEvery(0).build(), "id\n" + "1\n".repeat(2_000));

        assertThat(lines).isEmpty();
    }
}
